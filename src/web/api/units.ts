import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { CreateUnitInput, Unit, UpdateUnitInput } from './types';

export function fetchUnits(asOf: string): Promise<Unit[]> {
  return api.get<Unit[]>('/api/units', { query: { asOf } });
}

/** Units in force on `asOf` (YYYY-MM-DD); the previous date's tree stays on screen while loading. */
export function useUnits(asOf: string) {
  return useQuery({
    queryKey: ['units', asOf],
    queryFn: () => fetchUnits(asOf),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUnitInput) => api.post<Unit>('/api/units', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['units'] }),
  });
}

export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUnitInput }) =>
      api.patch<Unit>(`/api/units/${encodeURIComponent(id)}`, input),
    // A 409 means our copy is stale: refetching in both cases shows the latest version.
    onSettled: () => qc.invalidateQueries({ queryKey: ['units'] }),
  });
}
