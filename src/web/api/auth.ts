import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TLoginThrottleList, TLoginThrottleRelease } from '../../contracts/auth';
import { ApiError, api, setCsrfToken } from './client';
import type { Session } from './types';

export const SESSION_KEY = ['session'] as const;

/** The current session, or null when nobody is logged in (401). */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/me', { expectUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export async function login(username: string, password: string): Promise<Session> {
  const session = await api.post<Session>('/api/auth/login', { username, password }, { expectUnauthorized: true });
  setCsrfToken(session.csrfToken);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout', undefined, { expectUnauthorized: true });
  } finally {
    setCsrfToken(null);
  }
}

const THROTTLES = ['login-throttles'] as const;

/** Accounts and addresses held back by the login throttle (admin only). */
export function useLoginThrottles(enabled: boolean) {
  return useQuery({ queryKey: THROTTLES, queryFn: () => api.get<TLoginThrottleList>('/api/auth/throttles'), enabled });
}

export function useReleaseThrottle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (key: TLoginThrottleRelease) => api.post<{ ok: true }>('/api/auth/throttles/release', key),
    onSettled: () => qc.invalidateQueries({ queryKey: THROTTLES }),
  });
}
