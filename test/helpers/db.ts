import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { Db } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { openPglite } from '../../src/db/pglite';
import { openPostgres } from '../../src/db/postgres';
import { prepareBase } from './templates';

export type Engine = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server (CI does). */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A database of its own on PostgreSQL, next to TEST_DATABASE_URL's, so that test files
 * running in parallel never see each other's rows; dropped on close.
 */
async function ownPostgresDatabase(template?: string): Promise<Db> {
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `hd_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 4);
  return {
    ...db,
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A fresh, migrated, empty database (backup and restore tests start from nothing). */
export async function openTestDb(engine: Engine): Promise<Db> {
  const db = engine === 'pglite' ? await openPglite() : await ownPostgresDatabase();
  await migrate(db);
  return db;
}

let pgliteTemplate: Blob | undefined;

/** The template global setup provided, or '' outside a vitest run (benchmarks, screenshot script). */
function template(key: 'pgliteTemplate' | 'postgresTemplate'): string {
  try {
    return inject(key);
  } catch {
    return '';
  }
}

/**
 * A copy of the base database (schema, holidays, organisation, admin and demo users): cloned
 * from the template that global setup built once for the run, or built here when the run
 * has none.
 */
export async function openBaseDb(engine: Engine): Promise<Db> {
  if (engine === 'pglite') {
    const file = template('pgliteTemplate');
    if (file) {
      pgliteTemplate ??= new Blob([readFileSync(file)]);
      return openPglite(undefined, { loadDataDir: pgliteTemplate });
    }
    const db = await openPglite();
    await prepareBase(db);
    return db;
  }
  const name = template('postgresTemplate');
  if (name) return ownPostgresDatabase(name);
  const db = await ownPostgresDatabase();
  await prepareBase(db);
  return db;
}
