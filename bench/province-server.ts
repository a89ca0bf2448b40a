/**
 * The served product for bench/province-load.ts, in its own process as the checker
 * runs it: buildApp over a PostgreSQL database with the production logger (LOG_LEVEL warn),
 * compression and session checks; only the clock is fixed (to the bench's day).
 * Usage: node --import tsx bench/province-server.ts <databaseUrl> <isoNow>
 */
import { loadConfig } from '../src/config';
import { openPostgres } from '../src/db/postgres';
import { buildApp } from '../src/server/app';

const [url, iso] = process.argv.slice(2) as [string, string];
const now = new Date(iso);
const db = await openPostgres(url);
const config = loadConfig({ DATABASE_URL: url, DEMO_DATA: 'false' });
const app = await buildApp({ db, config, now: () => now }, { logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL } });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.send?.({ url: address });
process.on('message', async (m) => {
  // The CPU this process spent so far (user + system, ms): per request, a figure the
  // neighbours' load does not inflate as much as the wall clock.
  if (m === 'cpu') {
    const u = process.cpuUsage();
    process.send?.({ cpuMs: (u.user + u.system) / 1000 });
    return;
  }
  await app.close();
  await db.close();
  process.exit(0);
});
