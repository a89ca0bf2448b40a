import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TBudgetSummary, TBudgetTree } from '../../contracts/budget';
import type { TPipelineTemplate, TRoleUnit, TRoleUnitCreate, TRoleUnitPatch, TTemplateCreate, TTemplatePatch } from '../../contracts/pipelines';
import type {
  TBottlenecks,
  TClosing,
  TProjectCreate,
  TProjectDetail,
  TProjectFilter,
  TProjectItem,
  TProjectList,
  TRiskList,
  TTaskOption,
  TTransition,
} from '../../contracts/projects';
import type { FundingSource } from '../../core/projects/risk';
import { api, apiRequest } from './client';

/** The IT-project, pipeline and budget API; shapes from src/contracts/{projects,pipelines,budget}.ts. */

function query(f: TProjectFilter): Record<string, string | number | undefined> {
  return { ...f };
}

/** A download link for the same filter (the browser saves the .xlsx the server names). */
export function exportUrl(path: string, params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export function useProjects(filter: TProjectFilter) {
  return useQuery({
    queryKey: ['projects', 'list', filter],
    queryFn: () => api.get<TProjectList>('/api/projects', { query: query(filter) }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | null) {
  return useQuery({
    queryKey: ['projects', 'detail', id],
    queryFn: () => api.get<TProjectDetail>(`/api/projects/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export function useRiskList(atRiskOnly: boolean, year?: number) {
  return useQuery({
    queryKey: ['projects', 'risk', atRiskOnly, year],
    queryFn: () => api.get<TRiskList>('/api/projects/at-risk', { query: { atRiskOnly: atRiskOnly ? 'true' : undefined, year } }),
    placeholderData: keepPreviousData,
  });
}

export function useBottlenecks(from?: string, to?: string) {
  return useQuery({
    queryKey: ['projects', 'bottlenecks', from, to],
    queryFn: () => api.get<TBottlenecks>('/api/projects/bottlenecks', { query: { from, to } }),
    placeholderData: keepPreviousData,
  });
}

export function useBudgetSummary() {
  return useQuery({ queryKey: ['budget', 'summary'], queryFn: () => api.get<TBudgetSummary>('/api/budget') });
}

export function useBudgetTree(year: number | null, source?: FundingSource) {
  return useQuery({
    queryKey: ['budget', 'tree', year, source],
    queryFn: () => api.get<TBudgetTree>(`/api/budget/${year}`, { query: { source } }),
    enabled: year !== null,
    placeholderData: keepPreviousData,
  });
}

export function useTaskOptions(q: string) {
  return useQuery({
    queryKey: ['projects', 'task-options', q],
    queryFn: () => api.get<TTaskOption[]>('/api/projects/task-options', { query: { q } }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TProjectCreate) => api.post<TProjectItem>('/api/projects', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['budget'] });
    },
  });
}

export function useTransition(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TTransition) => api.post<TProjectDetail>(`/api/projects/${encodeURIComponent(id)}/transitions`, input),
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
    mutationFn: (input: TClosing) => apiRequest<TProjectItem>('PUT', `/api/projects/${encodeURIComponent(id)}/closing`, { body: input }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['budget'] });
    },
  });
}

export function usePipelineTemplates() {
  return useQuery({ queryKey: ['pipeline-templates'], queryFn: () => api.get<TPipelineTemplate[]>('/api/pipeline-templates') });
}

export function useRoleUnits() {
  return useQuery({ queryKey: ['pipeline-role-units'], queryFn: () => api.get<TRoleUnit[]>('/api/pipeline-role-units') });
}

export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: TTemplatePatch } | { id?: undefined; body: TTemplateCreate }) =>
      input.id ? api.patch<TPipelineTemplate>(`/api/pipeline-templates/${encodeURIComponent(input.id)}`, input.body) : api.post<TPipelineTemplate>('/api/pipeline-templates', input.body),
    onSettled: () => qc.invalidateQueries({ queryKey: ['pipeline-templates'] }),
  });
}

export function useSaveRoleUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: TRoleUnitPatch } | { id?: undefined; body: TRoleUnitCreate }) =>
      input.id ? api.patch<TRoleUnit>(`/api/pipeline-role-units/${encodeURIComponent(input.id)}`, input.body) : api.post<TRoleUnit>('/api/pipeline-role-units', input.body),
    onSettled: () => qc.invalidateQueries({ queryKey: ['pipeline-role-units'] }),
  });
}
