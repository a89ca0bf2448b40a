import { rollup, type TRollup } from '../../indicators/rollup';
import type { PillarIndicator, PillarKey, PillarsPayload, Rag } from '../../../../contracts/dashboard';
import { hasTables, memo, noData, ok, type PanelContext, type PanelDef } from './context';

/** Indicator pillars (0004) to the dashboard's four, in the order a Vietnamese plan lists them. */
const PILLAR_OF: Readonly<Record<string, PillarKey>> = {
  infrastructure: 'digital_infrastructure',
  government: 'digital_government',
  economy: 'digital_economy',
  society: 'digital_society',
};

export const PILLAR_ORDER: readonly PillarKey[] = ['digital_infrastructure', 'digital_government', 'digital_economy', 'digital_society'];

export const PILLAR_NAME_VI: Readonly<Record<PillarKey, string>> = {
  digital_infrastructure: 'Hạ tầng số',
  digital_government: 'Chính quyền số',
  digital_economy: 'Kinh tế số',
  digital_society: 'Xã hội số',
};

/** Key indicators per pillar shown on the wall: those with a target for the year come first. */
const PER_PILLAR = 3;

interface KeyIndicatorRow {
  id: string;
  code: string;
  name: string;
  pillar: string;
  unit_of_measure: string;
  direction: 'higher_better' | 'lower_better';
  has_target: boolean;
}

export interface KeyIndicator {
  row: KeyIndicatorRow;
  pillar: PillarKey;
  result: TRollup | null;
}

export async function rootUnitId(ctx: PanelContext): Promise<string | null> {
  return memo(ctx, 'root', async () => {
    const row = (await ctx.q.query<{ id: string }>(
      `select id from units where parent_id is null and valid_from <= $1 and (valid_to is null or valid_to >= $1) order by valid_from limit 1`,
      [ctx.asOf],
    ))[0];
    return row?.id ?? null;
  });
}

/** The key indicators of the year rolled up for the city; the first of each pillar with its children (the map colours them). */
export function keyIndicators(ctx: PanelContext): Promise<KeyIndicator[] | null> {
  return memo(ctx, 'keyIndicators', async () => {
    if (!(await hasTables(ctx.q, ['indicators', 'indicator_values', 'indicator_targets']))) return null;
    const root = await rootUnitId(ctx);
    if (!root) return [];
    const year = String(ctx.year);
    const rows = await ctx.q.query<KeyIndicatorRow>(
      `select * from (
         select i.id, i.code, i.name, i.pillar, i.unit_of_measure, i.direction,
                exists (select 1 from indicator_targets t where t.indicator_id = i.id and (t.period = $1 or t.period like $1 || '-%')) as has_target,
                row_number() over (
                  partition by i.pillar
                  order by exists (select 1 from indicator_targets t where t.indicator_id = i.id and (t.period = $1 or t.period like $1 || '-%')) desc,
                           i.sort_order, i.code) as n
           from indicators i
          where i.pillar <> 'other' and i.parent_id is null
            and i.valid_from <= $3 and (i.valid_to is null or i.valid_to >= $2)
            and (exists (select 1 from indicator_targets t where t.indicator_id = i.id and (t.period = $1 or t.period like $1 || '-%'))
                 or exists (select 1 from indicator_values v where v.indicator_id = i.id and v.period_start >= $2 and v.period_end <= $3))
       ) k where n <= $4 order by pillar, n`,
      [year, ctx.from, ctx.to, PER_PILLAR],
    );
    const out: KeyIndicator[] = [];
    const mapped = new Set<string>();
    for (const row of rows) {
      const pillar = PILLAR_OF[row.pillar];
      if (!pillar) continue;
      // Per-unit values (children) only for each pillar's first indicator: they colour the map,
      // and a rollup over thousands of communes is the refresh's dearest step.
      const children = !mapped.has(pillar);
      mapped.add(pillar);
      let result: TRollup | null = null;
      try {
        result = await rollup(ctx.q, { indicatorId: row.id, unitId: root, period: year, children });
      } catch {
        // An indicator that cannot be rolled up for a year (its periodicity) is shown without a value.
        result = null;
      }
      out.push({ row, pillar, result });
    }
    return out;
  });
}

function toIndicator(k: KeyIndicator, year: number): PillarIndicator {
  const t = k.result?.total;
  return {
    id: k.row.id,
    code: k.row.code,
    name: k.row.name,
    unit: k.row.unit_of_measure,
    value: t?.value ?? null,
    target: t?.target?.value ?? null,
    direction: k.row.direction,
    achievement: t?.achievement === null || t?.achievement === undefined ? null : Math.round(t.achievement * 10) / 10,
    rag: t?.rag ?? null,
    period: t?.target?.period ?? String(year),
    link: `/indicators?tab=rollup&indicator=${k.row.id}&period=${year}`,
  };
}

function emptyPillars(): PillarsPayload {
  return {
    pillars: PILLAR_ORDER.map((key) => ({ key, name: PILLAR_NAME_VI[key], indicators: [], counts: { green: 0, amber: 0, red: 0 } })),
  };
}

export const pillarsPanel: PanelDef<PillarsPayload> = {
  key: 'pillars',
  affectedBy: ['/api/indicators', '/api/indicator', '/api/targets', '/api/reports', '/api/report', '/api/dossiers', '/api/imports', '/api/values'],
  link: ({ year }) => `/indicators?period=${year}`,
  async compute(ctx) {
    const keys = await keyIndicators(ctx);
    const payload = emptyPillars();
    if (keys === null) return noData(payload, 'Chưa có dữ liệu: phân hệ chỉ số chưa được cài đặt.');
    for (const k of keys) {
      const p = payload.pillars.find((x) => x.key === k.pillar)!;
      const ind = toIndicator(k, ctx.year);
      p.indicators.push(ind);
      if (ind.rag) p.counts[ind.rag as Rag] += 1;
    }
    if (keys.length === 0) return noData(payload, `Chưa có dữ liệu: chưa có chỉ tiêu hay số liệu chỉ số cho năm ${ctx.year}.`);
    return ok(payload);
  },
};
