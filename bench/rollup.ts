import { migrate } from '../src/db/migrate';
import { openPglite } from '../src/db/pglite';
import { seedOrganisation } from '../src/demo/seed';
import { seedHolidays } from '../src/server/modules/calendar/holidays';
import { rollup, rollupSummary, SCOPE_CTE } from '../src/server/modules/indicators/rollup';
import { medianMs, type BenchResult } from './types';

export const BENCH_VALUES = 1_000_000;

/**
 * One million values in the fact table of an embedded PGlite: monthly ratio indicators for
 * every unit of the demo organisation (about a hundred, across the 2025 reorganisation) over
 * eight years (2017–2024). Then the rollups the screens ask for, city-wide: one indicator for
 * a year with its children, one for a quarter, and every indicator of the catalogue for a year.
 */
export async function benchRollup(): Promise<BenchResult[]> {
  const db = await openPglite();
  try {
    await migrate(db);
    await seedHolidays(db);
    await seedOrganisation(db);
    const units = (await db.query<{ n: number }>('select count(*)::int as n from units'))[0]!.n;
    const months = 96;
    const indicators = Math.ceil(BENCH_VALUES / (units * months));
    const cat = (await db.query<{ id: string }>(`insert into indicator_catalogues (code, name, valid_from) values ('BENCH', 'Đo hiệu năng', '2017-01-01') returning id`))[0]!.id;
    await db.query(
      `insert into indicators (catalogue_id, code, name, name_folded, pillar, unit_of_measure, kind, unit_rule, time_rule, direction, periodicity, source_agency, sort_order, valid_from)
       select $1, 'B_' || lpad(g::text, 4, '0'), 'Chỉ số đo ' || g, 'chi so do ' || g, 'government', '%', 'ratio', 'ratio', 'ratio', 'higher_better', 'month', 'Nguồn đo', g, '2017-01-01'
         from generate_series(1, $2::int) g`,
      [cat, indicators],
    );
    const load = performance.now();
    // Generated in the database, as a bulk load would be done: foreign-key triggers off and
    // the secondary indexes built once afterwards. The load is not what is measured.
    await db.exec(`set session_replication_role = replica; drop index indicator_values_rollup_idx; drop index indicator_values_unit_idx;`);
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
      [cat, BENCH_VALUES],
    );
    await db.exec(`set session_replication_role = origin;
      create index indicator_values_rollup_idx on indicator_values (indicator_id, source_agency, period_type, period_start) include (unit_id, status, value, numerator, denominator);
      create index indicator_values_unit_idx on indicator_values (unit_id, period_start);`);
    const loadMs = Math.round(performance.now() - load);
    await db.exec('analyze indicator_values; analyze unit_closure; analyze unit_successors');
    const rows = (await db.query<{ n: number }>('select count(*)::int as n from indicator_values'))[0]!.n;
    const hp = (await db.query<{ id: string }>(`select id from units where code = 'HP'`))[0]!.id;
    const first = (await db.query<{ id: string }>(`select id from indicators where code = 'B_0001'`))[0]!.id;
    const summary = await rollupSummary(db, hp, '2022', cat);
    if (process.env.BENCH_EXPLAIN) {
      const plan = await db.query<{ 'QUERY PLAN': string }>(
        `explain analyze ${SCOPE_CTE}
         select sc.bucket, v.period_start, count(*), sum(v.numerator), sum(v.denominator)
           from indicator_values v join scope sc on sc.unit_id = v.unit_id
          where v.indicator_id = $2 and v.source_agency = 'Nguồn đo' and v.period_type = 'month' and v.period_start between '2022-01-01' and '2022-12-31'
            and v.status = any('{submitted,approved}') group by sc.bucket, v.period_start`,
        [[hp], first],
      );
      console.log(plan.map((p) => p['QUERY PLAN']).join('\n'));
    }
    return [
      { name: `load ${rows.toLocaleString('en')} values (${indicators} indicators × ${units} units × ${months} months, generated in SQL)`, rows, ms: loadMs },
      { name: 'city-wide rollup, one ratio indicator, year 2022, with every child unit', rows, ms: await medianMs(9, () => rollup(db, { indicatorId: first, unitId: hp, period: '2022' })) },
      { name: 'city-wide rollup, one ratio indicator, quarter 2022-Q2, total only', rows, ms: await medianMs(9, () => rollup(db, { indicatorId: first, unitId: hp, period: '2022-Q2', children: false })) },
      { name: `city-wide summary, all ${summary.items.length} indicators of the catalogue, year 2022`, rows, ms: await medianMs(3, () => rollupSummary(db, hp, '2022', cat)) },
    ];
  } finally {
    await db.close();
  }
}
