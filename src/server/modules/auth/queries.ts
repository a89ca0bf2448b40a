import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';

type FailureRow = Pick<Tables['login_failures'], 'account' | 'address' | 'failures' | 'first_failed_at' | 'last_failed_at' | 'blocked_until'>;

/** The blocks in force on these keys (only keys that are blocked now). */
export async function selectBlocks(db: Queryable, keys: Array<{ account: string; address: string }>, now: Date): Promise<Array<Pick<FailureRow, 'account' | 'blocked_until'>>> {
  return db.query(
    `select f.account, f.blocked_until
       from login_failures f
       join unnest($1::text[], $2::text[]) as k(account, address) on k.account = f.account and k.address = f.address
      where f.blocked_until > $3`,
    [keys.map((k) => k.account), keys.map((k) => k.address), now.toISOString()],
  );
}

/**
 * Counts one failure on each key in one statement (parallel attempts cannot lose a count):
 * a key with no failure since `quietBefore` starts again at 1. Returns each key's new count.
 */
export async function countFailures(
  tx: Queryable,
  keys: Array<{ account: string; address: string }>,
  now: Date,
  quietBefore: Date,
): Promise<Array<Pick<FailureRow, 'account' | 'address' | 'failures'>>> {
  return tx.query(
    `insert into login_failures as f (account, address, failures, first_failed_at, last_failed_at)
     select k.account, k.address, 1, $3::timestamptz, $3::timestamptz
       from unnest($1::text[], $2::text[]) as k(account, address)
     on conflict (account, address) do update set
       failures = case when f.last_failed_at < $4 then 1 else f.failures + 1 end,
       first_failed_at = case when f.last_failed_at < $4 then excluded.first_failed_at else f.first_failed_at end,
       blocked_until = case when f.last_failed_at < $4 then null else f.blocked_until end,
       last_failed_at = excluded.last_failed_at
     returning f.account, f.address, f.failures`,
    [keys.map((k) => k.account), keys.map((k) => k.address), now.toISOString(), quietBefore.toISOString()],
  );
}

/** Sets each key's block (never shortening one already longer). */
export async function setBlocks(tx: Queryable, blocks: Array<{ account: string; address: string; until: Date }>): Promise<void> {
  if (blocks.length === 0) return;
  await tx.query(
    `update login_failures f set blocked_until = greatest(f.blocked_until, k.until)
       from unnest($1::text[], $2::text[], $3::timestamptz[]) as k(account, address, until)
      where f.account = k.account and f.address = k.address`,
    [blocks.map((b) => b.account), blocks.map((b) => b.address), blocks.map((b) => b.until.toISOString())],
  );
}

/** Forgets old counters: nobody is blocked by them and their failures no longer count. */
export async function pruneFailures(tx: Queryable, quietBefore: Date, now: Date): Promise<void> {
  await tx.query('delete from login_failures where last_failed_at < $1 and (blocked_until is null or blocked_until < $2)', [quietBefore.toISOString(), now.toISOString()]);
}

export async function deleteFailureKey(tx: Queryable, account: string, address: string): Promise<FailureRow | undefined> {
  const rows = await tx.query<FailureRow>(
    `delete from login_failures where account = $1 and address = $2
     returning account, address, failures, first_failed_at, last_failed_at, blocked_until`,
    [account, address],
  );
  return rows[0];
}

/** Keys blocked now, or that have counted failures since `since`: what an admin looks at. */
export async function selectThrottles(db: Queryable, since: Date, now: Date): Promise<FailureRow[]> {
  return db.query<FailureRow>(
    `select account, address, failures, first_failed_at, last_failed_at, blocked_until
       from login_failures
      where blocked_until > $2 or last_failed_at >= $1
      order by (blocked_until > $2) desc nulls last, last_failed_at desc
      limit 500`,
    [since.toISOString(), now.toISOString()],
  );
}

export type LoginUserRow = Pick<Tables['users'], 'id' | 'username' | 'password_hash' | 'active'>;

export async function selectLoginUser(db: Queryable, username: string): Promise<LoginUserRow | undefined> {
  const rows = await db.query<LoginUserRow>('select id, username, password_hash, active from users where lower(username) = lower($1)', [username]);
  return rows[0];
}

export async function markLoggedIn(tx: Queryable, userId: string, now: Date): Promise<void> {
  await tx.query('update users set last_login_at = $2 where id = $1', [userId, now.toISOString()]);
}
