import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { loadConfig } from '../src/config';
import type { Db } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';
import { openPostgres } from '../src/db/postgres';
import { seedOrganisation } from '../src/demo/seed';
import { buildApp } from '../src/server/app';
import { seedHolidays } from '../src/server/modules/calendar/holidays';
import { refreshDashboard, warmDashboard } from '../src/server/modules/dashboard/refresh';
import { rollup, rollupSummary } from '../src/server/modules/indicators/rollup';
import { ensurePipelineSeed } from '../src/server/modules/pipelines/seed';
import { listTasks } from '../src/server/modules/tasks/read';
import { rebuildClosure } from '../src/server/modules/units/queries';
import { ensureAdmin } from '../src/server/modules/users/bootstrap';
import { call, login } from '../test/helpers/api';
import { TEST_PASSWORD } from '../test/helpers/templates';
import { loadAgainst } from './province-load';
import type { BenchResult } from './types';

/**
 * The "province" data set of issue 11: 3,351 units (the demo organisation and generated
 * communes), 300 indicators (ratio, sum, last, mean) × 24 months (2024–2025), 125,000 tasks
 * over five years. Each question runs through the product, as one plain SQL statement on the
 * same database, and (the indicator questions) in DuckDB on the same rows, interleaved round
 * by round; the bench fails when the engines disagree.
 *
 * Scaled by environment: BENCH_PROVINCE_VALUES (default 1,200,000 values: every indicator for
 * one commune in 20, all 24 months), BENCH_PROVINCE_TASKS (125,000), BENCH_PROVINCE_PG (a
 * PostgreSQL server URL; default postgres://postgres@127.0.0.1:5432/postgres, a database
 * haidang_bench_province is created there; "off" skips PostgreSQL; TEST_DATABASE_URL is used when
 * it is not set), BENCH_PROVINCE_PGLITE=off (PostgreSQL only). On PostgreSQL the list and the
 * dashboard are also loaded at 20 connections from this process against the product served by
 * another (bench/province-load.ts; BENCH_LOAD_SECONDS, BENCH_LOAD_CONNECTIONS, BENCH_CPU_PROF).
 */
const UNITS = 3_351;
const INDICATORS = 300;
const MONTHS = 24;
const VALUES = Number(process.env.BENCH_PROVINCE_VALUES ?? 1_200_000);
const TASKS = Number(process.env.BENCH_PROVINCE_TASKS ?? 125_000);
const ROUNDS = Number(process.env.BENCH_PROVINCE_ROUNDS ?? 5);
const NOW = new Date('2025-12-20T03:00:00Z');

async function build(db: Db): Promise<{ root: string; cat: string; values: number; communes: number }> {
  await migrate(db, () => undefined);
  await seedHolidays(db);
  await seedOrganisation(db);
  await ensurePipelineSeed(db);
  await ensureAdmin(db, TEST_PASSWORD);
  const root = (await db.query<{ id: string }>(`select id from units where code = 'HP'`))[0]!.id;
  const existing = (await db.query<{ n: number }>('select count(*)::int as n from units'))[0]!.n;
  await db.query(
    `insert into units (province_id, code, name, name_folded, kind, level, parent_id, valid_from, sample)
     select 'HP', 'PROV.' || g, 'Xã Đo ' || g, 'xa do ' || g, 'commune', 1, $1, '2020-01-01', true from generate_series(1, $2::int) g`,
    [root, UNITS - existing],
  );
  await db.transaction((tx) => rebuildClosure(tx));
  const cat = (await db.query<{ id: string }>(`insert into indicator_catalogues (code, name, valid_from) values ('PROV', 'Bộ chỉ số tỉnh (đo)', '2020-01-01') returning id`))[0]!.id;
  // Four kinds in turn: a rate (ratio/ratio), a count (sum/sum), a stock (sum over units, last over time), a score (mean/mean).
  await db.query(
    `insert into indicators (catalogue_id, code, name, name_folded, pillar, unit_of_measure, kind, unit_rule, time_rule, direction, periodicity, source_agency, sort_order, valid_from)
     select $1, 'P_' || lpad(g::text, 4, '0'), 'Chỉ số tỉnh ' || g, 'chi so tinh ' || g, ($3::text[])[1 + g % 4],
            case g % 4 when 0 then '%' when 1 then 'hồ sơ' when 2 then 'hệ thống' else 'điểm' end,
            case g % 4 when 0 then 'ratio' else 'raw' end,
            case g % 4 when 0 then 'ratio' when 1 then 'sum' when 2 then 'sum' else 'mean' end,
            case g % 4 when 0 then 'ratio' when 1 then 'sum' when 2 then 'last' else 'mean' end,
            'higher_better', 'month', 'Nguồn đo', g, '2020-01-01'
       from generate_series(1, $2::int) g`,
    [cat, INDICATORS, ['infrastructure', 'government', 'economy', 'society']],
  );
  await db.query(`insert into indicator_targets (indicator_id, plan_code, level, period, value) select id, 'PROV', 'city', '2025', 60 from indicators where catalogue_id = $1`, [cat]);
  const communes = (await db.query<{ n: number }>(`select count(*)::int as n from units where code like 'PROV.%'`))[0]!.n;
  const every = Math.max(1, Math.round((INDICATORS * communes * MONTHS) / VALUES));
  await db.exec(`set session_replication_role = replica; drop index indicator_values_rollup_idx; drop index indicator_values_unit_idx;`);
  // One commune in `every` per indicator, all months, except that one in seven of those skips
  // December 2025 (so "last" takes November for it).
  await db.query(
    `insert into indicator_values (province_id, indicator_id, unit_id, period, period_type, period_start, period_end, source_agency,
                                   value, numerator, denominator, status, origin, entered_by_name, entered_at)
     select 'HP', i.id, u.id, to_char(m, 'YYYY-"M"MM'), 'month', m::date, (m + interval '1 month - 1 day')::date, 'Nguồn đo',
            case when i.kind = 'ratio' then null else ((u.n * 7 + i.sort_order * 13 + extract(month from m)::int * 3) % 1000)::numeric / 10 end,
            case when i.kind = 'ratio' then (u.n * 7 + i.sort_order) % 500 end,
            case when i.kind = 'ratio' then 500 + (u.n * 11 + extract(month from m)::int) % 500 end,
            'approved', 'seed', 'bench', m + interval '20 days'
       from indicators i
       join (select id, row_number() over (order by code)::int as n from units where code like 'PROV.%') u on (u.n + i.sort_order) % $2 = 0
       cross join generate_series('2024-01-01'::date, '2025-12-01'::date, interval '1 month') m
      where i.catalogue_id = $1 and not (m = '2025-12-01' and u.n % 7 = 0)`,
    [cat, every],
  );
  await db.exec(`set session_replication_role = origin;
    create index indicator_values_rollup_idx on indicator_values (indicator_id, source_agency, period_type, period_start) include (unit_id, status, value, numerator, denominator);
    create index indicator_values_unit_idx on indicator_values (unit_id, period_start);`);
  await db.query(
    `insert into tasks (title, lead_unit_id, assigned_on, deadline, completed_on, created_at)
     select 'Nhiệm vụ đo ' || g, u.ids[1 + g % array_length(u.ids, 1)], d, case when g % 10 <> 0 then d + (20 + g % 90) end,
            case when g % 3 = 0 then d + (g % 120) end, d::timestamptz
       from (select array_agg(id order by code) as ids from units) u
       cross join generate_series(1, $1::int) g
       cross join lateral (select '2021-01-01'::date + (g % 1826) as d) x`,
    [TASKS],
  );
  await db.exec('analyze');
  const values = (await db.query<{ n: number }>('select count(*)::int as n from indicator_values'))[0]!.n;
  return { root, cat, values, communes };
}

// ─── The questions as one plain SQL statement each (also run, unchanged but for casts, in DuckDB) ───

const SUMMARY_SQL = (closure: string) => `
  with v as (
    select v.indicator_id, v.unit_id, v.period_start, v.value, v.numerator, v.denominator, v.entered_at
      from indicator_values v join ${closure} c on c.descendant_id = v.unit_id and c.ancestor_id = $1
     where v.period_start between DATE '2025-01-01' and DATE '2025-12-31' and v.status in ('submitted', 'approved')),
  per_period as (select indicator_id, period_start, sum(value) as s, avg(value) as a, sum(numerator) as n, sum(denominator) as d from v group by 1, 2),
  agg as (select indicator_id, sum(s) as s, avg(a) as a, sum(n) as n, sum(d) as d from per_period group by 1),
  latest as (select distinct on (indicator_id, unit_id) indicator_id, value from v where value is not null order by indicator_id, unit_id, period_start desc),
  last_agg as (select indicator_id, sum(value) as s from latest group by 1)
  select i.code, case i.time_rule when 'ratio' then a.n * i.ratio_scale / nullif(a.d, 0) when 'sum' then a.s when 'mean' then a.a else l.s end as value
    from indicators i left join agg a on a.indicator_id = i.id left join last_agg l on l.indicator_id = i.id
   where i.catalogue_id = $2 order by i.code`;

const CHILDREN_SQL = (closure: string) => `
  select ch.descendant_id as unit_id, sum(v.numerator) * 100 / nullif(sum(v.denominator), 0) as value
    from ${closure} ch join ${closure} c2 on c2.ancestor_id = ch.descendant_id
    join indicator_values v on v.unit_id = c2.descendant_id
   where ch.ancestor_id = $1 and ch.depth = 1 and v.indicator_id = $2 and v.source_agency = 'Nguồn đo' and v.period_type = 'month'
     and v.period_start between DATE '2025-01-01' and DATE '2025-12-31' and v.status in ('submitted', 'approved')
   group by 1 order by 1`;

const TASKS_SQL = `
  select count(*) over () as total, t.id from tasks t
   where t.completed_on is null and t.deadline is not null and $1::date - t.deadline > 30
   order by t.deadline asc, t.assigned_on desc, t.title, t.id limit 50`;

const round6 = (n: unknown) => (n === null || n === undefined ? null : Math.round(Number(n) * 1e6) / 1e6);

async function duckdbWith(db: Db, root: string, cat: string): Promise<{ con: DuckDBConnection; close(): void }> {
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  await con.run(`create table indicator_values (indicator_id varchar, unit_id varchar, source_agency varchar, period_type varchar, period_start date, value double, numerator double, denominator double, status varchar, entered_at timestamp)`);
  await con.run(`create table unit_closure (ancestor_id varchar, descendant_id varchar, depth integer)`);
  await con.run(`create table indicators (id varchar, code varchar, catalogue_id varchar, time_rule varchar, ratio_scale double)`);
  const copy = async (table: string, sql: string, cols: Array<[string, 'v' | 'd' | 'i']>) => {
    const rows = await db.query<Record<string, unknown>>(sql);
    const app = await con.createAppender(table);
    for (const r of rows) {
      for (const [c, t] of cols) {
        const x = r[c];
        if (x === null || x === undefined) app.appendNull();
        else if (t === 'd') app.appendDouble(Number(x));
        else if (t === 'i') app.appendInteger(Number(x));
        else app.appendVarchar(String(x));
      }
      app.endRow();
    }
    app.closeSync();
    return rows.length;
  };
  // Dates and instants go through text; DuckDB casts them when the tables are read below.
  await con.run(`create table iv_text (indicator_id varchar, unit_id varchar, source_agency varchar, period_type varchar, period_start varchar, value double, numerator double, denominator double, status varchar, entered_at varchar)`);
  await copy('iv_text', `select indicator_id::text, unit_id::text, source_agency, period_type, period_start::text, value, numerator, denominator, status, entered_at::text from indicator_values`,
    [['indicator_id', 'v'], ['unit_id', 'v'], ['source_agency', 'v'], ['period_type', 'v'], ['period_start', 'v'], ['value', 'd'], ['numerator', 'd'], ['denominator', 'd'], ['status', 'v'], ['entered_at', 'v']]);
  await con.run(`insert into indicator_values select indicator_id, unit_id, source_agency, period_type, period_start::date, value, numerator, denominator, status, entered_at::timestamptz::timestamp from iv_text; drop table iv_text`);
  await copy('unit_closure', 'select ancestor_id::text, descendant_id::text, depth from unit_closure', [['ancestor_id', 'v'], ['descendant_id', 'v'], ['depth', 'i']]);
  await copy('indicators', 'select id::text, code, catalogue_id::text, time_rule, ratio_scale from indicators', [['id', 'v'], ['code', 'v'], ['catalogue_id', 'v'], ['time_rule', 'v'], ['ratio_scale', 'd']]);
  void root;
  void cat;
  return { con, close: () => con.closeSync() };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 10) / 10;
}

/** Runs the contestants in turn, round after round, so a noisy neighbour hits them alike. */
async function interleaved(fns: Record<string, () => Promise<unknown>>): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (const f of Object.values(fns)) await f(); // warm-up round, not counted
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, f] of Object.entries(fns)) {
      const t0 = performance.now();
      await f();
      times[k]!.push(performance.now() - t0);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

function same(what: string, a: unknown, b: unknown, engines: string): void {
  const ja = JSON.stringify(a);
  const jb = JSON.stringify(b);
  if (ja !== jb) throw new Error(`${what}: ${engines} disagree\n${ja.slice(0, 400)}\n${jb.slice(0, 400)}`);
}

async function run(engine: string, db: Db, url?: string): Promise<BenchResult[]> {
  const t0 = performance.now();
  const { root, cat, values, communes } = await build(db);
  const loadMs = Math.round(performance.now() - t0);
  const out: BenchResult[] = [{ name: `${engine}: build the province (${UNITS} units, ${communes} communes, ${INDICATORS} indicators × ${MONTHS} months, ${TASKS.toLocaleString('en')} tasks)`, rows: values, ms: loadMs }];
  const duck = await duckdbWith(db, root, cat);
  const first = (await db.query<{ id: string }>(`select id from indicators where code = 'P_0004'`))[0]!.id; // a ratio
  try {
    // Q1: the catalogue summary of the province for 2025.
    const product = async () => (await rollupSummary(db, root, '2025', cat)).items;
    const sql = () => db.query<{ code: string; value: number | null }>(SUMMARY_SQL('unit_closure'), [root, cat]);
    const duckQ = async () => (await duck.con.runAndReadAll(SUMMARY_SQL('unit_closure').replace('$1', `'${root}'`).replace('$2', `'${cat}'`))).getRowObjects();
    const codes = new Map((await db.query<{ id: string; code: string }>('select id, code from indicators where catalogue_id = $1', [cat])).map((r) => [r.id, r.code]));
    const p = (await product()).map((i) => ({ code: codes.get(i.indicatorId)!, value: round6(i.value) })).sort((a, b) => a.code.localeCompare(b.code));
    const s = (await sql()).map((r) => ({ code: r.code, value: round6(r.value) }));
    const d = (await duckQ()).map((r) => ({ code: String(r.code), value: round6(r.value) }));
    same('catalogue summary', p, s, `product and ${engine} SQL`);
    same('catalogue summary', s, d, `${engine} SQL and DuckDB`);
    const q1 = await interleaved({ product, sql, duckdb: duckQ });
    out.push({ name: `${engine}: catalogue summary, 300 indicators, province, 2025 — product ${q1.product} ms, one SQL ${q1.sql} ms, DuckDB ${q1.duckdb} ms; product/DuckDB ${(q1.product! / q1.duckdb!).toFixed(1)}× (aim ≤ 2×)`, rows: values, ms: q1.product! });

    // Q2: one ratio indicator with every child of the province.
    const productR = async () => rollup(db, { indicatorId: first, unitId: root, period: '2025' });
    const sqlR = () => db.query<{ unit_id: string; value: number | null }>(CHILDREN_SQL('unit_closure'), [root, first]);
    const duckR = async () => (await duck.con.runAndReadAll(CHILDREN_SQL('unit_closure').replace('$1', `'${root}'`).replace('$2', `'${first}'`))).getRowObjects();
    const pr = (await productR()).children.filter((c) => c.value !== null).map((c) => ({ unit: c.unitId, value: round6(c.value) })).sort((a, b) => a.unit.localeCompare(b.unit));
    const sr = (await sqlR()).filter((r) => r.value !== null).map((r) => ({ unit: String(r.unit_id), value: round6(r.value) })).sort((a, b) => a.unit.localeCompare(b.unit));
    const dr = (await duckR()).filter((r) => r.value !== null).map((r) => ({ unit: String(r.unit_id), value: round6(r.value) })).sort((a, b) => a.unit.localeCompare(b.unit));
    same('rollup with children', pr, sr, `product and ${engine} SQL`);
    same('rollup with children', sr, dr, `${engine} SQL and DuckDB`);
    const q2 = await interleaved({ product: productR, sql: sqlR, duckdb: duckR });
    out.push({ name: `${engine}: one ratio indicator with all ${pr.length} children with data (of ${communes + 30}), 2025 — product ${q2.product} ms, one SQL ${q2.sql} ms, DuckDB ${q2.duckdb} ms; product/SQL ${(q2.product! / q2.sql!).toFixed(1)}× (aim ≤ 1.5×)`, rows: values, ms: q2.product! });

    // Q3: the task list, open and more than 30 days late, first page.
    const today = '2025-12-20';
    const productT = () => listTasks(db, { state: 'open', bucket: 'gt30', limit: 50, offset: 0 }, today);
    const sqlT = () => db.query<{ total: number; id: string }>(TASKS_SQL, [today]);
    const pt = await productT();
    const st = await sqlT();
    same('task list', { total: pt.total, ids: pt.items.map((t) => t.id) }, { total: Number(st[0]?.total ?? 0), ids: st.map((r) => r.id) }, `product and ${engine} SQL`);
    const q3 = await interleaved({ product: productT, sql: sqlT });
    out.push({ name: `${engine}: task list, open and > 30 days late, page 1 of ${pt.total.toLocaleString('en')} — product ${q3.product} ms (list + counts), one SQL ${q3.sql} ms; product/SQL ${(q3.product! / q3.sql!).toFixed(1)}×`, rows: TASKS, ms: q3.product! });
  } finally {
    duck.close();
  }

  // Q4: the dashboard of the province: computed by the refresh, served as stored, size on the wire.
  const refreshMs = Math.round(await (async () => {
    const t = performance.now();
    await refreshDashboard(db, NOW, { scopes: ['2025'] });
    return performance.now() - t;
  })());
  const app = await buildApp({ db, config: loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }), now: () => NOW });
  try {
    const admin = await login(app, 'admin');
    const res = await call(app, admin, 'GET', '/api/dashboard?year=2025');
    if (res.statusCode !== 200) throw new Error(`dashboard ${res.statusCode}`);
    const raw = res.rawPayload.length;
    const gz = gzipSync(res.rawPayload).length;
    const br = brotliCompressSync(res.rawPayload, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } }).length;
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await app.inject({ method: 'GET', url: '/api/dashboard?year=2025', headers: { cookie: admin.cookie, 'accept-encoding': 'br' } });
      times.push(performance.now() - t);
    }
    out.push({ name: `${engine}: province dashboard — refresh ${refreshMs} ms (not on view); GET served stored in ${median(times)} ms with brotli; ${Math.round(raw / 1024)} KB raw, ${Math.round(gz / 1024)} KB gzip, ${Math.round(br / 1024)} KB brotli (aim ≤ 250 KB)`, rows: values, ms: median(times) });
  } finally {
    await app.close();
  }

  // Q5 (PostgreSQL): load at 20 connections from this process against the product served by another.
  if (url) {
    await warmDashboard(db, NOW); // every year's panels stored before the server starts: none is computed during the load
    const figures = await loadAgainst(url, NOW, [TASK_LIST_PATH, DASHBOARD_PATH]);
    for (const f of figures) {
      const aim = f.path === TASK_LIST_PATH ? 'aim p99 ≤ 50 ms and ≥ 300 req/s' : 'aim ≥ 300 req/s';
      const line = `${engine}: load, ${f.connections} connections × ${f.seconds} s, GET ${f.path} — ${f.reqPerSec} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, ${Math.round(f.bytesPerResponse / 1024)} KB per response on the wire, server CPU ${f.serverCpuMsPerRequest} ms per request (${aim})${f.non2xx || f.errors ? `; ${f.non2xx} non-2xx, ${f.errors} errors` : ''}`;
      console.log(line);
      out.push({ name: line, rows: f.requests, ms: f.p99 });
    }
  }
  return out;
}

const TASK_LIST_PATH = '/api/tasks?state=open&bucket=gt30&limit=50';
const DASHBOARD_PATH = '/api/dashboard?year=2025';

export async function benchProvince(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const pgUrl = process.env.BENCH_PROVINCE_PG ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (pgUrl !== 'off') {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query('drop database if exists haidang_bench_province');
    await admin.query('create database haidang_bench_province');
    await admin.end();
    const dbUrl = pgUrl.replace(/\/[^/]*$/, '/haidang_bench_province');
    const db = await openPostgres(dbUrl);
    try {
      out.push(...(await run('PostgreSQL', db, dbUrl)));
    } finally {
      await db.close();
    }
  }
  if (process.env.BENCH_PROVINCE_PGLITE === 'off') return out;
  const lite = await openPglite();
  try {
    out.push(...(await run('PGlite', lite)));
  } finally {
    await lite.close();
  }
  return out;
}
