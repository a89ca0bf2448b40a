import type { Queryable } from '../db/client';

/** Small keyed settings (markers of one-time work, administrator choices) in `app_settings`. */
export async function getSetting<T>(db: Queryable, key: string): Promise<T | undefined> {
  return (await db.query<{ value: T }>('select value from app_settings where key = $1', [key]))[0]?.value;
}

export async function setSetting(db: Queryable, key: string, value: unknown): Promise<void> {
  await db.query(
    'insert into app_settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value, updated_at = now()',
    [key, JSON.stringify(value)],
  );
}
