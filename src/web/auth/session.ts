import { useQuery, type QueryClient } from '@tanstack/react-query';
import { SESSION_KEY, fetchSession } from '../api/auth';
import { setUnauthorizedHandler } from '../api/client';
import type { Session, SessionUser } from '../api/types';

let sessionExpired = false;

/** The session as the server sees it; `null` data means "log in first". */
export function useSessionQuery() {
  return useQuery<Session | null>({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: false,
  });
}

/** The logged-in user; only for components rendered below `RequireAuth`. */
export function useCurrentUser(): SessionUser {
  const { data } = useSessionQuery();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data.user;
}

/**
 * A 401 on any ordinary request ends the session on screen, which sends the user to the
 * login page. Returns the uninstaller (for an effect's cleanup).
 */
export function installUnauthorizedHandler(queryClient: QueryClient): () => void {
  setUnauthorizedHandler(() => {
    if (queryClient.getQueryData(SESSION_KEY)) sessionExpired = true;
    queryClient.setQueryData(SESSION_KEY, null);
  });
  return () => setUnauthorizedHandler(null);
}

/** True after a session ended by itself (expiry) until the next login or logout, so the login page can say why. */
export function sessionHasExpired(): boolean {
  return sessionExpired;
}

/** After login or logout: everything cached belonged to the previous session. */
export function resetSessionCache(queryClient: QueryClient, session: Session | null): void {
  sessionExpired = false;
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, session);
}
