import type { Queryable } from '../../../db/client';
import type { TaskView } from './model';

export interface TaskUpdateView {
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

export interface ExtensionView {
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

export async function taskUpdates(db: Queryable, taskId: string): Promise<TaskUpdateView[]> {
  const rows = await db.query<{
    id: string; kind: TaskUpdateView['kind']; percent: number | null; note: string | null; file_id: string | null; filename: string | null; size_bytes: number | null;
    author_name: string; unit_name: string | null; sample: boolean; created_at: string;
  }>(
    `select u.id, u.kind, u.percent, u.note, u.file_id, f.filename, f.size_bytes, u.author_name, n.name as unit_name, u.sample, u.created_at
       from task_updates u left join files f on f.id = u.file_id left join units n on n.id = u.unit_id
      where u.task_id = $1 order by u.created_at desc, u.id`,
    [taskId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    percent: r.percent,
    note: r.note,
    file: r.file_id ? { id: r.file_id, name: r.filename ?? '', size: r.size_bytes ?? 0 } : null,
    authorName: r.author_name,
    unitName: r.unit_name,
    sample: r.sample,
    at: r.created_at,
  }));
}

export async function taskExtensions(db: Queryable, taskId: string): Promise<ExtensionView[]> {
  const rows = await db.query<{
    id: string; previous_deadline: string | null; requested_deadline: string; reason: string; status: ExtensionView['status'];
    requested_by_name: string; requested_at: string; decided_by_name: string | null; decided_at: string | null; decision_note: string | null;
  }>('select * from task_extensions where task_id = $1 order by requested_at desc', [taskId]);
  return rows.map((r) => ({
    id: r.id,
    previousDeadline: r.previous_deadline,
    requestedDeadline: r.requested_deadline,
    reason: r.reason,
    status: r.status,
    requestedByName: r.requested_by_name,
    requestedAt: r.requested_at,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
  }));
}

export async function taskOccurrences(db: Queryable, taskId: string) {
  const rows = await db.query<{ due_on: string; reported_on: string | null }>('select due_on, reported_on from task_occurrences where task_id = $1 order by due_on', [taskId]);
  return rows.map((r) => ({ dueOn: r.due_on, reportedOn: r.reported_on }));
}

export const HISTORY_LABEL_VI: Record<string, string> = {
  create: 'Giao nhiệm vụ',
  import: 'Nhập từ tệp Excel',
  update: 'Sửa thông tin nhiệm vụ',
  progress: 'Báo cáo tiến độ',
  complete: 'Báo cáo hoàn thành',
  reopen: 'Mở lại nhiệm vụ',
  extension_request: 'Đề nghị gia hạn',
  extension_approve: 'Đồng ý gia hạn',
  extension_refuse: 'Không đồng ý gia hạn',
  seed: 'Dữ liệu mẫu',
};

export interface HistoryEntry {
  at: string;
  actorName: string;
  action: string;
  label: string;
  /** Fields that changed, old → new (for edits). */
  changes: Array<{ field: string; before: unknown; after: unknown }>;
  update: TaskUpdateView | null;
  extension: ExtensionView | null;
}

const FIELD_LABEL_VI: Record<string, string> = {
  title: 'Nội dung',
  description: 'Mô tả',
  leadUnit: 'Đơn vị chủ trì',
  coordinators: 'Đơn vị phối hợp',
  deadline: 'Hạn xử lý',
  originalDeadline: 'Hạn ban đầu',
  deadlineText: 'Thời hạn (nguyên văn)',
  recurrence: 'Định kỳ',
  pillar: 'Trụ cột',
  progressPercent: 'Tiến độ (%)',
  completedOn: 'Ngày hoàn thành',
};

function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  if (!before || !after) return [];
  const out: HistoryEntry['changes'] = [];
  for (const [k, label] of Object.entries(FIELD_LABEL_VI)) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) out.push({ field: label, before: before[k] ?? null, after: after[k] ?? null });
  }
  return out;
}

/** The task's full history: every audited change, with the progress report or extension it carried. */
export async function taskHistory(db: Queryable, task: TaskView): Promise<HistoryEntry[]> {
  const audit = await db.query<{ at: string; actor_name: string; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>(
    `select at, actor_name, action, before, after from audit_log where entity = 'task' and entity_id = $1 order by id`,
    [task.id],
  );
  const updates = new Map((await taskUpdates(db, task.id)).map((u) => [u.id, u]));
  const extensions = new Map((await taskExtensions(db, task.id)).map((x) => [x.id, x]));
  const entries: HistoryEntry[] = audit.map((a) => {
    const upd = (a.after?.update as { updateId?: string } | undefined)?.updateId;
    const ext = (a.after?.extension as { extensionId?: string } | undefined)?.extensionId;
    return {
      at: a.at,
      actorName: a.actor_name,
      action: a.action,
      label: HISTORY_LABEL_VI[a.action] ?? a.action,
      changes: a.action === 'update' || a.action === 'complete' || a.action === 'reopen' || a.action === 'extension_approve' ? diff(a.before, a.after) : [],
      update: upd ? (updates.get(upd) ?? null) : null,
      extension: ext ? (extensions.get(ext) ?? null) : null,
    };
  });
  // Reports written without an audited change of their own (sample data) still belong in the
  // story: they are merged in by time, the audited entries keep their own (commit) order.
  const seen = new Set(entries.map((e) => e.update?.id).filter(Boolean));
  const extra = [...updates.values()]
    .filter((u) => !seen.has(u.id))
    .map((u): HistoryEntry => ({ at: u.at, actorName: u.authorName, action: u.kind, label: HISTORY_LABEL_VI[u.kind] ?? u.kind, changes: [], update: u, extension: null }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const out: HistoryEntry[] = [];
  for (const e of entries) {
    while (extra.length && extra[0]!.at <= e.at) out.push(extra.shift()!);
    out.push(e);
  }
  return [...out, ...extra];
}
