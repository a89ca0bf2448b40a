import type { FastifyInstance } from 'fastify';
import { loadConfig, type TConfig } from '../../src/config';
import type { Db } from '../../src/db/client';
import type { Deps } from '../../src/server/context';
import { seedDemoData, seedDemoUsers, seedOrganisation } from '../../src/demo/seed';
import { ensureAdmin } from '../../src/server/modules/users/bootstrap';
import { buildApp } from '../../src/server/app';
import { seedHolidays } from '../../src/server/modules/calendar/holidays';
import { openTestDb, type Engine } from './db';

export const TEST_PASSWORD = 'HaiPhong-Test-2026';

export interface TestServer {
  app: FastifyInstance;
  db: Db;
  url: string;
  adminPassword: string;
  config: TConfig;
  /** What the routes get: pass it to services and jobs (e.g. runDailyJobs(s.deps)). */
  deps: Deps;
  /** The server's clock; tests move it to check expiry and deadlines. */
  clock: { now: Date };
  close(): Promise<void>;
}

/**
 * A real server (Fastify on a random port) over a fresh migrated database holding the
 * demo organisation, `admin` and one demo user per role, all with TEST_PASSWORD.
 */
export async function startTestServer(opts: { engine?: Engine; listen?: boolean; env?: Record<string, string>; /** Also load every capability's demo data. */ demo?: boolean } = {}): Promise<TestServer> {
  const db = await openTestDb(opts.engine ?? 'pglite');
  await seedHolidays(db);
  await seedOrganisation(db);
  await ensureAdmin(db, TEST_PASSWORD);
  await seedDemoUsers(db, TEST_PASSWORD);
  if (opts.demo) await seedDemoData(db);
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...opts.env });
  const clock = { now: new Date() };
  const deps: Deps = { db, config, now: () => clock.now };
  const app = await buildApp(deps);
  let url = '';
  if (opts.listen !== false) {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    url = address;
  } else {
    await app.ready();
  }
  return {
    app,
    db,
    url,
    adminPassword: TEST_PASSWORD,
    config,
    deps,
    clock,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
