import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TNational } from '../../contracts/national';
import { api } from './client';

/** Every province side by side (the national role). */
export function useNational(year: number | null) {
  return useQuery({
    queryKey: ['national', year ?? 'default'],
    queryFn: () => api.get<TNational>('/api/national', { query: { year } }),
    placeholderData: keepPreviousData,
  });
}
