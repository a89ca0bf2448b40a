import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';

/** True once any administrator exists or the install was claimed: setup is then closed forever. */
export async function setupClosed(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ closed: boolean }>(
    `select exists (select 1 from users where role = 'admin') or exists (select 1 from app_settings where key = 'setup.claimed') as closed`,
  );
  return rows[0]!.closed;
}

/** The one claim: a second one in a racing transaction inserts nothing and is refused. */
export async function insertClaim(tx: Queryable, value: unknown): Promise<boolean> {
  const rows = await tx.query(`insert into app_settings (key, value) values ('setup.claimed', $1) on conflict (key) do nothing returning key`, [JSON.stringify(value)]);
  return rows.length === 1;
}

export async function deleteSetupCode(tx: Queryable): Promise<void> {
  await tx.query(`delete from app_settings where key = 'setup.code'`);
}

export async function insertProvince(tx: Queryable, id: string, name: string): Promise<void> {
  await tx.query('insert into provinces (id, name) values ($1, $2) on conflict (id) do nothing', [id, name]);
}

export async function insertAdmin(tx: Queryable, u: Pick<Tables['users'], 'username' | 'password_hash' | 'full_name' | 'unit_id'>): Promise<string> {
  const rows = await tx.query<Pick<Tables['users'], 'id'>>(
    `insert into users (username, password_hash, full_name, role, unit_id) values ($1, $2, $3, 'admin', $4) returning id`,
    [u.username, u.password_hash, u.full_name, u.unit_id],
  );
  return rows[0]!.id;
}

export interface LoadedCounts {
  units: number;
  users: number;
  indicators: number;
  targets: number;
  tasks: number;
  documents: number;
}

export async function loadedCounts(db: Queryable): Promise<LoadedCounts> {
  const rows = await db.query<LoadedCounts>(
    `select (select count(*) from units)::int as units, (select count(*) from users)::int as users,
            (select count(*) from indicators)::int as indicators, (select count(*) from indicator_targets)::int as targets,
            (select count(*) from tasks)::int as tasks, (select count(*) from documents)::int as documents`,
  );
  return rows[0]!;
}

/** Merges one step's state in one statement: two tabs marking two steps keep both. */
export async function mergeStepState(db: Queryable, step: string, state: string): Promise<void> {
  await db.query(
    `insert into app_settings (key, value) values ('setup.steps', jsonb_build_object($1::text, $2::text))
     on conflict (key) do update set value = app_settings.value || excluded.value, updated_at = now()`,
    [step, state],
  );
}
