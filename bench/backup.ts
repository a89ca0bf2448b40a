import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { writeBackup } from '../src/db/backup';
import { restoreBackup } from '../src/db/backup-restore';
import type { Db } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { openPgliteThread } from '../src/db/pglite-thread';
import { openPostgres } from '../src/db/postgres';
import { seedDemoData, seedDemoUsers, seedOrganisation } from '../src/demo/seed';
import { seedHolidays } from '../src/server/modules/calendar/holidays';
import { ensureAdmin } from '../src/server/modules/users/bootstrap';
import type { BenchResult } from './types';

export const BACKUP_BENCH_VALUES = 1_000_000;

/** PostgreSQL side when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server; PGlite always. */
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/**
 * `haidang backup` and `haidang restore` as the CLI runs them (PGlite in its worker thread
 * on a data directory; PostgreSQL through a pool), for the full demo database and for one
 * with 1,000,000 indicator values. One run each: these take minutes, not milliseconds.
 * The main thread's peak heap during the million-row backup and restore shows that the
 * dump is streamed and the restore chunked (a table is never held whole).
 */
export async function benchBackup(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hd-bench-backup-'));
  const out: BenchResult[] = [];
  const dbs: Array<() => Promise<void>> = [];
  const freshPglite = async (name: string) => {
    const db = await openPgliteThread(join(dir, name));
    await migrate(db);
    return db;
  };
  const freshPostgres = async (): Promise<Db> => {
    const base = new URL(PG_URL!);
    const name = `hd_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const db = await openPostgres(url.toString(), 2);
    await migrate(db);
    dbs.push(async () => {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    });
    return db;
  };
  const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const r = await fn();
    return [r, Math.round(performance.now() - t0)];
  };
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

  try {
    for (const scenario of ['demo', 'million'] as const) {
      const source = await freshPglite(`source-${scenario}`);
      const label = scenario === 'demo' ? 'demo database' : `${BACKUP_BENCH_VALUES.toLocaleString('en')} indicator values`;
      if (scenario === 'demo') await loadDemo(source);
      else await loadMillion(source);
      const peak = heapPeak();
      const [b, backupMs] = await timed(() => writeBackup(source, join(dir, `${scenario}-pglite.hdb.gz`)));
      await source.close();
      const rows = b.footer.rows;
      out.push({ name: `backup of the ${label}, PGlite → ${mb(b.bytes)} gzip`, rows, ms: backupMs });
      const backupHeap = peak.stop();

      const toPglite = await freshPglite(`target-${scenario}`);
      const peak2 = heapPeak();
      const [, restoreMs] = await timed(() => restoreBackup(toPglite, b.file));
      const restoreHeap = peak2.stop();
      await toPglite.close();
      out.push({ name: `restore of the ${label} into PGlite (verified: every table's rows and checksum)`, rows, ms: restoreMs });
      if (scenario === 'million') {
        out.push({ name: `main-thread heap peak during that backup, MB (streamed)`, rows, ms: backupHeap });
        out.push({ name: `main-thread heap peak during that restore, MB (chunks of 5,000 rows)`, rows, ms: restoreHeap });
      }
      if (!PG_URL) continue;
      const toPg = await freshPostgres();
      const [, pgRestoreMs] = await timed(() => restoreBackup(toPg, b.file));
      out.push({ name: `restore of the ${label} into PostgreSQL`, rows, ms: pgRestoreMs });
      const [b2, pgBackupMs] = await timed(() => writeBackup(toPg, join(dir, `${scenario}-postgres.hdb.gz`)));
      await toPg.close();
      out.push({ name: `backup of the ${label}, PostgreSQL → ${mb(b2.bytes)} gzip`, rows, ms: pgBackupMs });
      const back = await freshPglite(`back-${scenario}`);
      const [, backMs] = await timed(() => restoreBackup(back, b2.file));
      await back.close();
      out.push({ name: `restore of the ${label} from PostgreSQL into PGlite`, rows, ms: backMs });
    }
    return out;
  } finally {
    for (const drop of dbs) await drop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Samples the main thread's heap every 50 ms; `stop` returns the peak in MB. */
function heapPeak() {
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
  return { stop: () => (clearInterval(timer), Math.round(peak / 1_048_576)) };
}

async function loadDemo(db: Db) {
  await seedHolidays(db);
  await seedOrganisation(db);
  await ensureAdmin(db, 'HaiPhong-Bench-2026');
  await seedDemoUsers(db, 'HaiPhong-Bench-2026');
  await seedDemoData(db);
}

/** The organisation and 1,000,000 monthly values generated in SQL, as bench/rollup.ts does. */
async function loadMillion(db: Db) {
  await seedHolidays(db);
  await seedOrganisation(db);
  await ensureAdmin(db, 'HaiPhong-Bench-2026');
  const units = (await db.query<{ n: number }>('select count(*)::int as n from units'))[0]!.n;
  const months = 96;
  const indicators = Math.ceil(BACKUP_BENCH_VALUES / (units * months));
  const cat = (await db.query<{ id: string }>(`insert into indicator_catalogues (code, name, valid_from) values ('BENCH', 'Đo hiệu năng', '2017-01-01') returning id`))[0]!.id;
  await db.query(
    `insert into indicators (catalogue_id, code, name, name_folded, pillar, unit_of_measure, kind, unit_rule, time_rule, direction, periodicity, source_agency, sort_order, valid_from)
     select $1, 'B_' || lpad(g::text, 4, '0'), 'Chỉ số đo ' || g, 'chi so do ' || g, 'government', '%', 'ratio', 'ratio', 'ratio', 'higher_better', 'month', 'Nguồn đo', g, '2017-01-01'
       from generate_series(1, $2::int) g`,
    [cat, indicators],
  );
  await db.query(
    `insert into indicator_values (province_id, indicator_id, unit_id, period, period_type, period_start, period_end, source_agency,
                                   value, numerator, denominator, status, origin, entered_by_name)
     select 'HP', x.indicator_id, x.unit_id, to_char(x.m, 'YYYY-"M"MM'), 'month', x.m::date, (x.m + interval '1 month - 1 day')::date, 'Nguồn đo',
            x.num * 100.0 / x.den, x.num, x.den, 'approved', 'seed', 'bench'
       from (select i.id as indicator_id, u.id as unit_id, m, (random() * 500)::int as num, 500 + (random() * 500)::int as den,
                    row_number() over () as n
               from indicators i cross join units u cross join generate_series('2017-01-01'::date, '2024-12-01'::date, interval '1 month') m
              where i.catalogue_id = $1) x
      where x.n <= $2`,
    [cat, BACKUP_BENCH_VALUES],
  );
}
