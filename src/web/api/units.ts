import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TUnit, TUnitCreate, TUnitUpdate } from '../../contracts/units';
import { api } from './client';

export function fetchUnits(asOf: string): Promise<TUnit[]> {
  return api.get<TUnit[]>('/api/units', { query: { asOf } });
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
    mutationFn: (input: TUnitCreate) => api.post<TUnit>('/api/units', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['units'] }),
  });
}

export function useUpdateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: TUnitUpdate }) =>
      api.patch<TUnit>(`/api/units/${encodeURIComponent(id)}`, input),
    // A 409 means our copy is stale: refetching in both cases shows the latest version.
    onSettled: () => qc.invalidateQueries({ queryKey: ['units'] }),
  });
}
