import { assertIsoDate, compareIsoDates } from '../calendar/dates';
import { TASK_STATUSES, type TaskDates, type TaskStatus, taskStatus } from './status';

/**
 * Counts and rates by lead unit and status, in the shape of the Hải Phòng 2018 report
 * ("12.160 nhiệm vụ được giao … quá hạn 2,12 % trên tổng số, 3,48 % trên số có thời hạn").
 * A task belongs to the period it was assigned in; its status is taken on `asOf`.
 */

export interface TaskRow extends TaskDates {
  readonly leadUnitId: string;
  /** Date the task was assigned (document date or creation date). */
  readonly assignedOn: string;
}

/**
 * What counts as overdue: every task that missed its deadline (finished late or still open
 * past it), or only those still open past it. Reports differ; the default counts both.
 */
export type OverdueDefinition = 'late_any' | 'open_only';

export interface SummaryOptions {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  readonly overdue?: OverdueDefinition;
}

export interface Rate {
  readonly numerator: number;
  readonly denominator: number;
  /** Percent rounded to 2 decimals; null when the denominator is 0. */
  readonly percent: number | null;
}

export interface TaskCounts {
  readonly total: number;
  readonly withDeadline: number;
  readonly byStatus: Readonly<Record<TaskStatus, number>>;
  readonly overdue: number;
  readonly overdueRateAll: Rate;
  readonly overdueRateWithDeadline: Rate;
  /** Done on time among tasks finished or past their deadline. */
  readonly onTimeRate: Rate;
}

export interface TaskSummary {
  readonly total: TaskCounts;
  /** Sorted by unit id, so the output does not depend on row order. */
  readonly byUnit: ReadonlyArray<{ readonly leadUnitId: string; readonly counts: TaskCounts }>;
}

export function ratePercent(numerator: number, denominator: number): Rate {
  if (denominator === 0) return { numerator, denominator, percent: null };
  // Integer arithmetic first so 258/12160 rounds the same on every platform.
  const percent = Math.round((numerator * 10_000) / denominator) / 100;
  return { numerator, denominator, percent };
}

function emptyByStatus(): Record<TaskStatus, number> {
  const out = {} as Record<TaskStatus, number>;
  for (const s of TASK_STATUSES) out[s] = 0;
  return out;
}

function countsOf(statuses: readonly TaskStatus[], overdue: OverdueDefinition): TaskCounts {
  const byStatus = emptyByStatus();
  for (const s of statuses) byStatus[s] += 1;
  return countsOfStatuses(byStatus, overdue);
}

/**
 * The counts and rates from the number of tasks in each status (the database counts them,
 * see the tasks module's `countTasksByUnit`); a missing status counts 0.
 */
export function countsOfStatuses(counts: Readonly<Partial<Record<TaskStatus, number>>>, overdue: OverdueDefinition = 'late_any'): TaskCounts {
  const byStatus = emptyByStatus();
  for (const s of TASK_STATUSES) byStatus[s] = counts[s] ?? 0;
  const total = TASK_STATUSES.reduce((n, s) => n + byStatus[s], 0);
  const withDeadline = total - byStatus.done_no_deadline - byStatus.no_deadline_in_progress;
  const overdueCount =
    overdue === 'late_any' ? byStatus.done_late + byStatus.in_progress_overdue : byStatus.in_progress_overdue;
  const dueOrDone = byStatus.done_on_time + byStatus.done_late + byStatus.in_progress_overdue;
  return {
    total,
    withDeadline,
    byStatus,
    overdue: overdueCount,
    overdueRateAll: ratePercent(overdueCount, total),
    overdueRateWithDeadline: ratePercent(overdueCount, withDeadline),
    onTimeRate: ratePercent(byStatus.done_on_time, dueOrDone),
  };
}

export function summarizeTasks(rows: readonly TaskRow[], options: SummaryOptions): TaskSummary {
  const from = assertIsoDate(options.from);
  const to = assertIsoDate(options.to);
  const asOf = assertIsoDate(options.asOf);
  const overdue = options.overdue ?? 'late_any';
  const all: TaskStatus[] = [];
  const perUnit = new Map<string, TaskStatus[]>();
  for (const row of rows) {
    if (compareIsoDates(row.assignedOn, from) < 0 || compareIsoDates(row.assignedOn, to) > 0) continue;
    const status = taskStatus(row, asOf);
    all.push(status);
    const list = perUnit.get(row.leadUnitId);
    if (list) list.push(status);
    else perUnit.set(row.leadUnitId, [status]);
  }
  const unitIds = [...perUnit.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    total: countsOf(all, overdue),
    byUnit: unitIds.map((leadUnitId) => ({ leadUnitId, counts: countsOf(perUnit.get(leadUnitId) ?? [], overdue) })),
  };
}
