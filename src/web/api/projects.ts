import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionType, ActorRole, AllowedAction, PipelinePhase, PipelineStep, ProjectKind, StepAction } from '../../core/projects/pipeline';
import type { StepVisit } from '../../core/projects/clocks';
import type { FundingSource } from '../../core/projects/risk';
import { api, apiRequest } from './client';

/** Shapes of the IT-project, pipeline and budget API. Money is integer đồng (JSON numbers below 2^53). */

export type { ActionType, ActorRole, AllowedAction, FundingSource, PipelinePhase, PipelineStep, ProjectKind, StepAction, StepVisit };
export type ProjectStatus = 'active' | 'finished' | 'closed';

export const PROJECT_KINDS: readonly ProjectKind[] = ['recurrent_activity', 'investment_project', 'service_rental', 'purchase'];
export const FUNDING_SOURCES: readonly FundingSource[] = ['recurrent', 'public_investment', 'other'];
export const HOLDER_ROLES: readonly ActorRole[] = ['owner', 'technical_appraiser', 'finance_appraiser', 'approver'];

export interface Holder {
  role: ActorRole;
  unitId: string | null;
  unitName: string | null;
}

export interface ProjectItem {
  id: string;
  name: string;
  description: string | null;
  unitId: string;
  unitName: string;
  kind: ProjectKind;
  fiscalYear: number;
  fundingSource: FundingSource;
  estimate: number;
  allocated: number | null;
  contracted: number | null;
  disbursed: number;
  carriedOver: number;
  cancelled: number;
  remaining: number;
  startedOn: string;
  template: { id: string; code: string; name: string; law: string };
  stepIndex: number;
  stepCount: number;
  step: { code: string; name: string; phase: PipelinePhase; actorRole: ActorRole; action: StepAction; limit: number } | null;
  holder: Holder | null;
  stepStartedOn: string;
  workingDaysInStep: number | null;
  overdueBy: number;
  revisions: number;
  status: ProjectStatus;
  finishedOn: string | null;
  closedOn: string | null;
  closingNote: string | null;
  taskIds: string[];
  sample: boolean;
  version: number;
}

export interface ProjectEvent {
  seq: number;
  action: ActionType;
  stepCode: string;
  stepName: string;
  fromStep: number;
  toStep: number;
  actorRole: ActorRole;
  date: string;
  documentNumber: string | null;
  comment: string | null;
  amount: number | null;
  final: boolean;
  actorName: string;
  actorUnitName: string | null;
  recordedAt: string;
}

export interface RiskRow {
  projectId: string;
  name: string;
  unitId: string;
  unitName: string;
  fiscalYear: number;
  fundingSource: FundingSource;
  kind: ProjectKind;
  amount: number;
  legalDeadline: string;
  holder: Holder;
  currentStep: { code: string; name: string; limit: number; expectedDays: number; basis: 'limit' | 'observed' };
  stepStartedOn: string;
  elapsedInCurrentStep: number;
  currentStepDue: string;
  remainingSteps: Array<{ code: string; name: string; actorRole: ActorRole; limit: number; observedMedian: number | null; expectedDays: number; basis: 'limit' | 'observed' }>;
  remainingWorkingDays: number;
  projectedDisbursement: string;
  atRisk: boolean;
  mustMoveBy: string;
  slackWorkingDays: number;
  revisions: number;
  sample: boolean;
}

export interface ProjectDetail extends ProjectItem {
  today: string;
  templateLaw: string;
  templateNote: string | null;
  steps: PipelineStep[];
  events: ProjectEvent[];
  visits: StepVisit[];
  revisionsByStep: Record<string, number>;
  allowedActions: AllowedAction[];
  permissions: { edit: boolean; close: boolean };
  tasks: Array<{ id: string; title: string; leadUnitName: string; deadline: string | null }>;
  risk: RiskRow | null;
}

export interface ProjectFilter {
  year?: number;
  source?: FundingSource;
  unitId?: string;
  kind?: ProjectKind;
  status?: ProjectStatus;
  holderRole?: ActorRole;
  overdue?: 'true';
  q?: string;
}

export interface ProjectList {
  today: string;
  items: ProjectItem[];
  totals: { count: number; estimate: number; allocated: number; disbursed: number; carriedOver: number; cancelled: number };
}

export interface RiskList {
  today: string;
  items: RiskRow[];
  totals: { count: number; amount: number; atRiskCount: number; atRiskAmount: number };
}

export interface DurationStats {
  key: string;
  label: string;
  count: number;
  open: number;
  overdue: number;
  medianDays: number;
  worstDays: number;
  worstProjectId: string;
  worstProjectName: string | null;
}

export interface Bottlenecks {
  today: string;
  from: string | null;
  to: string | null;
  byStep: DurationStats[];
  byAppraiser: DurationStats[];
  byOwner: DurationStats[];
}

export interface BudgetMoney {
  count: number;
  planned: number;
  allocated: number;
  disbursed: number;
  carriedOver: number;
  cancelled: number;
  unallocated: number;
  open: number;
  disbursementRate: number | null;
  disbursementRateOfAllocated: number | null;
}

export interface BudgetSummary {
  years: Array<{ fiscalYear: number; total: BudgetMoney; bySource: Array<BudgetMoney & { source: FundingSource; label: string }> }>;
}

export interface BudgetTree {
  fiscalYear: number;
  source: FundingSource | null;
  total: BudgetMoney;
  units: Array<
    BudgetMoney & {
      unitId: string;
      unitName: string;
      projects: Array<BudgetMoney & { id: string; name: string; fundingSource: FundingSource; sample: boolean }>;
    }
  >;
  check: { ok: boolean; mismatches: Array<{ key: string; amount: number; sum: number }>; projectSum: number };
}

export interface NewProjectInput {
  unitId: string;
  name: string;
  description?: string | null;
  kind: ProjectKind;
  fiscalYear: number;
  fundingSource: FundingSource;
  estimate: number;
  startedOn?: string;
  taskIds?: string[];
}

export interface TransitionInput {
  version: number;
  type: ActionType;
  date: string;
  documentNumber?: string | null;
  comment?: string | null;
  amount?: number | null;
  final?: boolean;
}

export interface ClosingInput {
  version: number;
  closedOn: string | null;
  carriedOver: number;
  cancelled: number;
  note?: string | null;
}

export interface TemplateRecord {
  id: string;
  code: string;
  law: string;
  name: string;
  kind: ProjectKind;
  validFrom: string;
  validTo: string | null;
  amountMinExclusive: number | null;
  amountMaxInclusive: number | null;
  steps: PipelineStep[];
  note: string | null;
  projects: number;
  version: number;
  updatedAt: string;
}

export interface RoleUnitRecord {
  id: string;
  role: Exclude<ActorRole, 'owner'>;
  kinds: ProjectKind[];
  unitId: string;
  unitName: string;
  validFrom: string;
  validTo: string | null;
  basis: string;
  version: number;
}

function query(f: ProjectFilter): Record<string, string | number | undefined> {
  return { ...f };
}

/** A download link for the same filter (the browser saves the .xlsx the server names). */
export function exportUrl(path: string, params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export function useProjects(filter: ProjectFilter) {
  return useQuery({
    queryKey: ['projects', 'list', filter],
    queryFn: () => api.get<ProjectList>('/api/projects', { query: query(filter) }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | null) {
  return useQuery({
    queryKey: ['projects', 'detail', id],
    queryFn: () => api.get<ProjectDetail>(`/api/projects/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export function useRiskList(atRiskOnly: boolean, year?: number) {
  return useQuery({
    queryKey: ['projects', 'risk', atRiskOnly, year],
    queryFn: () => api.get<RiskList>('/api/projects/at-risk', { query: { atRiskOnly: atRiskOnly ? 'true' : undefined, year } }),
    placeholderData: keepPreviousData,
  });
}

export function useBottlenecks(from?: string, to?: string) {
  return useQuery({
    queryKey: ['projects', 'bottlenecks', from, to],
    queryFn: () => api.get<Bottlenecks>('/api/projects/bottlenecks', { query: { from, to } }),
    placeholderData: keepPreviousData,
  });
}

export function useBudgetSummary() {
  return useQuery({ queryKey: ['budget', 'summary'], queryFn: () => api.get<BudgetSummary>('/api/budget') });
}

export function useBudgetTree(year: number | null, source?: FundingSource) {
  return useQuery({
    queryKey: ['budget', 'tree', year, source],
    queryFn: () => api.get<BudgetTree>(`/api/budget/${year}`, { query: { source } }),
    enabled: year !== null,
    placeholderData: keepPreviousData,
  });
}

export function useTaskOptions(q: string) {
  return useQuery({
    queryKey: ['projects', 'task-options', q],
    queryFn: () => api.get<Array<{ id: string; title: string; leadUnitName: string; assignedOn: string }>>('/api/projects/task-options', { query: { q } }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewProjectInput) => api.post<ProjectItem>('/api/projects', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['budget'] });
    },
  });
}

export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionInput) => api.post<ProjectDetail>(`/api/projects/${encodeURIComponent(id)}/transitions`, input),
    onSuccess: (detail) => qc.setQueryData(['projects', 'detail', id], detail),
    // A 409 means our copy is stale: refetching in both cases shows the latest version.
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['budget'] });
    },
  });
}

export function useCloseProject(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ClosingInput) => apiRequest<ProjectItem>('PUT', `/api/projects/${encodeURIComponent(id)}/closing`, { body: input }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['budget'] });
    },
  });
}

export function usePipelineTemplates() {
  return useQuery({ queryKey: ['pipeline-templates'], queryFn: () => api.get<TemplateRecord[]>('/api/pipeline-templates') });
}

export function useRoleUnits() {
  return useQuery({ queryKey: ['pipeline-role-units'], queryFn: () => api.get<RoleUnitRecord[]>('/api/pipeline-role-units') });
}

export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: Record<string, unknown> }) =>
      input.id ? api.patch<TemplateRecord>(`/api/pipeline-templates/${encodeURIComponent(input.id)}`, input.body) : api.post<TemplateRecord>('/api/pipeline-templates', input.body),
    onSettled: () => qc.invalidateQueries({ queryKey: ['pipeline-templates'] }),
  });
}

export function useSaveRoleUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id?: string; body: Record<string, unknown> }) =>
      input.id ? api.patch<RoleUnitRecord>(`/api/pipeline-role-units/${encodeURIComponent(input.id)}`, input.body) : api.post<RoleUnitRecord>('/api/pipeline-role-units', input.body),
    onSettled: () => qc.invalidateQueries({ queryKey: ['pipeline-role-units'] }),
  });
}
