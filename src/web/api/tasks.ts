import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { SESSION_KEY } from './auth';
import { ApiError, NETWORK_ERROR, api } from './client';
import type { Pillar } from '../../core/tasks/pillars';
import type { Recurrence } from '../../core/tasks/recurrence';
import type { BucketKey, TaskStatus } from '../../core/tasks/status';
import type { Session } from './types';

/** Shapes of /api/tasks as the SPA sees them. */

export { PILLARS, type Pillar } from '../../core/tasks/pillars';
export { RECURRENCES, type Recurrence } from '../../core/tasks/recurrence';
export type { BucketKey, TaskStatus } from '../../core/tasks/status';

/** Open tasks first, most urgent first: the order of the status filter and the status strip. */
export const TASK_STATUSES: readonly TaskStatus[] = ['in_progress_overdue', 'in_progress_on_time', 'no_deadline_in_progress', 'done_on_time', 'done_late', 'done_no_deadline'];

export interface UnitRef {
  id: string;
  name: string;
}

export interface Task {
  id: string;
  title: string;
  description: string | null;
  document: { id: string; number: string | null; type: string | null; issuedOn: string | null; summary: string | null } | null;
  leadUnit: UnitRef;
  leadGroupText: string | null;
  coordinators: UnitRef[];
  assignedOn: string;
  deadline: string | null;
  originalDeadline: string | null;
  extended: boolean;
  deadlineText: string | null;
  recurrence: Recurrence | null;
  recurrenceLabel: string | null;
  nextOccurrence: string | null;
  pillar: Pillar | null;
  pillarLabel: string | null;
  source: { text: string; start: number | null; end: number | null } | null;
  progressPercent: number;
  lastProgressAt: string | null;
  completedOn: string | null;
  status: TaskStatus;
  statusLabel: string;
  done: boolean;
  overdueDays: number;
  overdueBucket: BucketKey | null;
  stale: boolean;
  pendingExtension: { id: string; requestedDeadline: string } | null;
  sample: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface TaskFilter {
  q?: string;
  status?: TaskStatus[];
  state?: 'open' | 'done';
  bucket?: BucketKey;
  stale?: boolean;
  pendingExtension?: boolean;
  leadUnitId?: string;
  coordinatorUnitId?: string;
  documentId?: string;
  pillar?: Pillar;
  deadlineFrom?: string;
  deadlineTo?: string;
}

export interface TaskList {
  total: number;
  counts: { byStatus: Record<TaskStatus, number>; byBucket: Record<BucketKey, number>; stale: number };
  items: Task[];
}

export interface TaskUpdate {
  id: string;
  kind: 'progress' | 'complete' | 'reopen';
  percent: number | null;
  note: string | null;
  file: { id: string; name: string; size: number } | null;
  authorName: string;
  unitName: string | null;
  sample: boolean;
  at: string;
}

export interface Extension {
  id: string;
  previousDeadline: string | null;
  requestedDeadline: string;
  reason: string;
  status: 'pending' | 'approved' | 'refused';
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface TaskDetail {
  task: Task;
  updates: TaskUpdate[];
  extensions: Extension[];
  occurrences: Array<{ dueOn: string; reportedOn: string | null }>;
  can: { update: boolean; progress: boolean; manage: boolean };
}

export interface HistoryEntry {
  at: string;
  actorName: string;
  action: string;
  label: string;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
  update: TaskUpdate | null;
  extension: Extension | null;
}

export interface Inbox {
  unit: UnitRef;
  counts: { lead: number; coordinating: number; overdue: number; dueSoon: number; stale: number };
  lead: Task[];
  coordinating: Task[];
}

export interface Rate {
  numerator: number;
  denominator: number;
  percent: number | null;
}

export interface TaskCounts {
  total: number;
  withDeadline: number;
  byStatus: Record<TaskStatus, number>;
  overdue: number;
  overdueRateAll: Rate;
  overdueRateWithDeadline: Rate;
  onTimeRate: Rate;
}

export interface TaskSummary {
  from: string;
  to: string;
  asOf: string;
  total: TaskCounts;
  byUnit: Array<{ unitId: string; unitName: string; counts: TaskCounts }>;
}

export interface ImportRowError {
  row: number;
  column: string;
  message: string;
}

export function filterQuery(f: TaskFilter): Record<string, string | undefined> {
  return {
    q: f.q?.trim() || undefined,
    status: f.status?.length ? f.status.join(',') : undefined,
    state: f.state,
    bucket: f.bucket,
    stale: f.stale === undefined ? undefined : String(f.stale),
    pendingExtension: f.pendingExtension === undefined ? undefined : String(f.pendingExtension),
    leadUnitId: f.leadUnitId,
    coordinatorUnitId: f.coordinatorUnitId,
    documentId: f.documentId,
    pillar: f.pillar,
    deadlineFrom: f.deadlineFrom,
    deadlineTo: f.deadlineTo,
  };
}

/** The export link for the same filters: the browser downloads it with the session cookie. */
export function exportUrl(f: TaskFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filterQuery(f))) if (v) params.set(k, v);
  const qs = params.toString();
  return `/api/tasks/export${qs ? `?${qs}` : ''}`;
}

export function useTasks(f: TaskFilter, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['tasks', 'list', f, page],
    queryFn: () => api.get<TaskList>('/api/tasks', { query: { ...filterQuery(f), limit: page.limit, offset: page.offset } }),
    placeholderData: keepPreviousData,
  });
}

export function useInbox() {
  return useQuery({ queryKey: ['tasks', 'inbox'], queryFn: () => api.get<Inbox>('/api/tasks/inbox') });
}

export function useTaskSummary(range: { from: string; to: string }) {
  return useQuery({ queryKey: ['tasks', 'summary', range], queryFn: () => api.get<TaskSummary>('/api/tasks/summary', { query: range }), placeholderData: keepPreviousData });
}

export function useTask(id: string | null) {
  return useQuery({ queryKey: ['tasks', 'detail', id], queryFn: () => api.get<TaskDetail>(`/api/tasks/${encodeURIComponent(id!)}`), enabled: !!id });
}

export function useTaskHistory(id: string | null) {
  return useQuery({ queryKey: ['tasks', 'history', id], queryFn: () => api.get<{ items: HistoryEntry[] }>(`/api/tasks/${encodeURIComponent(id!)}/history`), enabled: !!id });
}

const invalidate = (qc: QueryClient) => qc.invalidateQueries({ queryKey: ['tasks'] });

/** Every change to a task: a 409 means our copy is stale, so the task is reloaded either way. */
function useTaskMutation<I>(fn: (input: I) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => invalidate(qc) });
}

export interface TaskPatch {
  version: number;
  title?: string;
  description?: string | null;
  pillar?: Pillar | null;
  leadUnitId?: string;
  coordinatorUnitIds?: string[];
  deadline?: string | null;
  recurrence?: Recurrence | null;
}

export const useUpdateTask = () => useTaskMutation(({ id, patch }: { id: string; patch: TaskPatch }) => api.patch<Task>(`/api/tasks/${id}`, patch));
export const useCompleteTask = () => useTaskMutation(({ id, version, note }: { id: string; version: number; note?: string }) => api.post<Task>(`/api/tasks/${id}/complete`, { version, ...(note ? { note } : {}) }));
export const useReopenTask = () => useTaskMutation(({ id, version, note }: { id: string; version: number; note: string }) => api.post<Task>(`/api/tasks/${id}/reopen`, { version, note }));
export const useRequestExtension = () =>
  useTaskMutation(({ id, ...body }: { id: string; version: number; requestedDeadline: string; reason: string }) => api.post<Task>(`/api/tasks/${id}/extensions`, body));
export const useDecideExtension = () =>
  useTaskMutation(({ id, extensionId, ...body }: { id: string; extensionId: string; version: number; approve: boolean; note?: string }) =>
    api.post<Task>(`/api/tasks/${id}/extensions/${extensionId}/decision`, body),
  );

export interface ProgressInput {
  id: string;
  version: number;
  percent: number;
  note: string;
  occurrenceDueOn?: string;
  file?: File | null;
}

export function useAddProgress() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file, ...body }: ProgressInput) => {
      if (!file) return api.post(`/api/tasks/${id}/progress`, body);
      const fields: Record<string, string> = { version: String(body.version), percent: String(body.percent), note: body.note };
      if (body.occurrenceDueOn) fields.occurrenceDueOn = body.occurrenceDueOn;
      return uploadFile(qc, `/api/tasks/${id}/progress-file`, file, fields);
    },
    onSettled: () => invalidate(qc),
  });
}

export function useImportTasks() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile<{ created: number; message: string }>(qc, '/api/tasks/import', file),
    onSuccess: () => invalidate(qc),
  });
}

/** An import refused by the server carries every bad row and column. */
export function importErrors(err: unknown): ImportRowError[] {
  return err instanceof UploadError ? err.rows : [];
}

export class UploadError extends ApiError {
  constructor(status: number, code: string, message: string, readonly rows: ImportRowError[]) {
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
  const e = (data as { error?: { code?: string; message?: string; rows?: ImportRowError[] } } | undefined)?.error;
  throw new UploadError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? res.statusText, e?.rows ?? []);
}

export function useTaskSettings() {
  return useQuery({ queryKey: ['tasks', 'settings'], queryFn: () => api.get<{ escalateAfterOverdueDays: number }>('/api/tasks/settings') });
}
