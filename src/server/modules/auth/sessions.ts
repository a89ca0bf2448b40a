import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../../db/client';
import type { Role } from '../../../core/auth/roles';
import type { SessionActor } from '../../context';

export const SESSION_COOKIE = 'hd_session';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

export async function createSession(tx: Queryable, userId: string, now: Date, ip: string, userAgent: string | undefined) {
  const token = newToken();
  const csrfToken = newToken();
  await tx.query(
    'insert into sessions (token_hash, user_id, csrf_token, ip, user_agent, created_at, last_seen_at) values ($1, $2, $3, $4, $5, $6, $6)',
    [hashToken(token), userId, csrfToken, ip, userAgent?.slice(0, 300) ?? null, now.toISOString()],
  );
  return { token, csrfToken };
}

interface SessionRow {
  token_hash: string;
  csrf_token: string;
  last_seen_at: string;
  user_id: string;
  username: string;
  full_name: string;
  role: Role;
  unit_id: string;
  unit_name: string;
}

/**
 * A user's scope: their unit and its subtree, plus every unit whose history their unit
 * inherited as primary successor (and those units' subtrees). A Sở KH&CN officer after
 * 2025 thus acts on what Sở TT&TT left open.
 */
export const SCOPE_SQL = `
  with recursive lineage(id) as (
    select $1::uuid
    union
    select s.predecessor_id from unit_successors s join lineage l on s.successor_id = l.id where s.is_primary
  )
  select distinct c.descendant_id as id from unit_closure c join lineage l on c.ancestor_id = l.id`;

/**
 * The actor's province: its id and every unit of it (what the province-wide roles act on).
 * The national role is bound to no province (null), though its unit names a home province.
 */
export async function provinceOf(db: Queryable, unitId: string, role: Role): Promise<{ provinceId: string; province: ReadonlySet<string> | null }> {
  const rows = await db.query<{ id: string; province_id: string }>(
    'select u.id, u.province_id from units u where u.province_id = (select province_id from units where id = $1)',
    [unitId],
  );
  const provinceId = rows.find((r) => r.id === unitId)?.province_id ?? 'HP';
  return { provinceId, province: role === 'national' ? null : new Set(rows.map((r) => r.id)) };
}

export type SessionLookup = { kind: 'none' } | { kind: 'expired' } | { kind: 'ok'; actor: SessionActor };

interface FoundSession {
  actor: SessionActor;
  lastSeenMs: number;
}

/**
 * Sessions found in the last second, by token hash, in one server process: a signed-in screen's
 * requests then cost no statement for the session and the user's unit scope (3,351 units for a
 * city-wide role: issue 11). Its owner clears it after every request that may write (sign-out,
 * a password or role change, a unit move), so within a process nothing changes; another
 * process's sign-out or deactivation shows within the second. The idle limit is checked
 * against the kept last_seen_at on every request.
 */
export class SessionCache {
  private readonly found = new Map<string, FoundSession & { at: number }>();

  constructor(private readonly ttlMs = 1_000, private readonly maxEntries = 5_000) {}

  get(tokenHash: string): FoundSession | undefined {
    const f = this.found.get(tokenHash);
    if (f && performance.now() - f.at <= this.ttlMs) return f;
    if (f) this.found.delete(tokenHash);
    return undefined;
  }

  set(tokenHash: string, f: FoundSession): void {
    if (this.found.size >= this.maxEntries) this.found.clear();
    this.found.set(tokenHash, { ...f, at: performance.now() });
  }

  delete(tokenHash: string): void {
    this.found.delete(tokenHash);
  }

  clear(): void {
    this.found.clear();
  }
}

async function readSession(db: Queryable, tokenHash: string): Promise<FoundSession | undefined> {
  const rows = await db.query<SessionRow>(
    `select s.token_hash, s.csrf_token, s.last_seen_at, u.id as user_id, u.username, u.full_name, u.role, u.unit_id, un.name as unit_name
       from sessions s join users u on u.id = s.user_id join units un on un.id = u.unit_id
      where s.token_hash = $1 and u.active`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  const scope = await db.query<{ id: string }>(SCOPE_SQL, [row.unit_id]);
  const province = await provinceOf(db, row.unit_id, row.role);
  return {
    lastSeenMs: new Date(row.last_seen_at).getTime(),
    actor: {
      id: row.user_id,
      username: row.username,
      fullName: row.full_name,
      role: row.role,
      unitId: row.unit_id,
      unitName: row.unit_name,
      scope: new Set(scope.map((r) => r.id)),
      ...province,
      csrfToken: row.csrf_token,
      tokenHash,
    },
  };
}

/**
 * Loads the session and its user. A session idle longer than `idleMinutes` is deleted.
 * last_seen_at is written at most once a minute so that reads stay reads.
 */
export async function loadSession(db: Queryable, token: string, now: Date, idleMinutes: number, cache?: SessionCache): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  let found = cache?.get(tokenHash);
  if (!found) {
    found = await readSession(db, tokenHash);
    if (!found) return { kind: 'none' };
    cache?.set(tokenHash, found);
  }
  const idleMs = now.getTime() - found.lastSeenMs;
  if (idleMs > idleMinutes * 60_000) {
    cache?.delete(tokenHash);
    await db.query('delete from sessions where token_hash = $1', [tokenHash]);
    return { kind: 'expired' };
  }
  if (idleMs > 60_000) {
    await db.query('update sessions set last_seen_at = $2 where token_hash = $1', [tokenHash, now.toISOString()]);
    found.lastSeenMs = now.getTime();
    cache?.set(tokenHash, found);
  }
  return { kind: 'ok', actor: found.actor };
}
