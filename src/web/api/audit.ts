import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { AuditFilter, AuditPage } from './types';

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => api.get<AuditPage>('/api/audit', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}
