import type { Queryable } from '../../../db/client';
import type { TBackupRun } from '../../../contracts/backups';

export const BACKUP_JOB = 'backup';

/**
 * Claims the day's backup for this process. Unlike the daily jobs, a backup cannot run
 * inside the claiming transaction (it takes its own consistent snapshot, and on PGlite a
 * second transaction would wait for the first), so the claim is committed at once and
 * carries a lease: a claim left unfinished for three hours (its process died) is taken over.
 */
export async function claimBackupDay(db: Queryable, day: string): Promise<boolean> {
  const rows = await db.query(
    `insert into job_runs (job, run_key) values ($1, $2)
     on conflict (job, run_key) do update set started_at = now(), finished_at = null, result = null
      where job_runs.finished_at is null and job_runs.started_at < now() - interval '3 hours'
     returning job`,
    [BACKUP_JOB, day],
  );
  return rows.length > 0;
}

export async function finishBackupDay(db: Queryable, day: string, result: { ok: boolean; file?: string; message?: string }): Promise<void> {
  await db.query(`update job_runs set finished_at = now(), result = $3 where job = $1 and run_key = $2`, [BACKUP_JOB, day, JSON.stringify(result)]);
}

export async function lastBackupRun(db: Queryable): Promise<TBackupRun | null> {
  const rows = await db.query<{ run_key: string; started_at: string; finished_at: string | null; result: { ok?: boolean; message?: string; file?: string } | null }>(
    `select run_key, started_at, finished_at, result from job_runs where job = $1 order by started_at desc limit 1`,
    [BACKUP_JOB],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    day: r.run_key,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    ok: r.result?.ok ?? null,
    message: r.result?.message ?? r.result?.file ?? null,
  };
}
