import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { SESSION_KEY } from './auth';
import { api, ApiError, NETWORK_ERROR } from './client';
import type { Session } from './types';
import type { TImportError, TImportJob } from '../../contracts/imports';

/** Shapes of the indicator, target, value, import and dossier-feed API. */

export type Pillar = 'infrastructure' | 'government' | 'economy' | 'society' | 'other';
export type IndicatorKind = 'raw' | 'ratio' | 'formula';
export type Rule = 'sum' | 'ratio' | 'mean' | 'last';
export type PeriodType = 'month' | 'quarter' | 'half' | 'nine_months' | 'year';
export type Rag = 'green' | 'amber' | 'red';
export type ValueStatus = 'draft' | 'submitted' | 'returned' | 'approved';

export const PILLARS: readonly Pillar[] = ['infrastructure', 'government', 'economy', 'society', 'other'];

export interface Catalogue {
  id: string;
  code: string;
  name: string;
  issuer: string | null;
  documentRef: string | null;
  validFrom: string;
  validTo: string | null;
  sample: boolean;
  indicators: number;
}

export interface Indicator {
  id: string;
  catalogueId: string;
  catalogueCode: string;
  catalogueName: string;
  code: string;
  name: string;
  pillar: Pillar;
  parentId: string | null;
  unitOfMeasure: string;
  kind: IndicatorKind;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  formula: string | null;
  ratioScale: number;
  unitRule: Rule;
  timeRule: Rule;
  direction: 'higher_better' | 'lower_better';
  periodicity: PeriodType;
  sourceAgency: string;
  maxPoints: number | null;
  ragGreen: number | null;
  ragAmber: number | null;
  description: string | null;
  validFrom: string;
  validTo: string | null;
  sample: boolean;
  version: number;
}

export interface TargetInfo {
  target: { value: number; period: string; planCode: string; level: string | null; unitSpecific: boolean } | null;
  achievement: number | null;
  rag: Rag | null;
}

export interface Cell extends TargetInfo {
  value: number | null;
  numerator?: number;
  denominator?: number;
  count: number;
  note?: string;
}

export interface Rollup {
  indicator: Indicator;
  unit: { id: string; code: string; name: string; kind: string };
  period: string;
  periodLabel: string;
  sourceAgency: string;
  total: Cell;
  series: Array<{ period: string; label: string; value: number | null; numerator?: number; denominator?: number; count: number }>;
  children: Array<Cell & { unitId: string; unitCode: string; unitName: string; shortName: string | null; kind: string }>;
}

export interface SummaryItem extends TargetInfo {
  indicatorId: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
  count: number;
}

export interface IndicatorValue {
  id: number;
  indicatorId: string;
  indicatorCode: string;
  unitId: string;
  unitName: string;
  period: string;
  sourceAgency: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: ValueStatus;
  origin: string;
  note: string | null;
  enteredBy: string;
  enteredAt: string;
  sample: boolean;
  version: number;
}

export type ImportError = TImportError;
export type ImportJob = TImportJob;

export interface ValueInput {
  indicatorId: string;
  unitId: string;
  period: string;
  sourceAgency?: string | null;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  note?: string | null;
  version?: number;
  channel: 'form';
}

export function useCatalogues() {
  return useQuery({ queryKey: ['indicator-catalogues'], queryFn: () => api.get<Catalogue[]>('/api/indicator-catalogues') });
}

export function useIndicators() {
  return useQuery({ queryKey: ['indicators'], queryFn: () => api.get<Indicator[]>('/api/indicators') });
}

export function useRollup(indicatorId: string | undefined, unitId: string | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['indicator-rollup', indicatorId, unitId, period],
    queryFn: () => api.get<Rollup>(`/api/indicators/${encodeURIComponent(indicatorId!)}/rollup`, { query: { unitId, period } }),
    enabled: !!indicatorId && !!unitId && !!period,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useSummary(unitId: string | undefined, period: string, catalogueId?: string) {
  return useQuery({
    queryKey: ['indicator-summary', unitId, period, catalogueId],
    queryFn: () => api.get<{ items: SummaryItem[] }>('/api/indicator-summary', { query: { unitId, period, catalogueId } }),
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
}

export function useValue(indicatorId: string | undefined, unitId: string | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['indicator-values', indicatorId, unitId, period],
    queryFn: () => api.get<IndicatorValue[]>('/api/indicator-values', { query: { indicatorId, unitId, period, limit: 20 } }),
    enabled: !!indicatorId && !!unitId && !!period,
  });
}

function invalidateIndicatorData(qc: QueryClient) {
  for (const key of ['indicator-values', 'indicator-rollup', 'indicator-summary']) void qc.invalidateQueries({ queryKey: [key] });
}

export function useEnterValue() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ValueInput) => api.post<IndicatorValue>('/api/indicator-values', input),
    onSettled: () => invalidateIndicatorData(qc),
  });
}

export type ImportKind = 'indicator-imports' | 'dossier-imports';

export function useImportJobs(kind: ImportKind, enabled: boolean) {
  return useQuery({ queryKey: [kind], queryFn: () => api.get<ImportJob[]>(`/api/${kind}`), enabled });
}

/** Polls a running import every second until it is done or failed. */
export function useImportJob(kind: ImportKind, id: string | null) {
  const qc = useQueryClient();
  return useQuery({
    queryKey: [kind, id],
    queryFn: async () => {
      const job = await api.get<ImportJob>(`/api/${kind}/${encodeURIComponent(id!)}`);
      if (job.status !== 'running') {
        invalidateIndicatorData(qc);
        void qc.invalidateQueries({ queryKey: [kind], exact: true });
      }
      return job;
    },
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 1000),
  });
}

/** Sends a file as multipart/form-data (the JSON client cannot); errors come back as ApiError. */
export async function uploadImport(qc: QueryClient, kind: ImportKind, file: File): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  const csrf = qc.getQueryData<Session | null>(SESSION_KEY)?.csrfToken ?? '';
  let res: Response;
  try {
    res = await fetch(`/api/${kind}`, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': csrf, accept: 'application/json' } });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, 'Network error');
  }
  const data = (await res.json().catch(() => undefined)) as (ImportJob & { error?: { code: string; message: string; field?: string } }) | undefined;
  if (res.ok && data) return data;
  throw new ApiError(res.status, data?.error?.code ?? `HTTP_${res.status}`, data?.error?.message ?? res.statusText, data?.error?.field);
}

/** Asks the server to stop a running import; the job ends as cancelled and nothing is written. */
export function useCancelImport(kind: ImportKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ImportJob>(`/api/${kind}/${encodeURIComponent(id)}/cancel`, {}),
    onSuccess: (job) => {
      qc.setQueryData([kind, job.id], job);
      void qc.invalidateQueries({ queryKey: [kind] });
    },
  });
}

export function useUploadImport(kind: ImportKind) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (file: File) => uploadImport(qc, kind, file), onSuccess: () => qc.invalidateQueries({ queryKey: [kind], exact: true }) });
}

export interface IndicatorInput {
  catalogueId?: string;
  code?: string;
  kind?: IndicatorKind;
  name?: string;
  pillar?: Pillar;
  unitOfMeasure?: string;
  formula?: string | null;
  unitRule?: Rule;
  timeRule?: Rule;
  direction?: 'higher_better' | 'lower_better';
  periodicity?: PeriodType;
  sourceAgency?: string;
  validFrom?: string;
  validTo?: string | null;
  version?: number;
}

export interface Target {
  id: string;
  indicatorId: string;
  indicatorCode: string;
  planCode: string;
  planTitle: string | null;
  level: 'city' | 'district' | 'commune' | null;
  unitId: string | null;
  unitName: string | null;
  period: string;
  value: number;
  note: string | null;
  sample: boolean;
  version: number;
}

export interface TargetInput {
  indicatorId: string;
  planCode: string;
  planTitle?: string | null;
  level?: 'city' | 'district' | 'commune' | null;
  unitId?: string | null;
  period: string;
  value: number;
  note?: string | null;
}

function invalidateCatalogue(qc: QueryClient) {
  for (const key of ['indicators', 'indicator-catalogues', 'indicator-summary']) void qc.invalidateQueries({ queryKey: [key] });
}

export function useSaveIndicator() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: IndicatorInput }) =>
      id ? api.patch<Indicator>(`/api/indicators/${encodeURIComponent(id)}`, input) : api.post<Indicator>('/api/indicators', input),
    onSettled: () => invalidateCatalogue(qc),
  });
}

export function useTargets() {
  return useQuery({ queryKey: ['indicator-targets'], queryFn: () => api.get<Target[]>('/api/indicator-targets') });
}

function invalidateTargets(qc: QueryClient) {
  for (const key of ['indicator-targets', 'indicator-summary', 'indicator-rollup']) void qc.invalidateQueries({ queryKey: [key] });
}

export function useSetTarget() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (input: TargetInput) => api.put<Target>('/api/indicator-targets', input), onSettled: () => invalidateTargets(qc) });
}

export function useDeleteTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (t: Pick<Target, 'id' | 'version'>) => api.delete<unknown>(`/api/indicator-targets/${encodeURIComponent(t.id)}`, { query: { version: t.version } }),
    onSettled: () => invalidateTargets(qc),
  });
}
