import type { Queryable } from '../../db/client';
import { addDays } from '../../core/calendar/dates';
import { dueReminders, reminderMessageVi, type Reminder } from '../../core/tasks/reminders';
import type { Deps } from '../context';
import { notify } from '../modules/notifications/service';
import { getTaskSettings } from '../modules/tasks/settings';
import type { DailyJob } from './types';

const TITLE_VI: Record<Reminder['kind'], string> = {
  due_in_7: 'Nhiệm vụ sắp đến hạn (còn 7 ngày)',
  due_in_3: 'Nhiệm vụ sắp đến hạn (còn 3 ngày)',
  due_in_1: 'Nhiệm vụ đến hạn',
  overdue: 'Nhiệm vụ đã quá hạn',
  escalation: 'Nhiệm vụ quá hạn cần lãnh đạo đơn vị chỉ đạo',
};

/**
 * Reminders of the day for every open task: due in 7, 3 and 1 days, overdue, and the
 * escalation to the lead unit's leader after the configured number of overdue days. Each
 * reminder carries a stable key, so a second run (or a second process) adds nothing.
 * A recurring task is also reminded of its next unreported occurrence.
 */
export async function sendTaskReminders(tx: Queryable, today: string): Promise<{ tasks: number; notifications: number }> {
  const policy = await getTaskSettings(tx);
  const horizon = addDays(today, 7);
  const rows = await tx.query<{ id: string; title: string; lead_unit_id: string; deadline: string | null; next_occurrence: string | null }>(
    `select t.id, t.title, t.lead_unit_id, t.deadline,
            (select min(o.due_on) from task_occurrences o where o.task_id = t.id and o.reported_on is null and o.due_on >= $1) as next_occurrence
       from tasks t
      where t.completed_on is null and t.cancelled_at is null
        and (t.deadline <= $2 or exists (select 1 from task_occurrences o where o.task_id = t.id and o.reported_on is null and o.due_on between $1 and $2))`,
    [today, horizon],
  );
  let notifications = 0;
  for (const t of rows) {
    const reminders = t.deadline ? dueReminders({ id: t.id, deadline: t.deadline, completedAt: null }, today, policy) : [];
    // An occurrence is a report to send, not the task's end: only the "due in" reminders apply.
    if (t.next_occurrence && t.next_occurrence !== t.deadline) {
      const occ = dueReminders({ id: `${t.id}#occ`, deadline: t.next_occurrence, completedAt: null }, today, policy).filter((r) => r.kind.startsWith('due_in'));
      reminders.push(...occ);
    }
    for (const r of reminders) {
      const escalation = r.kind === 'escalation';
      notifications += await notify(tx, {
        unitId: t.lead_unit_id,
        // Everyone of the lead unit is reminded; only its leaders get the escalation.
        roles: escalation ? ['unit_leader'] : undefined,
        kind: escalation ? 'task_escalation' : r.kind === 'overdue' ? 'task_overdue' : 'task_due',
        title: TITLE_VI[r.kind],
        body: reminderMessageVi(r, r.taskId === t.id ? t.title : `${t.title} (kỳ báo cáo định kỳ)`),
        link: `/tasks?task=${t.id}`,
        dedupeKey: `task-reminder:${r.key}`,
      });
    }
  }
  return { tasks: rows.length, notifications };
}

export const taskRemindersJob: DailyJob = {
  name: 'task-reminders',
  run: (_deps: Deps, tx: Queryable, today: string) => sendTaskReminders(tx, today),
};
