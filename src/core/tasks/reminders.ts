import { assertIsoDate, diffDays, formatVnDate } from '../calendar/dates';

/**
 * Which reminders a task has today. The daily job stores each reminder's `key` when it sends it
 * and skips keys already stored, so a reminder goes out once even if the job runs twice, and a
 * missed day is caught up the next day. Each "due in N days" reminder owns a window of days
 * (7 → days 7..4, 3 → 3..2, 1 → 1..0), so a late run still sends the one that fits, with the
 * real number of days left. The key contains the deadline: after an extension the reminders
 * re-arm for the new deadline.
 */

export type ReminderKind = 'due_in_7' | 'due_in_3' | 'due_in_1' | 'overdue' | 'escalation';

export type ReminderAudience = 'lead_unit' | 'lead_unit_leader';

export interface ReminderTask {
  readonly id: string;
  readonly deadline: string | null;
  readonly completedAt: string | null;
}

export interface ReminderPolicy {
  /** Escalate to the lead unit's leader once the task is this many calendar days overdue (≥ 1). */
  readonly escalateAfterOverdueDays: number;
}

export interface Reminder {
  readonly key: string;
  readonly kind: ReminderKind;
  readonly taskId: string;
  readonly deadline: string;
  /** Calendar days to the deadline; negative when overdue. */
  readonly daysLeft: number;
  readonly audience: ReminderAudience;
}

export function reminderKey(taskId: string, kind: ReminderKind, deadline: string): string {
  return `${taskId}:${kind}:${deadline}`;
}

function dueKind(daysLeft: number): ReminderKind | null {
  if (daysLeft < 0 || daysLeft > 7) return null;
  if (daysLeft <= 1) return 'due_in_1';
  if (daysLeft <= 3) return 'due_in_3';
  return 'due_in_7';
}

export function dueReminders(task: ReminderTask, today: string, policy: ReminderPolicy): Reminder[] {
  assertIsoDate(today);
  const n = policy.escalateAfterOverdueDays;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`Số ngày quá hạn để báo lãnh đạo đơn vị phải là số nguyên dương, nhận được: ${n}.`);
  }
  if (task.completedAt !== null || task.deadline === null) return [];
  const deadline = assertIsoDate(task.deadline);
  const daysLeft = diffDays(today, deadline);
  const make = (kind: ReminderKind, audience: ReminderAudience): Reminder => ({
    key: reminderKey(task.id, kind, deadline),
    kind,
    taskId: task.id,
    deadline,
    daysLeft,
    audience,
  });
  const due = dueKind(daysLeft);
  if (due) return [make(due, 'lead_unit')];
  if (daysLeft > 7) return [];
  const out = [make('overdue', 'lead_unit')];
  if (-daysLeft >= n) out.push(make('escalation', 'lead_unit_leader'));
  return out;
}

/** One-line Vietnamese notification text. */
export function reminderMessageVi(reminder: Reminder, taskTitle: string): string {
  const due = formatVnDate(reminder.deadline);
  const d = reminder.daysLeft;
  if (reminder.kind === 'escalation') {
    return `Báo cáo lãnh đạo đơn vị: nhiệm vụ "${taskTitle}" đã quá hạn ${-d} ngày (hạn ${due}).`;
  }
  if (reminder.kind === 'overdue') return `Nhiệm vụ "${taskTitle}" đã quá hạn ${-d} ngày (hạn ${due}).`;
  if (d === 0) return `Nhiệm vụ "${taskTitle}" đến hạn hôm nay (${due}).`;
  return `Nhiệm vụ "${taskTitle}" còn ${d} ngày đến hạn (${due}).`;
}
