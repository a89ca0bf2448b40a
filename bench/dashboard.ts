import { z } from 'zod';
import { ZDashboard } from '../src/contracts/dashboard';
import { loadConfig } from '../src/config';
import type { Db } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';
import { seedOrganisation } from '../src/demo/seed';
import { ensureAdmin } from '../src/server/modules/users/bootstrap';
import { buildApp } from '../src/server/app';
import { seedHolidays } from '../src/server/modules/calendar/holidays';
import { refreshDashboard } from '../src/server/modules/dashboard/refresh';
import { ensurePipelineSeed } from '../src/server/modules/pipelines/seed';
import { rebuildClosure } from '../src/server/modules/units/queries';
import { call, login } from '../test/helpers/api';
import { TEST_PASSWORD } from '../test/helpers/templates';
import { medianMs, type BenchResult } from './types';

/**
 * The IOC screen at city scale. Two cities, each in its own embedded PGlite:
 * - 150 units (the demo organisation topped up with sample districts), 100 monthly ratio
 *   indicators over 3 years (2022–2024, 540,000 values), 25 tasks and 2 projects per unit,
 *   a monthly report regime: year 2024;
 * - the 3,321 communes of the two-level government (from 01/07/2025) under one province, 10
 *   monthly indicators for 2026 (398,520 values), 2 tasks per commune: year 2026.
 * What is measured: the refresh that recomputes every panel from the raw rows (done after a
 * write, debounced, never on a view) and GET /api/dashboard, which serves the stored panels.
 * Beside the GET, in the same run: what checking the body against its contract would add if
 * the route let Fastify's zod serializer encode it (the stored panels are checked when the
 * refresh computes them instead, and the stored text is sent as it is: docs/decisions.md D22).
 */

interface City {
  units: number;
  kind: 'district' | 'commune';
  validFrom: string;
  indicators: number;
  years: number[];
  tasksPerUnit: number;
  projectsPerUnit: number;
  regime: boolean;
}

async function build(db: Db, city: City): Promise<number> {
  await migrate(db, () => undefined);
  await seedHolidays(db);
  await seedOrganisation(db);
  await ensurePipelineSeed(db);
  await ensureAdmin(db, TEST_PASSWORD);
  const root = (await db.query<{ id: string }>(`select id from units where code = 'HP'`))[0]!.id;
  const existing = (await db.query<{ n: number }>('select count(*)::int as n from units'))[0]!.n;
  const extra = city.kind === 'district' ? Math.max(0, city.units - existing) : city.units;
  await db.query(
    `insert into units (province_id, code, name, name_folded, kind, level, parent_id, valid_from, sample)
     select 'HP', 'BENCH.' || g, 'Ủy ban nhân dân ' || $2 || ' Đo ' || g, 'uy ban nhan dan do ' || g, $3, 1, $1, $4, true
       from generate_series(1, $5::int) g`,
    [root, city.kind === 'district' ? 'huyện' : 'xã', city.kind, city.validFrom, extra],
  );
  await db.transaction((tx) => rebuildClosure(tx));
  const unitIds = (await db.query<{ id: string }>(`select id from units where valid_to is null or valid_to >= $1`, [`${city.years[0]}-01-01`])).map((u) => u.id);

  const cat = (await db.query<{ id: string }>(`insert into indicator_catalogues (code, name, valid_from) values ('BENCH', 'Đo hiệu năng', '2020-01-01') returning id`))[0]!.id;
  const pillars = ['infrastructure', 'government', 'economy', 'society'];
  await db.query(
    `insert into indicators (catalogue_id, code, name, name_folded, pillar, unit_of_measure, kind, unit_rule, time_rule, direction, periodicity, source_agency, sort_order, valid_from)
     select $1, 'B_' || lpad(g::text, 4, '0'), 'Chỉ số đo ' || g, 'chi so do ' || g, ($3::text[])[1 + g % 4], '%', 'ratio', 'ratio', 'ratio', 'higher_better', 'month', 'Nguồn đo', g, '2020-01-01'
       from generate_series(1, $2::int) g`,
    [cat, city.indicators, pillars],
  );
  for (const y of city.years) {
    await db.query(
      `insert into indicator_targets (indicator_id, plan_code, level, period, value) select id, 'BENCH', 'city', $2, 60 from indicators where catalogue_id = $1`,
      [cat, String(y)],
    );
  }
  // Bulk load as an import would: triggers off, secondary indexes rebuilt once. Not measured.
  await db.exec(`set session_replication_role = replica; drop index indicator_values_rollup_idx; drop index indicator_values_unit_idx;`);
  await db.query(
    `insert into indicator_values (province_id, indicator_id, unit_id, period, period_type, period_start, period_end, source_agency,
                                   value, numerator, denominator, status, origin, entered_by_name)
     select 'HP', i.id, u, to_char(m, 'YYYY-"M"MM'), 'month', m::date, (m + interval '1 month - 1 day')::date, 'Nguồn đo',
            null, (random() * 500)::int, 500 + (random() * 500)::int, 'approved', 'seed', 'bench'
       from indicators i cross join unnest($2::uuid[]) u
            cross join generate_series(make_date($3, 1, 1), make_date($4, 12, 1), interval '1 month') m
      where i.catalogue_id = $1`,
    [cat, unitIds, city.years[0], city.years.at(-1)],
  );
  await db.exec(`set session_replication_role = origin;
    create index indicator_values_rollup_idx on indicator_values (indicator_id, source_agency, period_type, period_start) include (unit_id, status, value, numerator, denominator);
    create index indicator_values_unit_idx on indicator_values (unit_id, period_start);`);

  const year = city.years.at(-1)!;
  await db.query(
    `insert into tasks (title, lead_unit_id, assigned_on, deadline, completed_on)
     select 'Nhiệm vụ đo ' || g, u, make_date($2, 1 + g % 11, 1), make_date($2, 1 + g % 11, 1) + (20 + g % 90),
            case when g % 3 = 0 then make_date($2, 1 + g % 11, 1) + (g % 120) end
       from unnest($1::uuid[]) u cross join generate_series(1, $3::int) g`,
    [unitIds, year, city.tasksPerUnit],
  );
  if (city.projectsPerUnit > 0) {
    const template = (await db.query<{ id: string; code: string; first: string }>(`select id, code, steps->0->>'code' as first from pipeline_templates where kind = 'recurrent_activity' order by valid_from limit 1`))[0]!;
    await db.query(
      `insert into projects (name, unit_id, kind, fiscal_year, funding_source, estimate, started_on, template_id, step_index, step_code, step_started_on, allocated, disbursed)
       select 'Dự án đo ' || g, u, 'recurrent_activity', $2, 'recurrent', 2000000000, make_date($2, 2, 1), $3, 0, $4, make_date($2, 3, 1),
              case when g % 2 = 0 then 1500000000 end, case when g % 2 = 0 then 300000000 else 0 end
         from unnest($1::uuid[]) u cross join generate_series(1, $5::int) g`,
      [unitIds, year, template.id, template.first, city.projectsPerUnit],
    );
  }
  if (city.regime) {
    const regime = (await db.query<{ id: string }>(
      `insert into report_regimes (province_id, code, title, report_kind, period_type, deadline_rule, receiving_unit_id, sending_method, valid_from)
       values ('HP', 'BENCH', 'Báo cáo đo hằng tháng', 'periodic', 'month', '{"kind":"working_days_after_cutoff","days":2}', $1, 'Hải Đăng', '2020-01-01') returning id`,
      [root],
    ))[0]!.id;
    await db.query('insert into report_regime_units (regime_id, unit_id) select $1, unnest($2::uuid[])', [regime, unitIds]);
    await db.query(
      `insert into report_submissions (province_id, regime_id, unit_id, period, status, submitted_at, first_submitted_at)
       select 'HP', $1, u, $3 || '-M' || lpad(m::text, 2, '0'), 'approved', make_date($3::int, m, 16) + interval '9 hours', make_date($3::int, m, 16) + interval '9 hours'
         from unnest($2::uuid[]) u cross join generate_series(1, 11) m`,
      [regime, unitIds, String(year)],
    );
  }
  await db.exec('analyze');
  return (await db.query<{ n: number }>('select count(*)::int as n from indicator_values'))[0]!.n;
}

async function measure(label: string, city: City, now: Date): Promise<BenchResult[]> {
  const db = await openPglite();
  try {
    const values = await build(db, city);
    const year = city.years.at(-1)!;
    const units = (await db.query<{ n: number }>(`select count(*)::int as n from units where kind = $1`, [city.kind]))[0]!.n;
    const refreshMs = await medianMs(3, () => refreshDashboard(db, now, { scopes: [String(year)] }));
    const app = await buildApp({ db, config: loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'silent' }), now: () => now });
    try {
      const admin = await login(app, 'admin');
      const url = `/api/dashboard?year=${year}`;
      const first = await call(app, admin, 'GET', url);
      if (first.statusCode !== 200) throw new Error(`GET ${url}: ${first.statusCode} ${first.body}`);
      const getMs = await medianMs(20, () => call(app, admin, 'GET', url));
      const bytes = first.rawPayload.length;
      const body = first.json() as unknown;
      // What fastify-type-provider-zod's serializerCompiler does with a response: encode, then stringify.
      const serializeMs = await medianMs(20, async () => JSON.stringify(z.encode(ZDashboard, body as z.output<typeof ZDashboard>)));
      const stringifyMs = await medianMs(20, async () => JSON.stringify(body));
      return [
        { name: `${label}: refresh, every panel recomputed from raw rows (indicator values)`, rows: values, ms: refreshMs },
        { name: `${label}: GET /api/dashboard, served from the stored panels (${units} ${city.kind === 'district' ? 'districts' : 'communes'} on the map, ${Math.round(bytes / 1024)} KiB)`, rows: values, ms: getMs },
        { name: `${label}: the same body through the zod response serializer (not done per request: checked at refresh)`, rows: values, ms: serializeMs },
        { name: `${label}: the same body through plain JSON.stringify, for comparison`, rows: values, ms: stringifyMs },
      ];
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

export async function benchDashboard(): Promise<BenchResult[]> {
  return [
    ...(await measure('150 units × 3 years × 100 indicators', { units: 150, kind: 'district', validFrom: '2000-01-01', indicators: 100, years: [2022, 2023, 2024], tasksPerUnit: 25, projectsPerUnit: 2, regime: true }, new Date('2024-11-20T03:00:00Z'))),
    ...(await measure('3,321 communes', { units: 3321, kind: 'commune', validFrom: '2025-07-01', indicators: 10, years: [2026], tasksPerUnit: 2, projectsPerUnit: 0, regime: false }, new Date('2026-11-20T03:00:00Z'))),
  ];
}
