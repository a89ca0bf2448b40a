import { appraisalOverdueJob } from './appraisal-overdue';
import { dashboardRefreshJob } from './dashboard-refresh';
import { dossierRefreshJob } from '../modules/dossiers/refresh';
import { reportRemindersJob } from './report-reminders';
import { taskRemindersJob } from './task-reminders';
import type { DailyJob } from './types';

/** Every daily job, one line each. */
export const DAILY_JOBS: DailyJob[] = [taskRemindersJob, appraisalOverdueJob, reportRemindersJob, dossierRefreshJob, dashboardRefreshJob];
