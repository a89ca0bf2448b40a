import type { Db, Queryable } from '../../db/client';

/**
 * Runs `fn` once for (job, runKey) across every server process sharing the database.
 * The job_runs row is inserted in the job's own transaction: a second process blocks on
 * the uncommitted row, then sees the conflict and skips; if the job fails, the row is
 * rolled back with its work and the next tick tries again.
 */
export async function runOnce<T>(db: Db, job: string, runKey: string, fn: (tx: Queryable) => Promise<T>): Promise<{ ran: boolean; result?: T }> {
  return db.transaction(async (tx) => {
    const claimed = await tx.query('insert into job_runs (job, run_key) values ($1, $2) on conflict do nothing returning job', [job, runKey]);
    if (claimed.length === 0) return { ran: false };
    const result = await fn(tx);
    await tx.query('update job_runs set finished_at = now(), result = $3 where job = $1 and run_key = $2', [job, runKey, JSON.stringify(result ?? null)]);
    return { ran: true, result };
  });
}
