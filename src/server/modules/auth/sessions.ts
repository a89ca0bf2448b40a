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

/**
 * Loads the session and its user. A session idle longer than `idleMinutes` is deleted.
 * last_seen_at is written at most once a minute so that reads stay reads.
 */
export async function loadSession(db: Queryable, token: string, now: Date, idleMinutes: number): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const rows = await db.query<SessionRow>(
    `select s.token_hash, s.csrf_token, s.last_seen_at, u.id as user_id, u.username, u.full_name, u.role, u.unit_id, un.name as unit_name
       from sessions s join users u on u.id = s.user_id join units un on un.id = u.unit_id
      where s.token_hash = $1 and u.active`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row) return { kind: 'none' };
  const idleMs = now.getTime() - new Date(row.last_seen_at).getTime();
  if (idleMs > idleMinutes * 60_000) {
    await db.query('delete from sessions where token_hash = $1', [tokenHash]);
    return { kind: 'expired' };
  }
  if (idleMs > 60_000) await db.query('update sessions set last_seen_at = $2 where token_hash = $1', [tokenHash, now.toISOString()]);
  const scope = await db.query<{ id: string }>(SCOPE_SQL, [row.unit_id]);
  const province = await provinceOf(db, row.unit_id, row.role);
  return {
    kind: 'ok',
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
