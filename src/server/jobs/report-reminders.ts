import { sendReportReminders } from '../modules/reports/reminders';
import type { DailyJob } from './types';

/** NĐ 09 reports: remind units that have not sent theirs, then escalate to their leaders once overdue. */
export const reportRemindersJob: DailyJob = {
  name: 'report-reminders',
  run: (_deps, tx, today) => sendReportReminders(tx, today),
};
