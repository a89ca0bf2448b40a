import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { openPglite } from '../../src/db/pglite';
import { openPostgres } from '../../src/db/postgres';

export type Engine = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a server (CI does). */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A fresh, migrated database. On PostgreSQL each call creates its own database next to
 * TEST_DATABASE_URL's, so test files running in parallel never see each other's rows.
 */
export async function openTestDb(engine: Engine): Promise<Db> {
  if (engine === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return db;
  }
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `hd_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 4);
  await migrate(db);
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
