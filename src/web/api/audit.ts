import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TAuditPage, TAuditQuery } from '../../contracts/audit';
import { api } from './client';

export function useAudit(filter: TAuditQuery) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => api.get<TAuditPage>('/api/audit', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}
