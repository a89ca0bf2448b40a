import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TNotificationList } from '../../contracts/notifications';
import { idleForMs } from '../lib/activity';
import { api } from './client';

const KEY = ['notifications'] as const;

/** The signed-in person's latest notifications and unread count; checked again every minute. */
export function useNotifications(limit = 20) {
  const qc = useQueryClient();
  const key = [...KEY, limit];
  return useQuery({
    queryKey: key,
    queryFn: () => {
      // Nobody at the screen for 5 minutes: keep what is shown and let the idle session end.
      const shown = qc.getQueryData<TNotificationList>(key);
      if (shown && idleForMs() > 5 * 60_000) return shown;
      return api.get<TNotificationList>('/api/notifications', { query: { limit } });
    },
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ ok: true }>(`/api/notifications/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
