import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { TEmbedLink, TEmbedLinkCreate, TEmbedLinkCreated, TEmbedPanel, TEmbedSettings, TEmbedSettingsUpdate } from '../../contracts/embeds';
import { api } from './client';

const LINKS = ['embed-links'] as const;
const SETTINGS = ['embed-settings'] as const;

export function useEmbedLinks() {
  return useQuery({ queryKey: LINKS, queryFn: () => api.get<TEmbedLink[]>('/api/embed-links') });
}

export function useCreateEmbedLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TEmbedLinkCreate) => api.post<TEmbedLinkCreated>('/api/embed-links', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: LINKS }),
  });
}

export function useRevokeEmbedLink() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TEmbedLink>(`/api/embed-links/${id}/revoke`),
    onSuccess: () => qc.invalidateQueries({ queryKey: LINKS }),
  });
}

export function useEmbedSettings() {
  return useQuery({ queryKey: SETTINGS, queryFn: () => api.get<TEmbedSettings>('/api/embed-settings') });
}

export function useSaveEmbedSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TEmbedSettingsUpdate) => api.put<TEmbedSettings>('/api/embed-settings', input),
    onSuccess: (data) => qc.setQueryData(SETTINGS, data),
  });
}

const viewPath = (key: string, token: string) => `/api/embed/${encodeURIComponent(key)}/${encodeURIComponent(token)}`;

/**
 * The embedded panel's figures, read with the link's secret. A minute's refetch keeps a revoked
 * or expired link from showing figures for long even when nothing changes.
 */
export function useEmbedPanel(key: string, token: string, unit: string | null) {
  return useQuery({
    queryKey: ['embed', key, token, unit],
    queryFn: () => api.get<TEmbedPanel>(viewPath(key, token), { query: { unit } }),
    refetchInterval: 60_000,
    staleTime: 0,
    retry: false,
  });
}

/** Refetches the embedded panel when its figures change (the same events as the IOC wall). */
export function useEmbedStream(key: string, token: string, unit: string | null, onChange: () => void): boolean {
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource(`${viewPath(key, token)}/stream${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`);
    es.addEventListener('hello', () => setLive(true));
    es.addEventListener('panel', () => onChange());
    es.onerror = () => setLive(false);
    return () => es.close();
    // onChange is a notification hook; re-subscribing for each render would drop events.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, token, unit]);
  return live;
}
