import { useQuery } from '@tanstack/react-query';
import type { TOidcStatus } from '../../contracts/oidc';
import { api } from './client';

/** Whether this deployment offers sign-in with the province's account. */
export function useOidcStatus() {
  return useQuery({ queryKey: ['oidc-status'], queryFn: () => api.get<TOidcStatus>('/api/auth/oidc'), staleTime: Infinity, retry: false });
}

/** A full-page navigation, not fetch: the provider's pages take over the window. */
export const OIDC_START_URL = '/api/auth/oidc/start';
