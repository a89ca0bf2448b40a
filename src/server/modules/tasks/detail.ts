import type { TExtension, THistoryEntry, TOccurrence, TTask, TTaskUpdateEntry } from '../../../contracts/tasks';
import type { Queryable } from '../../../db/client';
import { extensionRows, occurrenceRows, taskAuditRows, taskUpdateRows } from './queries';

export async function taskUpdates(db: Queryable, taskId: string): Promise<TTaskUpdateEntry[]> {
  return (await taskUpdateRows(db, taskId)).map((r) => ({
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

export async function taskExtensions(db: Queryable, taskId: string): Promise<TExtension[]> {
  return (await extensionRows(db, taskId)).map((r) => ({
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

export async function taskOccurrences(db: Queryable, taskId: string): Promise<TOccurrence[]> {
  return (await occurrenceRows(db, taskId)).map((r) => ({ dueOn: r.due_on, reportedOn: r.reported_on }));
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
  bulk_reassign: 'Giao lại đơn vị chủ trì (hàng loạt)',
  bulk_extend: 'Gia hạn hàng loạt',
  bulk_close: 'Đóng nhiệm vụ (hàng loạt)',
};

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
  cancelReason: 'Lý do đóng',
};

function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  if (!before || !after) return [];
  const out: THistoryEntry['changes'] = [];
  for (const [k, label] of Object.entries(FIELD_LABEL_VI)) {
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null)) out.push({ field: label, before: before[k] ?? null, after: after[k] ?? null });
  }
  return out;
}

/** The task's full history: every audited change, with the progress report or extension it carried. */
export async function taskHistory(db: Queryable, task: TTask): Promise<THistoryEntry[]> {
  const audit = await taskAuditRows(db, task.id);
  const updates = new Map((await taskUpdates(db, task.id)).map((u) => [u.id, u]));
  const extensions = new Map((await taskExtensions(db, task.id)).map((x) => [x.id, x]));
  const entries: THistoryEntry[] = audit.map((a) => {
    const upd = (a.after?.update as { updateId?: string } | undefined)?.updateId;
    const ext = (a.after?.extension as { extensionId?: string } | undefined)?.extensionId;
    return {
      at: a.at,
      actorName: a.actor_name,
      action: a.action,
      label: HISTORY_LABEL_VI[a.action] ?? a.action,
      changes: a.action === 'update' || a.action === 'complete' || a.action === 'reopen' || a.action === 'extension_approve' || a.action.startsWith('bulk_') ? diff(a.before, a.after) : [],
      update: upd ? (updates.get(upd) ?? null) : null,
      extension: ext ? (extensions.get(ext) ?? null) : null,
    };
  });
  // Reports written without an audited change of their own (sample data) still belong in the
  // story: they are merged in by time, the audited entries keep their own (commit) order.
  const seen = new Set(entries.map((e) => e.update?.id).filter(Boolean));
  const extra = [...updates.values()]
    .filter((u) => !seen.has(u.id))
    .map((u): THistoryEntry => ({ at: u.at, actorName: u.authorName, action: u.kind, label: HISTORY_LABEL_VI[u.kind] ?? u.kind, changes: [], update: u, extension: null }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const out: THistoryEntry[] = [];
  for (const e of entries) {
    while (extra.length && extra[0]!.at <= e.at) out.push(extra.shift()!);
    out.push(e);
  }
  return [...out, ...extra];
}
