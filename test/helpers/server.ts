import type { FastifyInstance } from 'fastify';
import { loadConfig, type TConfig } from '../../src/config';
import type { Db } from '../../src/db/client';
import type { Deps } from '../../src/server/context';
import { seedDemoData } from '../../src/demo/seed';
import { buildApp } from '../../src/server/app';
import { prepareSetupCode } from '../../src/server/modules/setup/code';
import { seedHolidays } from '../../src/server/modules/calendar/holidays';
import { openBaseDb, openTestDb, type Engine } from './db';
import { TEST_NOW, TEST_PASSWORD } from './templates';

export { TEST_NOW, TEST_PASSWORD };

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
export async function startTestServer(opts: { engine?: Engine; listen?: boolean; env?: Record<string, string>; /** Also load every capability's demo data. */ demo?: boolean; /** The clock's start; TEST_NOW unless given (the screenshot script uses the real time). */ now?: Date; /** A port chosen beforehand (an OpenID redirect URI must name it); a free one otherwise. */ port?: number } = {}): Promise<TestServer> {
  const db = await openBaseDb(opts.engine ?? 'pglite');
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', ...opts.env });
  const clock = { now: new Date(opts.now ?? TEST_NOW) };
  if (opts.demo) await seedDemoData(db, { now: () => clock.now });
  const deps: Deps = { db, config, now: () => clock.now };
  const app = await buildApp(deps);
  let url = '';
  if (opts.listen !== false) {
    const address = await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
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

/**
 * A real server over an EMPTY migrated database (no unit, no user), as a new province's
 * first start with DEMO_DATA=false: in setup mode, with the one-time setup code that the
 * server would print (or ADMIN_PASSWORD when `env` sets it).
 */
export async function startEmptyServer(opts: { engine?: Engine; env?: Record<string, string>; now?: Date; listen?: boolean } = {}): Promise<TestServer & { setupCode: string }> {
  const db = await openTestDb(opts.engine ?? 'pglite');
  await seedHolidays(db);
  const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...opts.env });
  const setup = await prepareSetupCode(db, config.ADMIN_PASSWORD);
  if (!setup.open) throw new Error('an empty database must start in setup mode');
  const clock = { now: new Date(opts.now ?? TEST_NOW) };
  const deps: Deps = { db, config, now: () => clock.now };
  const app = await buildApp(deps);
  const url = opts.listen === false ? (await app.ready(), '') : await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    db,
    url,
    adminPassword: '',
    config,
    deps,
    clock,
    setupCode: setup.code,
    async close() {
      await app.close();
      await db.close();
    },
  };
}
