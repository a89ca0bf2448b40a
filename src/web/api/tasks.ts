import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TImportRowError } from '../../contracts/common';
import type {
  TComplete,
  TExtensionDecision,
  TExtensionRequest,
  TInbox,
  TProgress,
  TProgressRecorded,
  TReopen,
  TTask,
  TTaskBulk,
  TTaskBulkResult,
  TTaskCreate,
  TTaskDetail,
  TTaskFilter,
  TTaskHistory,
  TTaskImported,
  TTaskList,
  TTaskSettings,
  TTaskSummary,
  TTaskUpdate,
} from '../../contracts/tasks';
import { SESSION_KEY } from './auth';
import { ApiError, NETWORK_ERROR, api } from './client';
import { enqueue, QueuedOffline } from './outbox';
import type { Session } from './types';

/** /api/tasks. The shapes are the contract's (src/contracts/tasks.ts). */

// The documents screens (converted later) still import these names from here.
export { PILLARS, type Pillar } from '../../core/tasks/pillars';
export { RECURRENCES, type Recurrence } from '../../core/tasks/recurrence';
export type { TTask as Task } from '../../contracts/tasks';

export function filterQuery(f: TTaskFilter): Record<string, string | undefined> {
  return {
    q: f.q?.trim() || undefined,
    status: f.status?.length ? f.status.join(',') : undefined,
    state: f.state,
    bucket: f.bucket,
    stale: f.stale,
    pendingExtension: f.pendingExtension,
    leadUnitId: f.leadUnitId,
    coordinatorUnitId: f.coordinatorUnitId,
    documentId: f.documentId,
    pillar: f.pillar,
    deadlineFrom: f.deadlineFrom,
    deadlineTo: f.deadlineTo,
  };
}

/** The export link for the same filters: the browser downloads it with the session cookie. */
export function exportUrl(f: TTaskFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filterQuery(f))) if (v) params.set(k, v);
  const qs = params.toString();
  return `/api/tasks/export${qs ? `?${qs}` : ''}`;
}

export function useTasks(f: TTaskFilter, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['tasks', 'list', f, page],
    queryFn: () => api.get<TTaskList>('/api/tasks', { query: { ...filterQuery(f), limit: page.limit, offset: page.offset } }),
    placeholderData: keepPreviousData,
  });
}

export function useInbox() {
  return useQuery({ queryKey: ['tasks', 'inbox'], queryFn: () => api.get<TInbox>('/api/tasks/inbox') });
}

export function useTaskSummary(range: { from: string; to: string }) {
  return useQuery({ queryKey: ['tasks', 'summary', range], queryFn: () => api.get<TTaskSummary>('/api/tasks/summary', { query: range }), placeholderData: keepPreviousData });
}

export function useTask(id: string | null) {
  return useQuery({ queryKey: ['tasks', 'detail', id], queryFn: () => api.get<TTaskDetail>(`/api/tasks/${encodeURIComponent(id!)}`), enabled: !!id });
}

export function useTaskHistory(id: string | null) {
  return useQuery({ queryKey: ['tasks', 'history', id], queryFn: () => api.get<TTaskHistory>(`/api/tasks/${encodeURIComponent(id!)}/history`), enabled: !!id });
}

const invalidate = (qc: QueryClient) => qc.invalidateQueries({ queryKey: ['tasks'] });

/** Every change to a task: a 409 means our copy is stale, so the task is reloaded either way. */
function useTaskMutation<I, O = unknown>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => invalidate(qc) });
}

export const useCreateTask = () => useTaskMutation((body: TTaskCreate) => api.post<TTask>('/api/tasks', body));
/** Reassign, extend or close several tasks; the answer says which were changed and why others were not. */
export const useBulkTasks = () => useTaskMutation((body: TTaskBulk) => api.post<TTaskBulkResult>('/api/tasks/bulk', body));
export const useUpdateTask = () => useTaskMutation(({ id, patch }: { id: string; patch: TTaskUpdate }) => api.patch<TTask>(`/api/tasks/${id}`, patch));
export const useCompleteTask = () => useTaskMutation(({ id, version, note }: { id: string } & TComplete) => api.post<TTask>(`/api/tasks/${id}/complete`, { version, ...(note ? { note } : {}) }));
export const useReopenTask = () => useTaskMutation(({ id, ...body }: { id: string } & TReopen) => api.post<TTask>(`/api/tasks/${id}/reopen`, body));
export const useRequestExtension = () => useTaskMutation(({ id, ...body }: { id: string } & TExtensionRequest) => api.post<TTask>(`/api/tasks/${id}/extensions`, body));
export const useDecideExtension = () =>
  useTaskMutation(({ id, extensionId, ...body }: { id: string; extensionId: string } & TExtensionDecision) =>
    api.post<TTask>(`/api/tasks/${id}/extensions/${extensionId}/decision`, body),
  );

/** A progress report, with a file attached or not (multipart then). */
export type ProgressInput = { id: string; file?: File | null } & TProgress;

export function useAddProgress() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, file, ...body }: ProgressInput) => {
      if (!file) {
        try {
          return await api.post<TProgressRecorded>(`/api/tasks/${id}/progress`, body);
        } catch (err) {
          // No connection: the report waits in the outbox and is sent when the network returns.
          if (!(err instanceof ApiError) || err.status !== 0) throw err;
          enqueue({ label: `Tiến độ ${body.percent} %: ${body.note}`, method: 'POST', path: `/api/tasks/${id}/progress`, body: { ...body } });
          throw new QueuedOffline();
        }
      }
      const fields: Record<string, string> = { version: String(body.version), percent: String(body.percent), note: body.note };
      if (body.occurrenceDueOn) fields.occurrenceDueOn = body.occurrenceDueOn;
      return uploadFile<TProgressRecorded>(qc, `/api/tasks/${id}/progress-file`, file, fields);
    },
    onSettled: () => invalidate(qc),
  });
}

export function useImportTasks() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<TTaskImported>(qc, '/api/tasks/import', file),
    onSuccess: () => invalidate(qc),
  });
}

/** An import refused by the server carries every bad row and column. */
export function importErrors(err: unknown): TImportRowError[] {
  return err instanceof UploadError ? err.rows : [];
}

export class UploadError extends ApiError {
  constructor(status: number, code: string, message: string, readonly rows: TImportRowError[]) {
    super(status, code, message);
  }
}

/**
 * Sends one file as multipart/form-data. The JSON client cannot, so this reads the CSRF
 * token from the session the app already holds and answers errors the same way.
 */
export async function uploadFile<T = unknown>(qc: QueryClient, url: string, file: File, fields: Record<string, string> = {}): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, file.name);
  const csrf = qc.getQueryData<Session | null>(SESSION_KEY)?.csrfToken ?? '';
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin', headers: { 'x-csrf-token': csrf, accept: 'application/json' } });
  } catch {
    throw new ApiError(0, NETWORK_ERROR, 'Network error');
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (res.ok) return data as T;
  const e = (data as { error?: { code?: string; message?: string; rows?: TImportRowError[] } } | undefined)?.error;
  throw new UploadError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? res.statusText, e?.rows ?? []);
}

export function useTaskSettings() {
  return useQuery({ queryKey: ['tasks', 'settings'], queryFn: () => api.get<TTaskSettings>('/api/tasks/settings') });
}
