import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TBackupFile, TBackupList } from '../../contracts/backups';
import { api } from './client';

/** /api/backups. The shapes are the contract's (src/contracts/backups.ts). */

const BACKUPS = ['backups'] as const;

export function useBackups() {
  return useQuery({ queryKey: BACKUPS, queryFn: () => api.get<TBackupList>('/api/backups') });
}

/** Takes a backup now; the list is reloaded whether it worked or not (a failure is recorded too). */
export function useBackupNow() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TBackupFile>('/api/backups'),
    onSettled: () => qc.invalidateQueries({ queryKey: BACKUPS }),
  });
}
