/**
 * A server for bench/feed-health.ts, in its own process: the product's app over a PGlite
 * data directory, with the engine either on the request thread (`inline`, the engine as
 * it was before the worker) or in its worker thread (`worker`, the served product's).
 * Only the engine differs. Usage: node --import tsx bench/feed-server.ts <inline|worker> <dataDir>
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../src/config';
import { migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';
import { openPgliteThread } from '../src/db/pglite-thread';
import { seedOrganisation } from '../src/demo/seed';
import { buildApp } from '../src/server/app';
import { seedHolidays } from '../src/server/modules/calendar/holidays';
import { ensureAdmin } from '../src/server/modules/users/bootstrap';

export const BENCH_PASSWORD = 'HaiPhong-Bench-2026';

const [mode, dir] = process.argv.slice(2) as ['inline' | 'worker', string];
const db = mode === 'inline' ? await openPglite(dir) : await openPgliteThread(dir);
await migrate(db);
await seedHolidays(db);
await seedOrganisation(db);
await ensureAdmin(db, BENCH_PASSWORD);
const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', DEMO_DATA: 'false' });
const app = await buildApp({ db, config, now: () => new Date() });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
// How long this process's event loop was held, reported to the bench when it stops.
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
process.send?.({ url: address });
process.on('message', async () => {
  delay.disable();
  process.send?.({ loopP99: Math.round(delay.percentile(99) / 1e6), loopMax: Math.round(delay.max / 1e6) });
  await app.close();
  await db.close();
  process.exit(0);
});
