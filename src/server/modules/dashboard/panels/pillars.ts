import { roundHalfAway } from '../../../../core/format/number';
import { rollup, type TRollup } from '../../indicators/rollup';
import type { TPillarIndicator, TPillarKey, TPillarsPayload, TRag } from '../../../../contracts/dashboard';
import { keyIndicatorRows, rootUnitOn, type KeyIndicatorRow } from '../queries';
import { hasTables, memo, noData, ok, type PanelContext, type PanelDef } from './context';

/** Indicator pillars (0004) to the dashboard's four, in the order a Vietnamese plan lists them. */
const PILLAR_OF: Readonly<Record<string, TPillarKey>> = {
  infrastructure: 'digital_infrastructure',
  government: 'digital_government',
  economy: 'digital_economy',
  society: 'digital_society',
};

export const PILLAR_ORDER: readonly TPillarKey[] = ['digital_infrastructure', 'digital_government', 'digital_economy', 'digital_society'];

export const PILLAR_NAME_VI: Readonly<Record<TPillarKey, string>> = {
  digital_infrastructure: 'Hạ tầng số',
  digital_government: 'Chính quyền số',
  digital_economy: 'Kinh tế số',
  digital_society: 'Xã hội số',
};

/** Key indicators per pillar shown on the wall: those with a target for the year come first. */
const PER_PILLAR = 3;

export interface KeyIndicator {
  row: KeyIndicatorRow;
  pillar: TPillarKey;
  result: TRollup | null;
}

export async function rootUnitId(ctx: PanelContext): Promise<string | null> {
  return memo(ctx, 'root', () => rootUnitOn(ctx.q, ctx.asOf, ctx.provinceId));
}

/** The key indicators of the year rolled up for the city; the first of each pillar with its children (the map colours them). */
export function keyIndicators(ctx: PanelContext): Promise<KeyIndicator[] | null> {
  return memo(ctx, 'keyIndicators', async () => {
    if (!(await hasTables(ctx.q, ['indicators', 'indicator_values', 'indicator_targets']))) return null;
    const root = await rootUnitId(ctx);
    if (!root) return [];
    const year = String(ctx.year);
    const rows = await keyIndicatorRows(ctx.q, year, ctx.from, ctx.to, PER_PILLAR, ctx.provinceId);
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

function toIndicator(k: KeyIndicator, year: number): TPillarIndicator {
  const t = k.result?.total;
  return {
    id: k.row.id,
    code: k.row.code,
    name: k.row.name,
    unit: k.row.unit_of_measure,
    value: t?.value ?? null,
    target: t?.target?.value ?? null,
    direction: k.row.direction,
    achievement: t?.achievement === null || t?.achievement === undefined ? null : roundHalfAway(t.achievement, 1),
    rag: t?.rag ?? null,
    period: t?.target?.period ?? String(year),
    link: `/indicators?tab=rollup&indicator=${k.row.id}&period=${year}`,
  };
}

function emptyPillars(): TPillarsPayload {
  return {
    pillars: PILLAR_ORDER.map((key) => ({ key, name: PILLAR_NAME_VI[key], indicators: [], counts: { green: 0, amber: 0, red: 0 } })),
  };
}

export const pillarsPanel: PanelDef<TPillarsPayload> = {
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
      if (ind.rag) p.counts[ind.rag as TRag] += 1;
    }
    if (keys.length === 0) return noData(payload, `Chưa có dữ liệu: chưa có chỉ tiêu hay số liệu chỉ số cho năm ${ctx.year}.`);
    return ok(payload);
  },
};
