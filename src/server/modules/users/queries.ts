import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';

type U = Tables['users'];

export type UserRow = Pick<U, 'id' | 'username' | 'full_name' | 'role' | 'unit_id' | 'active' | 'last_login_at' | 'version'> & { unit_name: Tables['units']['name'] };

const SELECT_USERS = `select u.id, u.username, u.full_name, u.role, u.unit_id, n.name as unit_name, u.active, u.last_login_at, u.version
  from users u join units n on n.id = u.unit_id`;

export async function selectUsers(db: Queryable): Promise<UserRow[]> {
  return db.query<UserRow>(`${SELECT_USERS} order by u.username`);
}

export async function selectUser(db: Queryable, id: string): Promise<UserRow | undefined> {
  return (await db.query<UserRow>(`${SELECT_USERS} where u.id = $1`, [id]))[0];
}

export async function unitExists(tx: Queryable, unitId: string): Promise<boolean> {
  return (await tx.query<Pick<Tables['units'], 'id'>>('select id from units where id = $1', [unitId])).length > 0;
}

/** Usernames compare without case: `Admin` and `admin` are one account. */
export async function usernameTaken(q: Queryable, username: string): Promise<boolean> {
  return (await q.query('select 1 from users where lower(username) = lower($1)', [username])).length > 0;
}

export async function insertUser(tx: Queryable, u: Pick<U, 'username' | 'password_hash' | 'full_name' | 'role' | 'unit_id'>): Promise<string> {
  const rows = await tx.query<Pick<U, 'id'>>(
    'insert into users (username, password_hash, full_name, role, unit_id) values ($1, $2, $3, $4, $5) returning id',
    [u.username, u.password_hash, u.full_name, u.role, u.unit_id],
  );
  return rows[0]!.id;
}

/** A null leaves the column as it is. The version is checked by the update itself: of two edits from one version, one is kept. */
export async function updateUserRow(
  tx: Queryable,
  id: string,
  version: number,
  u: { full_name: string | null; role: U['role'] | null; unit_id: string | null; active: boolean | null; password_hash: string | null },
): Promise<boolean> {
  const rows = await tx.query(
    `update users set full_name = coalesce($2, full_name), role = coalesce($3, role), unit_id = coalesce($4, unit_id),
            active = coalesce($5, active), password_hash = coalesce($6, password_hash), version = version + 1, updated_at = now()
      where id = $1 and version = $7 returning id`,
    [id, u.full_name, u.role, u.unit_id, u.active, u.password_hash, version],
  );
  return rows.length > 0;
}

export async function deleteUserSessions(tx: Queryable, userId: string): Promise<void> {
  await tx.query('delete from sessions where user_id = $1', [userId]);
}

/** The organisation's root unit (the oldest unit without a parent): where `admin` belongs. */
export async function selectRootUnitId(tx: Queryable): Promise<string | undefined> {
  return (await tx.query<Pick<Tables['units'], 'id'>>('select id from units where parent_id is null order by valid_to is not null, valid_from limit 1'))[0]?.id;
}
