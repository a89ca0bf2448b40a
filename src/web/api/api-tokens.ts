import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApiToken, TApiTokenCreate, TApiTokenCreated } from '../../contracts/api-tokens';
import { api } from './client';

const KEY = ['api-tokens'] as const;

export function useApiTokens() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<TApiToken[]>('/api/api-tokens') });
}

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TApiTokenCreate) => api.post<TApiTokenCreated>('/api/api-tokens', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TApiToken>(`/api/api-tokens/${id}/revoke`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
