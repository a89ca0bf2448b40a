import type { Queryable } from '../../../db/client';
import { aggregate } from '../../../core/indicators/aggregate';
import { loadHolidaySet } from '../calendar/holidays';
import { indicatorById, type IndicatorRow } from '../indicators/queries';
import { regimeById, regimeFields, regimeUnits, submissionsOfPeriod, type FieldRow } from './queries';
import { assertRegimePeriod, periodInfo, type PeriodInfo } from './regimes';
import { timelinessOf, unitsInPeriod, type Timeliness } from './timeliness';
import { notFound } from '../../errors';

export interface ConsolidatedRow {
  unitName: string;
  status: string | null;
  submittedAt: string | null;
  timeliness: Timeliness;
  /** field id → number shown (a ratio's rate) and its parts */
  values: Record<string, { value: number | null; numerator: number | null; denominator: number | null }>;
  texts: Record<string, string>;
}

export interface Consolidated {
  regimeTitle: string;
  regimeCode: string;
  legalBasis: string | null;
  receivingUnitName: string;
  period: PeriodInfo;
  indicatorFields: Array<FieldRow & { indicator: IndicatorRow }>;
  textFields: FieldRow[];
  rows: ConsolidatedRow[];
  /** field id → the value over the units that sent their report, by the indicator's own unit rule */
  totals: Record<string, { value: number | null; numerator?: number; denominator?: number; count: number }>;
  counts: Record<Timeliness, number>;
  today: string;
}

/**
 * The consolidated report of one period: every reporting unit with its status and answers,
 * and each indicator combined over the units whose report counts (submitted or approved) by
 * the indicator's own rule — a ratio as Σ numerators / Σ denominators.
 */
export async function consolidate(db: Queryable, regimeId: string, period: string, today: string): Promise<Consolidated> {
  const regime = await regimeById(db, regimeId);
  if (!regime) throw notFound('chế độ báo cáo');
  assertRegimePeriod(regime, period);
  const info = periodInfo(regime, period, await loadHolidaySet(db));
  const fields = await regimeFields(db, regimeId);
  const indicatorFields: Consolidated['indicatorFields'] = [];
  for (const f of fields.filter((x) => x.kind === 'indicator')) indicatorFields.push({ ...f, indicator: (await indicatorById(db, f.indicator_id!))! });
  const textFields = fields.filter((f) => f.kind === 'text');
  const subs = new Map((await submissionsOfPeriod(db, regimeId, period)).map((s) => [s.unit_id, s]));
  const rows: ConsolidatedRow[] = unitsInPeriod(await regimeUnits(db, regimeId), period).map((u) => {
    const s = subs.get(u.unit_id);
    const counted = s && (s.status === 'submitted' || s.status === 'approved');
    const values: ConsolidatedRow['values'] = {};
    for (const f of indicatorFields) {
      const a = counted ? s.answers[f.id] : undefined;
      const ratio = f.indicator.kind === 'ratio';
      const num = a?.numerator ?? null;
      const den = a?.denominator ?? null;
      const value = ratio ? (num !== null && den ? (num / den) * f.indicator.ratio_scale : null) : (a?.value ?? null);
      values[f.id] = { value, numerator: ratio ? num : null, denominator: ratio ? den : null };
    }
    const texts: Record<string, string> = {};
    for (const f of textFields) texts[f.id] = counted ? (s.answers[f.id]?.text ?? '') : '';
    return { unitName: u.name, status: s?.status ?? null, submittedAt: s?.submitted_at ?? null, timeliness: timelinessOf(s, info.deadline, today), values, texts };
  });
  const totals: Consolidated['totals'] = {};
  for (const f of indicatorFields) {
    const list = rows.map((r) => r.values[f.id]!).filter((v) => v.value !== null || v.numerator !== null);
    const a = aggregate(f.indicator.unit_rule, list.map((v) => ({ period, ...v })), { ratioScale: f.indicator.ratio_scale });
    totals[f.id] = { value: a.value, numerator: a.numerator, denominator: a.denominator, count: a.count };
  }
  const counts: Record<Timeliness, number> = { on_time: 0, late: 0, missing: 0, pending: 0 };
  for (const r of rows) counts[r.timeliness]++;
  return {
    regimeTitle: regime.title,
    regimeCode: regime.code,
    legalBasis: regime.legal_basis,
    receivingUnitName: regime.receiving_unit_name,
    period: info,
    indicatorFields,
    textFields,
    rows,
    totals,
    counts,
    today,
  };
}
