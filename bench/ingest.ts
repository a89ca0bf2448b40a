import { copyLine } from '../src/db/copy-text';
import type { Db } from '../src/db/client';
import { DEMO_DOSSIER_UNITS, SAMPLE_CSV_HEADER, sampleDossierLine, sampleDossiers, type SampleOptions } from '../src/demo/sample-dossiers';
import { call, login, type Session } from '../test/helpers/api';
import type { Engine } from '../test/helpers/db';
import { startTestServer, type TestServer } from '../test/helpers/server';
import type { BenchResult } from './types';

/** Rows of the feed, as issue 11 sized it: most of a province's year of one-stop dossiers. */
export const INGEST_ROWS = Number(process.env.BENCH_INGEST_ROWS ?? 300_000);

/** Aim of issue 11: the product's ingest within this factor of a bare COPY of the same rows. */
export const INGEST_AIM = 5;

const OPTIONS: SampleOptions = {
  year: 2022,
  months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  perMonth: Math.ceil(INGEST_ROWS / 12),
  onlineShare: [0.25, 0.26, 0.27, 0.28, 0.3, 0.31, 0.32, 0.33, 0.34, 0.35, 0.36, 0.37],
  units: DEMO_DOSSIER_UNITS,
  asOf: '2022-12-31T23:59:00+07:00',
  codePrefix: 'BENCH',
};

function feed(): { csv: Buffer; copy: string; rows: number } {
  const lines = [SAMPLE_CSV_HEADER];
  let copy = '';
  for (const d of sampleDossiers(OPTIONS)) {
    lines.push(sampleDossierLine(d));
    copy += copyLine([d.code, d.unitCode, d.procedureCode, d.receivedAt, d.channel, d.fullyOnline, d.dueAt, d.finishedAt]);
  }
  return { csv: Buffer.from(`${lines.join('\n')}\n`), copy, rows: lines.length - 1 };
}

async function uploadFeed(s: TestServer, session: Session, csv: Buffer): Promise<{ ms: number; job: { status: string; processedRows: number; message: string | null } }> {
  const boundary = `----haidangbench${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="mot-cua-2022.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    csv,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const t0 = performance.now();
  const res = await s.app.inject({ method: 'POST', url: '/api/dossier-imports', payload, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  for (;;) {
    const job = (await call(s.app, session, 'GET', `/api/dossier-imports/${id}`)).json();
    if (job.status !== 'running') return { ms: performance.now() - t0, job };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The limit: the same rows by one COPY into a plain table (typed columns, no index) on the same database. */
async function bareCopy(db: Db, copy: string): Promise<number> {
  await db.exec(`drop table if exists bench_copy; create table bench_copy (code text, unit_code text, procedure_code text, received_at timestamptz, channel text, fully_online boolean, due_at date, finished_at timestamptz)`);
  const t0 = performance.now();
  await db.copyIn('bench_copy', ['code', 'unit_code', 'procedure_code', 'received_at', 'channel', 'fully_online', 'due_at', 'finished_at'], copy);
  const ms = performance.now() - t0;
  await db.exec('drop table bench_copy');
  return ms;
}

async function engineRun(engine: Engine, data: ReturnType<typeof feed>): Promise<BenchResult[]> {
  const s = await startTestServer({ engine, listen: false });
  try {
    s.clock.now = new Date('2023-01-10T12:00:00+07:00');
    const coord = await login(s.app, 'dieuphoi');
    // Interleaved: COPY, product, COPY — the limit is the faster of the two COPYs.
    const copy1 = await bareCopy(s.db, data.copy);
    const product = await uploadFeed(s, coord, data.csv);
    if (product.job.status !== 'done' || product.job.processedRows !== data.rows) throw new Error(`feed did not import: ${product.job.status} ${product.job.message ?? ''}`);
    const copy2 = await bareCopy(s.db, data.copy);
    const limit = Math.min(copy1, copy2);
    const ratio = product.ms / limit;
    const label = engine === 'pglite' ? 'PGlite' : 'PostgreSQL';
    console.log(`  ${label}: product ${Math.round(product.ms)} ms, bare COPY ${Math.round(limit)} ms → ${ratio.toFixed(1)}× (aim ≤ ${INGEST_AIM}×)${ratio > INGEST_AIM ? ' — AIM MISSED' : ''}`);
    return [
      { name: `${label}: bare COPY of the same rows into a plain table (limit)`, rows: data.rows, ms: Math.round(limit) },
      { name: `${label}: dossier feed through the product (upload → done) = ${ratio.toFixed(1)}× COPY, aim ≤ ${INGEST_AIM}×${ratio > INGEST_AIM ? ' (missed)' : ''}`, rows: data.rows, ms: Math.round(product.ms) },
    ];
  } finally {
    await s.close();
  }
}

/**
 * Issue 11's ingest: a 300,000-row dossier feed through the product (upload, parse, check,
 * COPY into staging, one merge, counters and rates) beside a bare COPY of the same rows into a
 * plain table on the same database, on PGlite and — when TEST_DATABASE_URL or
 * BENCH_DATABASE_URL is set — on PostgreSQL.
 */
export async function benchIngest(): Promise<BenchResult[]> {
  const data = feed();
  const out = await engineRun('pglite', data);
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) {
    process.env.TEST_DATABASE_URL = url;
    out.push(...(await engineRun('postgres', data)));
  } else console.log('  (PostgreSQL: đặt TEST_DATABASE_URL hoặc BENCH_DATABASE_URL để đo)');
  return out;
}
