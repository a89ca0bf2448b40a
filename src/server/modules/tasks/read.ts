import type { TTask, TTaskList, TTaskSummary } from '../../../contracts/tasks';
import type { Queryable } from '../../../db/client';
import { TASK_STATUSES, type BucketKey, type TaskStatus } from '../../../core/tasks/status';
import { summarizeTasks } from '../../../core/tasks/summary';
import { compareVietnamese } from '../../../core/text/fold';
import { presentTask } from './model';
import { selectTasks, type TaskFilter } from './queries';

export interface ListOptions extends TaskFilter {
  statuses?: readonly TaskStatus[];
  /** Open tasks only / finished only. */
  state?: 'open' | 'done';
  bucket?: BucketKey;
  stale?: boolean;
  pendingExtension?: boolean;
  limit?: number;
  offset?: number;
}

/** The computed filters, applied after SQL has narrowed the rows. */
export async function findTasks(db: Queryable, o: ListOptions, today: string): Promise<TTask[]> {
  const rows = await selectTasks(db, o);
  return rows
    .map((r) => presentTask(r, today))
    .filter((t) => !o.statuses?.length || o.statuses.includes(t.status))
    .filter((t) => !o.state || (o.state === 'done') === t.done)
    .filter((t) => !o.bucket || t.overdueBucket === o.bucket || (o.bucket === 'gt30' && t.overdueBucket === 'gt120'))
    .filter((t) => o.stale === undefined || t.stale === o.stale)
    .filter((t) => o.pendingExtension === undefined || (t.pendingExtension !== null) === o.pendingExtension);
}

export async function listTasks(db: Queryable, o: ListOptions, today: string): Promise<TTaskList> {
  const all = await findTasks(db, o, today);
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const byBucket: Record<BucketKey, number> = { le30: 0, gt30: 0, gt120: 0 };
  let stale = 0;
  for (const t of all) {
    byStatus[t.status]++;
    // Open tasks only: the buckets say how long work has been waiting.
    if (t.overdueBucket && !t.done) byBucket[t.overdueBucket]++;
    if (t.stale) stale++;
  }
  const offset = o.offset ?? 0;
  const limit = o.limit ?? 50;
  return { total: all.length, counts: { byStatus, byBucket, stale }, items: all.slice(offset, offset + limit) };
}

/** Counts and rates by lead unit for tasks assigned in [from, to], status as of `asOf`. */
export async function summarize(db: Queryable, f: TaskFilter & { from: string; to: string; asOf: string }): Promise<TTaskSummary> {
  const rows = await selectTasks(db, { ...f, assignedFrom: f.from, assignedTo: f.to });
  const names = new Map(rows.map((r) => [r.lead_unit_id, r.lead_unit_name]));
  const s = summarizeTasks(
    rows.map((r) => ({ leadUnitId: r.lead_unit_id, assignedOn: r.assigned_on, deadline: r.deadline, originalDeadline: r.original_deadline, completedAt: r.completed_on })),
    { from: f.from, to: f.to, asOf: f.asOf },
  );
  const byUnit: TTaskSummary['byUnit'] = s.byUnit
    .map((u) => ({ unitId: u.leadUnitId, unitName: names.get(u.leadUnitId) ?? '', counts: u.counts }))
    .sort((a, b) => b.counts.total - a.counts.total || compareVietnamese(a.unitName, b.unitName));
  return { from: f.from, to: f.to, asOf: f.asOf, total: s.total, byUnit };
}
