import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';

type T = Tables['api_tokens'];
export type ApiTokenRow = Pick<T, 'id' | 'name' | 'prefix' | 'scopes' | 'expires_at' | 'revoked_at' | 'last_used_at' | 'created_at'> & {
  role: Tables['users']['role'];
  username: Tables['users']['username'];
  unit_id: Tables['units']['id'];
  unit_name: Tables['units']['name'];
  created_by_name: Tables['users']['username'] | null;
};

const SELECT_TOKENS = `
  select t.id, t.name, t.prefix, t.scopes, t.expires_at, t.revoked_at, t.last_used_at, t.created_at,
         u.role, u.username, u.unit_id, n.name as unit_name, c.username as created_by_name
    from api_tokens t join users u on u.id = t.user_id join units n on n.id = u.unit_id left join users c on c.id = t.created_by`;

export async function selectApiTokens(db: Queryable): Promise<ApiTokenRow[]> {
  return db.query<ApiTokenRow>(`${SELECT_TOKENS} order by t.revoked_at is not null, t.created_at desc`);
}

export async function selectApiToken(db: Queryable, id: string): Promise<ApiTokenRow | undefined> {
  return (await db.query<ApiTokenRow>(`${SELECT_TOKENS} where t.id = $1`, [id]))[0];
}

export async function selectRootUnitId(db: Queryable): Promise<string | undefined> {
  return (await db.query<Pick<Tables['units'], 'id'>>('select id from units where parent_id is null order by valid_to is not null, valid_from limit 1'))[0]?.id;
}

export async function selectUnitExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('select 1 from units where id = $1', [id])).length > 0;
}

export async function selectTokenNameTaken(db: Queryable, name: string): Promise<boolean> {
  return (await db.query('select 1 from api_tokens where lower(name) = lower($1)', [name])).length > 0;
}

/** The token's service account: it signs its requests in the audit log; '!' is no password hash. */
export async function insertServiceUser(db: Queryable, u: Pick<Tables['users'], 'username' | 'full_name' | 'role' | 'unit_id'>): Promise<string> {
  const rows = await db.query<Pick<Tables['users'], 'id'>>(
    `insert into users (username, password_hash, full_name, role, unit_id) values ($1, '!', $2, $3, $4) returning id`,
    [u.username, u.full_name, u.role, u.unit_id],
  );
  return rows[0]!.id;
}

export async function insertApiToken(db: Queryable, t: Pick<T, 'name' | 'token_hash' | 'prefix' | 'user_id' | 'scopes' | 'expires_at' | 'created_by' | 'created_at'>): Promise<string> {
  const rows = await db.query<Pick<T, 'id'>>(
    `insert into api_tokens (name, token_hash, prefix, user_id, scopes, expires_at, created_by, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [t.name, t.token_hash, t.prefix, t.user_id, t.scopes, t.expires_at, t.created_by, t.created_at],
  );
  return rows[0]!.id;
}

/** Revokes once; the service account is disabled with it. Returns false when already revoked. */
export async function revokeApiToken(db: Queryable, id: string, at: string): Promise<boolean> {
  const rows = await db.query<Pick<T, 'user_id'>>('update api_tokens set revoked_at = $2 where id = $1 and revoked_at is null returning user_id', [id, at]);
  if (!rows[0]) return false;
  await db.query('update users set active = false, updated_at = $2 where id = $1', [rows[0].user_id, at]);
  return true;
}

export type BearerRow = Pick<T, 'id' | 'name' | 'scopes' | 'expires_at' | 'revoked_at'> & {
  user_id: Tables['users']['id'];
  username: Tables['users']['username'];
  full_name: Tables['users']['full_name'];
  role: Tables['users']['role'];
  active: Tables['users']['active'];
  unit_id: Tables['units']['id'];
  unit_name: Tables['units']['name'];
};

export async function selectBearer(db: Queryable, tokenHash: string): Promise<BearerRow | undefined> {
  const rows = await db.query<BearerRow>(
    `select t.id, t.name, t.scopes, t.expires_at, t.revoked_at, u.id as user_id, u.username, u.full_name, u.role, u.active, u.unit_id, n.name as unit_name
       from api_tokens t join users u on u.id = t.user_id join units n on n.id = u.unit_id
      where t.token_hash = $1`,
    [tokenHash],
  );
  return rows[0];
}

export async function touchApiToken(db: Queryable, id: string, at: string): Promise<void> {
  await db.query('update api_tokens set last_used_at = $2 where id = $1', [id, at]);
}
