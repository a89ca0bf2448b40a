import { addMonths, assertIsoDate, diffDays } from '../calendar/dates';

/**
 * A task's status is computed from its dates, never typed in (QĐ 42/2014/QĐ-TTg, NĐ 39/2022).
 * `deadline` is the deadline in force (after an approved extension); the original deadline is
 * kept beside it: a task done after its original deadline but within its extension is "done on
 * time with an extension", counted apart from "done on time". All dates are calendar dates
 * 'YYYY-MM-DD' in Vietnam's time zone: the caller converts timestamps before calling.
 */

export type TaskStatus =
  | 'done_on_time'
  | 'done_on_time_extended'
  | 'done_late'
  | 'done_no_deadline'
  | 'in_progress_on_time'
  | 'in_progress_overdue'
  | 'no_deadline_in_progress';

export const TASK_STATUSES: readonly TaskStatus[] = [
  'done_on_time',
  'done_on_time_extended',
  'done_late',
  'done_no_deadline',
  'in_progress_on_time',
  'in_progress_overdue',
  'no_deadline_in_progress',
];

export const TASK_STATUS_LABEL_VI: Readonly<Record<TaskStatus, string>> = {
  done_on_time: 'Hoàn thành đúng hạn',
  done_on_time_extended: 'Hoàn thành đúng hạn (có gia hạn)',
  done_late: 'Hoàn thành quá hạn',
  done_no_deadline: 'Hoàn thành (không thời hạn)',
  in_progress_on_time: 'Đang thực hiện trong hạn',
  in_progress_overdue: 'Đang thực hiện quá hạn',
  no_deadline_in_progress: 'Đang thực hiện (không thời hạn)',
};

export const TASK_STATUS_LABEL_EN: Readonly<Record<TaskStatus, string>> = {
  done_on_time: 'Done on time',
  done_on_time_extended: 'Done on time (extended)',
  done_late: 'Done late',
  done_no_deadline: 'Done (no deadline)',
  in_progress_on_time: 'In progress, on time',
  in_progress_overdue: 'In progress, overdue',
  no_deadline_in_progress: 'In progress (no deadline)',
};

export interface TaskDates {
  readonly deadline: string | null;
  readonly completedAt: string | null;
  /** The deadline first assigned, when an extension moved it; absent or equal = never extended. */
  readonly originalDeadline?: string | null;
}

export function taskStatus(task: TaskDates, today: string): TaskStatus {
  assertIsoDate(today);
  const { deadline, completedAt } = task;
  if (completedAt !== null) {
    assertIsoDate(completedAt);
    if (deadline === null) return 'done_no_deadline';
    // Done on the deadline day itself is on time ("trước hoặc đúng hạn").
    if (diffDays(assertIsoDate(deadline), completedAt) > 0) return 'done_late';
    const original = task.originalDeadline;
    return original && diffDays(assertIsoDate(original), completedAt) > 0 ? 'done_on_time_extended' : 'done_on_time';
  }
  if (deadline === null) return 'no_deadline_in_progress';
  return diffDays(assertIsoDate(deadline), today) <= 0 ? 'in_progress_on_time' : 'in_progress_overdue';
}

export function isDone(status: TaskStatus): boolean {
  return status === 'done_on_time' || status === 'done_on_time_extended' || status === 'done_late' || status === 'done_no_deadline';
}

/**
 * Calendar days past the deadline: for a finished task, how late it finished; for an open one,
 * how late it is today. 0 when not late or without deadline.
 */
export function overdueDays(task: TaskDates, today: string): number {
  if (task.deadline === null) return 0;
  const end = task.completedAt ?? today;
  return Math.max(0, diffDays(assertIsoDate(task.deadline), assertIsoDate(end)));
}

/** Buckets used in the leaders' reports: up to 30 days, over 30, over 120. */
export type OverdueBucket = '≤30' | '>30' | '>120';

export const OVERDUE_BUCKETS: readonly OverdueBucket[] = ['≤30', '>30', '>120'];

export const OVERDUE_BUCKET_LABEL_VI: Readonly<Record<OverdueBucket, string>> = {
  '≤30': 'Quá hạn đến 30 ngày',
  '>30': 'Quá hạn trên 30 ngày',
  '>120': 'Quá hạn trên 120 ngày',
};

/** Overdue buckets as URL-safe keys. */
export const BUCKET_KEYS = { le30: '≤30', gt30: '>30', gt120: '>120' } as const satisfies Record<string, OverdueBucket>;
export type BucketKey = keyof typeof BUCKET_KEYS;
export const bucketKeyOf = (b: OverdueBucket | null): BucketKey | null =>
  b === null ? null : ((Object.keys(BUCKET_KEYS) as BucketKey[]).find((k) => BUCKET_KEYS[k] === b) ?? null);

export function overdueBucketOf(days: number): OverdueBucket | null {
  if (days <= 0) return null;
  if (days > 120) return '>120';
  if (days > 30) return '>30';
  return '≤30';
}

/** Bucket of a late task (open or finished late); null when the task is not late. */
export function overdueBucket(task: TaskDates, today: string): OverdueBucket | null {
  return overdueBucketOf(overdueDays(task, today));
}

export interface StaleCheck extends TaskDates {
  readonly lastProgressAt: string | null;
  readonly createdAt: string;
}

export const STALE_AFTER_MONTHS = 3;

/**
 * "No deadline and no progress report for 3 months": a task without deadline can otherwise
 * sit open forever without ever turning red. Counted from the last report, or from creation
 * when there was none; flagged once the same day three months later is reached.
 */
export function isStale(task: StaleCheck, today: string, months: number = STALE_AFTER_MONTHS): boolean {
  assertIsoDate(today);
  if (task.deadline !== null || task.completedAt !== null) return false;
  const since = assertIsoDate(task.lastProgressAt ?? task.createdAt);
  return diffDays(addMonths(since, months), today) >= 0;
}
