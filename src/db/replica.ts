import type { Queryable } from './client';

/**
 * A PostgreSQL streaming replica (DATABASE_READ_URL, issue 12): how far it lags, and waiting
 * until it has replayed a write made on the primary (read-after-write through the replica).
 */

/** Seconds since the last replayed transaction; null on a primary (or a replica that replayed none). */
export async function replicaLagSeconds(replica: Queryable): Promise<number | null> {
  const r = (await replica.query<{ lag: number | null }>(
    `select case when pg_is_in_recovery() then extract(epoch from (now() - pg_last_xact_replay_timestamp()))::float8 end as lag`,
  ))[0];
  return r?.lag ?? null;
}

/** The primary's current write position: what a replica must have replayed to show a write. */
export async function primaryPosition(primary: Queryable): Promise<string> {
  return (await primary.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn'))[0]!.lsn;
}

/** Waits until the replica has replayed up to `lsn`; false after `timeoutMs`. */
export async function waitForReplay(replica: Queryable, lsn: string, timeoutMs = 10_000, pollMs = 50): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = (await replica.query<{ done: boolean }>('select coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) as done', [lsn]))[0];
    if (r?.done) return true;
    if (Date.now() > deadline) return false;
    await new Promise((res) => setTimeout(res, pollMs));
  }
}
