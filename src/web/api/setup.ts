import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TSetupClaim, TSetupStatus, TSetupStep, TNationalProvince } from '../../contracts/setup';
import { api } from './client';

export const SETUP_KEY = ['setup'] as const;

export function useSetupStatus() {
  return useQuery({ queryKey: SETUP_KEY, queryFn: () => api.get<TSetupStatus>('/api/setup') });
}

export function useNationalProvinces(enabled: boolean) {
  return useQuery({ queryKey: ['setup', 'provinces'], enabled, staleTime: Infinity, queryFn: () => api.get<{ source: string; items: TNationalProvince[] }>('/api/setup/provinces') });
}

export function claimSetup(input: TSetupClaim): Promise<{ username: string; rootUnitId: string }> {
  return api.post('/api/setup/claim', input);
}

export function useMarkStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, state }: { step: TSetupStep; state: 'done' | 'skipped' | 'todo' }) => api.put<TSetupStatus>(`/api/setup/steps/${step}`, { state }),
    onSuccess: (status) => qc.setQueryData(SETUP_KEY, status),
  });
}

export function useLoadCommunes() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ created: number; total: number; status: TSetupStatus }>('/api/setup/communes'),
    onSuccess: (r) => qc.setQueryData(SETUP_KEY, r.status),
  });
}
