import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TDelivery, TDeliveryCreate, TDeliveryPreview } from '../../contracts/deliveries';
import { api } from './client';

const KEY = ['deliveries'] as const;

export function useDeliveries() {
  return useQuery({ queryKey: KEY, queryFn: () => api.get<TDelivery[]>('/api/deliveries') });
}

export function useCreateDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TDeliveryCreate) => api.post<TDelivery>('/api/deliveries', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useSetDeliveryActive() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; active: boolean }) => api.put<TDelivery>(`/api/deliveries/${v.id}/active`, { active: v.active }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeliveryPreview(id: string | null) {
  return useQuery({ queryKey: [...KEY, 'preview', id], queryFn: () => api.get<TDeliveryPreview>(`/api/deliveries/${id}/preview`), enabled: id !== null, staleTime: 0 });
}
