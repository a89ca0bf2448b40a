import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config';
import type { Db } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { openPgliteThread } from '../../src/db/pglite-thread';
import { buildApp } from '../../src/server/app';

/**
 * With the served product's engine (PGlite in its worker thread), a health probe is not
 * queued behind a long statement: it answers while the statement still runs, saying the
 * database is busy; and once the engine has stopped, it answers 503.
 */
describe('health while the embedded engine works', () => {
  let db: Db;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await openPgliteThread();
    await migrate(db);
    app = await buildApp({ db, config: loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }), now: () => new Date() });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers during a long statement that it is busy, then idle, then unavailable once the engine is gone', async () => {
    let finished = false;
    const long = db.query(`select count(*) from generate_series(1, 3000000) g, lateral (select md5(g::text)) m`).then(() => (finished = true));
    await new Promise((r) => setTimeout(r, 100));
    const during = await app.inject({ method: 'GET', url: '/api/health' });
    expect(finished).toBe(false);
    expect(during.statusCode).toBe(200);
    expect(during.json().database).toMatchObject({ reachable: true, engine: 'pglite', migrationVersion: expect.any(String) });
    expect(during.json().database.busyForMs).toBeGreaterThan(0);
    await long;
    // Requests queued behind the statement (the dashboard's refresher polls) drain first.
    // The health answer itself is polled: a refresher query may slip in between two looks.
    await expect.poll(async () => (await app.inject({ method: 'GET', url: '/api/health' })).json().database.busyForMs).toBeUndefined();
    await db.close();
    const gone = await app.inject({ method: 'GET', url: '/api/health' });
    expect(gone.statusCode).toBe(503);
    expect(gone.json()).toMatchObject({ status: 'unavailable', database: { reachable: false } });
  });
});
