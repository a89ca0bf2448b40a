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
