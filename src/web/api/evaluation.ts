import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LetterDraft, LetterView, RulesView, RunSummary, RunView } from '../../contracts/evaluation';
import { api, apiRequest } from './client';

export type * from '../../contracts/evaluation';

export function useEvaluationRuns(period?: string) {
  return useQuery({ queryKey: ['evaluation', 'runs', period ?? 'all'], queryFn: () => api.get<RunSummary[]>('/api/evaluation/runs', { query: { period } }) });
}

export function useEvaluationRun(id: string | null) {
  return useQuery({
    queryKey: ['evaluation', 'run', id],
    queryFn: () => api.get<RunView>(`/api/evaluation/runs/${encodeURIComponent(id!)}`),
    enabled: !!id,
    placeholderData: keepPreviousData,
  });
}

export function useEvaluationRules() {
  return useQuery({ queryKey: ['evaluation', 'rules'], queryFn: () => api.get<RulesView>('/api/evaluation/rules') });
}

export function useCreateRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { period: string; unitLevel?: 'city' | 'commune'; unitKinds?: string[]; note?: string | null }) => api.post<RunView>('/api/evaluation/runs', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['evaluation'] }),
  });
}

export function useLetter(runId: string | null) {
  return useQuery({
    queryKey: ['evaluation', 'letter', runId],
    queryFn: () => api.get<LetterView>(`/api/evaluation/runs/${encodeURIComponent(runId!)}/letter`),
    enabled: !!runId,
  });
}

export function useSaveLetter(runId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; draft: LetterDraft }) => apiRequest<LetterView>('PUT', `/api/evaluation/runs/${encodeURIComponent(runId)}/letter`, { body: input }),
    onSuccess: (data) => qc.setQueryData(['evaluation', 'letter', runId], data),
    onError: () => qc.invalidateQueries({ queryKey: ['evaluation', 'letter', runId] }),
  });
}

export const letterDocxUrl = (runId: string) => `/api/evaluation/runs/${encodeURIComponent(runId)}/letter.docx`;
export const runXlsxUrl = (runId: string) => `/api/evaluation/runs/${encodeURIComponent(runId)}/xlsx`;
