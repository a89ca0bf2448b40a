import { seedDemoUsers, seedOrganisation } from '../../src/demo/seed';
import type { Db } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { seedHolidays } from '../../src/server/modules/calendar/holidays';
import { ensureAdmin } from '../../src/server/modules/users/bootstrap';

export const TEST_PASSWORD = 'HaiPhong-Test-2026';

/**
 * The instant every test server starts at (09:00 on 20/11/2026 in Vietnam), so that a run
 * gives the same result at any hour of any day; tests move `server.clock.now` from here.
 * Browser journeys set the page's clock to the same instant.
 */
export const TEST_NOW = new Date('2026-11-20T02:00:00.000Z');

/**
 * What every integration test starts from: the schema, the holidays, the Hải Phòng
 * organisation, `admin` and one demo user per role (all with TEST_PASSWORD). Built once per
 * run by test/global-setup.ts and cloned for each test file (a PGlite snapshot, a PostgreSQL
 * `create database … template`), instead of migrating and seeding again in every file.
 */
export async function prepareBase(db: Db): Promise<void> {
  await migrate(db);
  await seedHolidays(db);
  await seedOrganisation(db);
  await ensureAdmin(db, TEST_PASSWORD);
  await seedDemoUsers(db, TEST_PASSWORD);
}

/** Keys under which global setup hands the templates to the test workers (vitest provide/inject). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the PGlite snapshot of the base database; empty when not built (unit tier only). */
    pgliteTemplate: string;
    /** Name of the PostgreSQL template database; empty without TEST_DATABASE_URL. */
    postgresTemplate: string;
  }
}
