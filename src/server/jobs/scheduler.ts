import type { Deps } from '../context';
import { runScheduledBackup } from '../modules/backups/service';
import { runDeliveries } from '../modules/deliveries/run';
import { sendPendingEmails } from '../modules/notifications/mailer';
import { DAILY_JOBS } from './index';
import { runOnce } from './run-once';
import type { DailyJob } from './types';
import { vnToday } from '../../core/calendar/timestamps';

/** Runs every daily job whose run for `today` has not happened yet. Used by the timer and by tests. */
export async function runDailyJobs(deps: Deps, today = vnToday(deps.now()), jobs: readonly DailyJob[] = DAILY_JOBS) {
  const results: Record<string, { ran: boolean; result?: unknown }> = {};
  for (const job of jobs) results[job.name] = await runOnce(deps.db, job.name, today, (tx) => job.run(deps, tx, today));
  return results;
}

/** Ticks every few minutes; cheap when there is nothing to do (one insert that conflicts). */
export function startScheduler(deps: Deps, log: (msg: string) => void, intervalMs = 5 * 60_000): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await runDailyJobs(deps);
      // Scheduled e-mails are queued in the outbox, claimed per (subscription, period).
      await runDeliveries(deps);
      if (deps.config.SMTP_URL) await sendPendingEmails(deps);
      await runScheduledBackup(deps, log);
    } catch (err) {
      log(`Lỗi khi chạy tác vụ định kỳ: ${(err as Error).message}`);
    } finally {
      busy = false;
    }
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
