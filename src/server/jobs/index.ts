import type { DailyJob } from './types';

/** Every daily job, one line each. */
export const DAILY_JOBS: DailyJob[] = [];
