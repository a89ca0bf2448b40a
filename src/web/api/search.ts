import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TSearchResult } from '../../contracts/search';
import { api } from './client';

/** /api/search: the top bar's one box. Two letters at least (the contract's rule). */
export function useSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text],
    queryFn: () => api.get<TSearchResult>('/api/search', { query: { q: text, limit: 5 } }),
    enabled: text.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
