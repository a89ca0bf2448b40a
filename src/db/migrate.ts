import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db, Queryable } from './client';
import { PROJECT_ROOT } from './project-root';

export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'src/db/migrations');

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

/** Plain SQL files `NNNN_name.sql`, applied in order, each in its own transaction. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

// Any constant works; it only has to be the same in every process of this product.
const MIGRATION_LOCK = 7_427_001;

/** Applies every pending migration, or only those up to `upTo` (a restore migrates to its backup's version first). */
export async function migrate(db: Db, log: (msg: string) => void = () => undefined, opts: { upTo?: string } = {}): Promise<string[]> {
  await db.exec(`create table if not exists schema_migrations (
    version text primary key, name text not null, checksum text not null,
    applied_at timestamptz not null default now())`);
  const done: string[] = [];
  for (const m of loadMigrations()) {
    if (opts.upTo !== undefined && m.version > opts.upTo) break;
    const applied = await db.transaction(async (tx) => {
      // Several servers on one PostgreSQL may start together: the transaction-scoped
      // lock makes them take turns, and the re-check below makes the later ones skip.
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const seen = await tx.query<{ checksum: string }>('select checksum from schema_migrations where version = $1', [m.version]);
      if (seen[0]) {
        if (seen[0].checksum !== m.checksum) throw new Error(`Migration ${m.version}_${m.name} đã bị sửa sau khi áp dụng (checksum khác). Hãy viết migration mới.`);
        return false;
      }
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [m.version, m.name, m.checksum]);
      return true;
    });
    if (applied) {
      log(`Đã áp dụng migration ${m.version}_${m.name}`);
      done.push(m.version);
    }
  }
  return done;
}

export async function currentSchemaVersion(db: Queryable): Promise<string | null> {
  const rows = await db.query<{ v: string | null }>('select max(version) as v from schema_migrations');
  return rows[0]?.v ?? null;
}

/** The version of a database that may not have been migrated at all (no schema_migrations yet). */
export async function schemaVersionIfAny(db: Queryable): Promise<string | null> {
  const t = await db.query<{ t: string | null }>(`select to_regclass('schema_migrations')::text as t`);
  return t[0]?.t ? currentSchemaVersion(db) : null;
}

/** The newest migration this build knows. */
export function latestMigrationVersion(): string | null {
  return loadMigrations().at(-1)?.version ?? null;
}
