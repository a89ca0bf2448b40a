import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';

export async function insertOidcLogin(db: Queryable, row: Pick<Tables['oidc_logins'], 'state' | 'nonce' | 'code_verifier' | 'created_at'>): Promise<void> {
  await db.query('insert into oidc_logins (state, nonce, code_verifier, created_at) values ($1, $2, $3, $4)', [row.state, row.nonce, row.code_verifier, row.created_at]);
}

/** Takes the started sign-in once: a replayed callback finds nothing. */
export async function takeOidcLogin(db: Queryable, state: string): Promise<Pick<Tables['oidc_logins'], 'nonce' | 'code_verifier' | 'created_at'> | undefined> {
  const rows = await db.query<Pick<Tables['oidc_logins'], 'nonce' | 'code_verifier' | 'created_at'>>('delete from oidc_logins where state = $1 returning nonce, code_verifier, created_at', [state]);
  return rows[0];
}

export async function deleteStaleOidcLogins(db: Queryable, before: string): Promise<void> {
  await db.query('delete from oidc_logins where created_at < $1', [before]);
}

type Candidate = Pick<Tables['users'], 'id' | 'username' | 'active' | 'oidc_subject'>;

export async function selectUserBySubject(db: Queryable, issuer: string, subject: string): Promise<Candidate | undefined> {
  const rows = await db.query<Candidate>('select id, username, active, oidc_subject from users where oidc_issuer = $1 and oidc_subject = $2', [issuer, subject]);
  return rows[0];
}

export async function selectUsersByEmail(db: Queryable, email: string): Promise<Candidate[]> {
  return db.query<Candidate>('select id, username, active, oidc_subject from users where lower(email) = lower($1) order by username limit 2', [email]);
}

export async function selectCurrentUnitId(db: Queryable, code: string, day: string): Promise<string | undefined> {
  const rows = await db.query<Pick<Tables['units'], 'id'>>(
    'select id from units where code = $1 and valid_from <= $2 and (valid_to is null or valid_to >= $2) order by valid_from desc limit 1',
    [code, day],
  );
  return rows[0]?.id;
}

export async function linkUserSubject(db: Queryable, userId: string, issuer: string, subject: string): Promise<void> {
  await db.query('update users set oidc_issuer = $2, oidc_subject = $3, version = version + 1, updated_at = now() where id = $1', [userId, issuer, subject]);
}

export async function insertOidcUser(
  db: Queryable,
  u: Pick<Tables['users'], 'username' | 'full_name' | 'role' | 'unit_id' | 'email' | 'oidc_issuer' | 'oidc_subject'>,
): Promise<string> {
  // '!' is not an argon2 hash: such a user can only sign in through the provider.
  const rows = await db.query<Pick<Tables['users'], 'id'>>(
    `insert into users (username, password_hash, full_name, role, unit_id, email, oidc_issuer, oidc_subject) values ($1, '!', $2, $3, $4, $5, $6, $7) returning id`,
    [u.username, u.full_name, u.role, u.unit_id, u.email, u.oidc_issuer, u.oidc_subject],
  );
  return rows[0]!.id;
}

export async function selectUsernameTaken(db: Queryable, username: string): Promise<boolean> {
  return (await db.query('select 1 from users where lower(username) = lower($1)', [username])).length > 0;
}

export async function touchLastLogin(db: Queryable, userId: string, at: string): Promise<void> {
  await db.query('update users set last_login_at = $2 where id = $1', [userId, at]);
}
