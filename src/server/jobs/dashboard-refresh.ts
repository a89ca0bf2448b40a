import { refreshDashboard } from '../modules/dashboard/refresh';
import type { DailyJob } from './types';

/**
 * Overdue buckets, "this period" of the reports and money at risk move with the calendar even
 * when nobody writes: once a day every year on the wall is recomputed. Each process's
 * refresher sees the new changed_at and tells its own screens (src/server/events.ts).
 */
export const dashboardRefreshJob: DailyJob = {
  name: 'dashboard-refresh',
  async run(deps, tx) {
    const changed = await refreshDashboard(tx, deps.now());
    return { changed: changed.map((c) => `${c.scope}:${c.key}`) };
  },
};
