import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { TDashboard, TDashboardMap, TPanelKey, TPanelUpdated } from '../../contracts/dashboard';
import { SESSION_KEY } from './auth';
import { ApiError, NETWORK_ERROR, api, apiRequest } from './client';
import type { Session } from './types';

const DASHBOARD = ['dashboard'] as const;

/** The panels of a year (the server's default year when none is given). */
export function useDashboard(year: number | null) {
  return useQuery({
    queryKey: [...DASHBOARD, year ?? 'default'],
    queryFn: () => api.get<TDashboard>('/api/dashboard', { query: { year } }),
    placeholderData: keepPreviousData,
    // The stream says when figures change; this only keeps a wall without events honest.
    refetchInterval: 5 * 60_000,
    staleTime: 0,
  });
}

export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * Listens to /api/dashboard/stream and refetches the dashboard when a panel changes, so the
 * wall updates without a reload. EventSource reconnects by itself after a network cut.
 */
export function useDashboardStream(onPanel?: (e: TPanelUpdated) => void): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setState('offline');
      return;
    }
    const es = new EventSource('/api/dashboard/stream', { withCredentials: true });
    es.addEventListener('hello', () => setState('live'));
    es.addEventListener('panel', (ev) => {
      const data = JSON.parse((ev as MessageEvent<string>).data) as TPanelUpdated;
      onPanel?.(data);
      void qc.invalidateQueries({ queryKey: DASHBOARD });
    });
    es.onerror = () => setState(es.readyState === EventSource.CLOSED ? 'offline' : 'connecting');
    return () => es.close();
    // onPanel is a notification hook; re-subscribing for each render would drop events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [qc]);
  return state;
}

export function useDashboardMap() {
  return useQuery({ queryKey: ['dashboard-map'], queryFn: () => api.get<TDashboardMap>('/api/dashboard/map'), staleTime: 10 * 60_000 });
}

/** PUT as multipart: the JSON client cannot send files; the CSRF token comes from the session the app holds. */
async function putMap(qc: QueryClient, file: File, nameProperty?: string): Promise<TDashboardMap> {
  const form = new FormData();
  if (nameProperty) form.append('nameProperty', nameProperty);
  form.append('file', file, file.name);
  const csrf = qc.getQueryData<Session | null>(SESSION_KEY)?.csrfToken ?? '';
  let res: Response;
  try {
    res = await fetch('/api/dashboard/map', { method: 'PUT', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': csrf, accept: 'application/json' } });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, 'Network error');
  }
  const data = (await res.json().catch(() => undefined)) as (TDashboardMap & { error?: { code: string; message: string } }) | undefined;
  if (res.ok && data) return data;
  throw new ApiError(res.status, data?.error?.code ?? `HTTP_${res.status}`, data?.error?.message ?? res.statusText);
}

export function useUploadMap() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, nameProperty }: { file: File; nameProperty?: string }) => putMap(qc, file, nameProperty),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dashboard-map'] }),
  });
}

export function useRemoveMap() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<{ ok: true }>('DELETE', '/api/dashboard/map'),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dashboard-map'] }),
  });
}

export function panelXlsxUrl(key: TPanelKey, year: number): string {
  return `/api/dashboard/panels/${key}/xlsx?year=${year}`;
}
