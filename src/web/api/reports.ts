import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from './client';
import type { PeriodType } from './indicators';

/** Shapes of the periodic-report API (NĐ 09/2019 regimes, submissions, timeliness). */

export type SubmissionStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export type Timeliness = 'on_time' | 'late' | 'missing' | 'pending';
export type DeadlineRule = { kind: 'working_days_after_cutoff'; days: number } | { kind: 'day_of_month'; day: number; monthOffset: number };

export interface RegimeField {
  id: string;
  position: number;
  kind: 'indicator' | 'text';
  indicatorId: string | null;
  indicatorCode: string | null;
  indicatorKind: 'raw' | 'ratio' | 'formula' | null;
  unitOfMeasure: string | null;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  label: string;
  required: boolean;
}

export interface Regime {
  id: string;
  code: string;
  title: string;
  content: string;
  reportKind: 'periodic' | 'thematic' | 'ad_hoc';
  periodType: PeriodType;
  deadlineRule: DeadlineRule;
  receivingUnitId: string;
  receivingUnitName: string;
  sendingMethod: string;
  legalBasis: string | null;
  validFrom: string;
  validTo: string | null;
  sample: boolean;
  version: number;
  fields: RegimeField[];
  units: Array<{ id: string; code: string; name: string; shortName: string | null; kind: string; validFrom: string; validTo: string | null }>;
}

export interface PeriodInfo {
  period: string;
  label: string;
  cutoffStart: string;
  cutoffEnd: string;
  deadline: string;
}

export interface PeriodRow extends PeriodInfo {
  units: number;
  submitted: number;
  approved: number;
  returned: number;
  draft: number;
  due: boolean;
}

export interface TimelinessRow {
  unitId: string;
  unitCode: string;
  unitName: string;
  shortName: string | null;
  kind: string;
  submissionId: string | null;
  status: SubmissionStatus | null;
  submittedAt: string | null;
  submittedBy: string | null;
  decidedAt: string | null;
  returnReason: string | null;
  timeliness: Timeliness;
  version: number;
}

export interface TimelinessGrid extends PeriodInfo {
  regimeId: string;
  today: string;
  summary: { units: number; onTime: number; late: number; missing: number; pending: number; approved: number };
  rows: TimelinessRow[];
}

export interface Answer {
  text?: string | null;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface Submission {
  id: string;
  regimeId: string;
  unitId: string;
  unitName: string;
  period: string;
  status: SubmissionStatus;
  answers: Record<string, Answer>;
  submittedAt: string | null;
  submittedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  returnReason: string | null;
  sample: boolean;
  version: number;
}

export interface SubmissionView {
  regime: Regime;
  unit: { id: string; name: string; code: string };
  period: PeriodInfo;
  submission: Submission | null;
  timeliness: Timeliness;
  events: Array<{ at: string; actor: string; action: string; fromStatus: string | null; toStatus: string; reason: string | null }>;
}

export function useRegimes() {
  return useQuery({ queryKey: ['report-regimes'], queryFn: () => api.get<Regime[]>('/api/report-regimes') });
}

export function usePeriods(regimeId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['report-periods', regimeId, year],
    queryFn: () => api.get<PeriodRow[]>(`/api/report-regimes/${encodeURIComponent(regimeId!)}/periods`, { query: { year } }),
    enabled: !!regimeId,
    placeholderData: keepPreviousData,
  });
}

export function useTimeliness(regimeId: string | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['report-timeliness', regimeId, period],
    queryFn: () => api.get<TimelinessGrid>(`/api/report-regimes/${encodeURIComponent(regimeId!)}/timeliness`, { query: { period } }),
    enabled: !!regimeId && !!period,
    placeholderData: keepPreviousData,
  });
}

export function useSubmissionView(regimeId: string | undefined, unitId: string | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['report-submission', regimeId, unitId, period],
    queryFn: () => api.get<SubmissionView>(`/api/report-regimes/${encodeURIComponent(regimeId!)}/submission`, { query: { unitId, period } }),
    enabled: !!regimeId && !!unitId && !!period,
  });
}

function useInvalidateReports() {
  const qc = useQueryClient();
  return () => {
    for (const key of ['report-submission', 'report-timeliness', 'report-periods', 'indicator-rollup', 'indicator-summary', 'indicator-values']) void qc.invalidateQueries({ queryKey: [key] });
  };
}

export function useSaveDraft(regimeId: string) {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: (input: { unitId: string; period: string; answers: Record<string, Answer>; version: number }) => apiRequest<Submission>('PUT', `/api/report-regimes/${encodeURIComponent(regimeId)}/submission`, { body: input }),
    onSettled: invalidate,
  });
}

export function useTransition() {
  const invalidate = useInvalidateReports();
  return useMutation({
    mutationFn: ({ id, action, version, reason }: { id: string; action: 'submit' | 'approve' | 'return'; version: number; reason?: string }) =>
      api.post<Submission>(`/api/report-submissions/${encodeURIComponent(id)}/${action}`, action === 'return' ? { version, reason } : { version }),
    onSettled: invalidate,
  });
}

export function exportUrl(regimeId: string, period: string, format: 'xlsx' | 'docx'): string {
  return `/api/report-regimes/${encodeURIComponent(regimeId)}/export?period=${encodeURIComponent(period)}&format=${format}`;
}

export interface RegimeFieldInput {
  kind: 'indicator' | 'text';
  indicatorId?: string | null;
  label?: string | null;
  required?: boolean;
}

export interface RegimeInput {
  code?: string;
  reportKind?: Regime['reportKind'];
  periodType?: PeriodType;
  title?: string;
  content?: string;
  deadlineRule?: DeadlineRule;
  receivingUnitId?: string;
  sendingMethod?: string;
  legalBasis?: string | null;
  validFrom?: string;
  validTo?: string | null;
  unitIds?: string[];
  fields?: RegimeFieldInput[];
  version?: number;
}

export function useSaveRegime() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: RegimeInput }) =>
      id ? api.patch<Regime>(`/api/report-regimes/${encodeURIComponent(id)}`, input) : api.post<Regime>('/api/report-regimes', input),
    onSettled: () => {
      for (const key of ['report-regimes', 'report-periods', 'report-timeliness']) void qc.invalidateQueries({ queryKey: [key] });
    },
  });
}
