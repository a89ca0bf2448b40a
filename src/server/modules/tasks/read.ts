import type { TTask, TTaskList, TTaskSummary } from '../../../contracts/tasks';
import type { Queryable } from '../../../db/client';
import { TASK_STATUSES, type BucketKey, type TaskStatus } from '../../../core/tasks/status';
import { countsOfStatuses } from '../../../core/tasks/summary';
import { assertIsoDate } from '../../../core/calendar/dates';
import { compareVietnamese } from '../../../core/text/fold';
import { presentTask } from './model';
import { countTasks, countTasksByUnit, selectTaskPage, selectTasks, type TaskFilter } from './queries';

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

/** Every matching task: SQL filters on the columns and on the status computed as of `today`. */
export async function findTasks(db: Queryable, o: ListOptions, today: string): Promise<TTask[]> {
  const rows = await selectTasks(db, { ...o, today });
  return rows.map((r) => presentTask(r, today));
}

/** One page and the counts of all matching tasks: two statements, whatever the number of tasks. */
export async function listTasks(db: Queryable, o: ListOptions, today: string): Promise<TTaskList> {
  const f = { ...o, today };
  const [counted, page] = await Promise.all([countTasks(db, f), selectTaskPage(db, f, o.limit ?? 50, o.offset ?? 0)]);
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const byBucket: Record<BucketKey, number> = { le30: 0, gt30: 0, gt120: 0 };
  let stale = 0;
  let total = 0;
  for (const c of counted) {
    total += c.n;
    byStatus[c.status] += c.n;
    // Open tasks only: the buckets say how long work has been waiting.
    if (c.bucket && !c.done) byBucket[c.bucket] += c.n;
    if (c.stale) stale += c.n;
  }
  return { total, counts: { byStatus, byBucket, stale }, items: page.map((r) => presentTask(r, today)) };
}

/** Counts and rates by lead unit for tasks assigned in [from, to], status as of `asOf`: counted in SQL. */
export async function summarize(db: Queryable, f: TaskFilter & { from: string; to: string; asOf: string }): Promise<TTaskSummary> {
  assertIsoDate(f.from);
  assertIsoDate(f.to);
  assertIsoDate(f.asOf);
  const rows = await countTasksByUnit(db, { ...f, assignedFrom: f.from, assignedTo: f.to }, f.asOf);
  const perUnit = new Map<string, { name: string; counts: Partial<Record<TaskStatus, number>> }>();
  const all: Partial<Record<TaskStatus, number>> = {};
  for (const r of rows) {
    const u = perUnit.get(r.lead_unit_id) ?? { name: r.lead_unit_name, counts: {} };
    u.counts[r.status] = (u.counts[r.status] ?? 0) + r.n;
    perUnit.set(r.lead_unit_id, u);
    all[r.status] = (all[r.status] ?? 0) + r.n;
  }
  const byUnit: TTaskSummary['byUnit'] = [...perUnit]
    .map(([unitId, u]) => ({ unitId, unitName: u.name, counts: countsOfStatuses(u.counts) }))
    .sort((a, b) => b.counts.total - a.counts.total || compareVietnamese(a.unitName, b.unitName));
  return { from: f.from, to: f.to, asOf: f.asOf, total: countsOfStatuses(all), byUnit };
}
