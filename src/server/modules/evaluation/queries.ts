import type { ClassThresholds, Criterion } from '../../../core/evaluation/criteria';
import { compareIsoDates } from '../../../core/calendar/dates';
import { periodLabel } from '../../../core/periods/period-key';
import type { Queryable } from '../../../db/client';
import type { ClassThresholdsView, CriterionView, MeasureSource, MeasureView, RunSummary } from '../../../contracts/evaluation';

export interface CriterionRow {
  id: string;
  code: string;
  name: string;
  weight: number;
  direction: 'higher_better' | 'lower_better';
  unit: 'percent' | 'count';
  threshold_zero: number;
  threshold_full: number;
  valid_from: string;
  valid_to: string | null;
  note: string | null;
  sample: boolean;
  version: number;
}

export function listCriterionRows(q: Queryable): Promise<CriterionRow[]> {
  return q.query<CriterionRow>(
    `select id, code, name, weight, direction, unit, threshold_zero, threshold_full, valid_from, valid_to, note, sample, version
       from evaluation_criteria order by valid_from desc, weight desc, code`,
  );
}

export function toCriterion(r: CriterionRow): Criterion {
  return {
    code: r.code,
    name: r.name,
    weight: r.weight,
    direction: r.direction,
    unit: r.unit,
    thresholds: { zero: r.threshold_zero, full: r.threshold_full },
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

const inForceOn = (from: string, to: string | null, date: string) => compareIsoDates(from, date) <= 0 && (to === null || compareIsoDates(date, to) <= 0);

export function presentCriterion(r: CriterionRow, inForce: boolean): CriterionView {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    weight: r.weight,
    direction: r.direction,
    unit: r.unit,
    thresholds: { zero: r.threshold_zero, full: r.threshold_full },
    validFrom: r.valid_from,
    validTo: r.valid_to,
    note: r.note,
    sample: r.sample,
    version: r.version,
    inForce,
  };
}

export interface ThresholdRow {
  id: string;
  ghi_nhan_from: number;
  phe_binh_below: number;
  valid_from: string;
  valid_to: string | null;
  note: string | null;
  sample: boolean;
}

export function listThresholdRows(q: Queryable): Promise<ThresholdRow[]> {
  return q.query<ThresholdRow>(
    'select id, ghi_nhan_from, phe_binh_below, valid_from, valid_to, note, sample from evaluation_class_thresholds order by valid_from desc',
  );
}

/** The class bands in force on a date: the latest valid_from on or before it. */
export function thresholdsInForce(rows: readonly ThresholdRow[], date: string): (ClassThresholds & { validFrom: string }) | null {
  const r = rows
    .filter((t) => inForceOn(t.valid_from, t.valid_to, date))
    .sort((a, b) => compareIsoDates(b.valid_from, a.valid_from))[0];
  return r ? { ghiNhanFrom: r.ghi_nhan_from, pheBinhBelow: r.phe_binh_below, validFrom: r.valid_from } : null;
}

export function presentThresholds(r: ThresholdRow, today: string, current: string | null): ClassThresholdsView {
  return {
    id: r.id,
    ghiNhanFrom: r.ghi_nhan_from,
    pheBinhBelow: r.phe_binh_below,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    note: r.note,
    sample: r.sample,
    inForce: current === r.valid_from && inForceOn(r.valid_from, r.valid_to, today),
  };
}

/** Manual beats sample beats data: what the coordinator typed wins over anything computed. */
export const SOURCE_PRIORITY: readonly MeasureSource[] = ['manual', 'sample', 'data'];

interface MeasureRow {
  unit_id: string;
  unit_name: string;
  code: string;
  source: MeasureSource;
  value: number | null;
  note: string | null;
  updated_at: string;
}

export async function measuresOf(q: Queryable, period: string): Promise<MeasureView[]> {
  const rows = await q.query<MeasureRow>(
    `select m.unit_id, u.name as unit_name, m.code, m.source, m.value, m.note, m.updated_at
       from evaluation_measures m join units u on u.id = m.unit_id
      where m.period_key = $1 order by u.name, m.code`,
    [period],
  );
  const best = new Map<string, MeasureSource>();
  for (const r of rows) {
    const k = `${r.unit_id}|${r.code}`;
    const seen = best.get(k);
    if (!seen || SOURCE_PRIORITY.indexOf(r.source) < SOURCE_PRIORITY.indexOf(seen)) best.set(k, r.source);
  }
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    code: r.code,
    source: r.source,
    value: r.value,
    note: r.note,
    updatedAt: r.updated_at,
    effective: best.get(`${r.unit_id}|${r.code}`) === r.source,
  }));
}

interface RunRow {
  id: string;
  period_key: string;
  as_of: string;
  unit_kinds: string[];
  counts: RunSummary['counts'];
  note: string | null;
  created_by_name: string;
  created_at: string;
  has_letter: boolean;
}

const SELECT_RUNS = `
  select r.id, r.period_key, r.as_of, r.unit_kinds, r.counts, r.note, r.created_by_name, r.created_at,
         exists (select 1 from evaluation_letters l where l.run_id = r.id) as has_letter
    from evaluation_runs r`;

export function presentRun(r: RunRow): RunSummary {
  return {
    id: r.id,
    period: r.period_key,
    periodLabel: periodLabel(r.period_key),
    asOf: r.as_of,
    unitKinds: r.unit_kinds,
    counts: r.counts,
    note: r.note,
    createdBy: r.created_by_name,
    createdAt: r.created_at,
    hasLetter: r.has_letter,
  };
}

export async function listRuns(q: Queryable, period?: string): Promise<RunSummary[]> {
  const rows = await q.query<RunRow>(
    `${SELECT_RUNS} where ($1::text is null or r.period_key = $1) order by r.created_at desc limit 200`,
    [period ?? null],
  );
  return rows.map(presentRun);
}

export async function runRow(q: Queryable, id: string): Promise<(RunRow & { criteria: unknown; class_thresholds: unknown }) | undefined> {
  return (await q.query<RunRow & { criteria: unknown; class_thresholds: unknown }>(
    `select r.id, r.period_key, r.as_of, r.unit_kinds, r.counts, r.note, r.created_by_name, r.created_at, r.criteria, r.class_thresholds,
            exists (select 1 from evaluation_letters l where l.run_id = r.id) as has_letter
       from evaluation_runs r where r.id = $1`,
    [id],
  ))[0];
}

export interface ResultRow {
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  rank: number;
  score: number | null;
  total: number;
  max_points: number;
  class: 'ghi_nhan' | 'rut_kinh_nghiem' | 'phe_binh' | null;
  reason: string;
  components: Array<{ code: string; name: string; unit: 'percent' | 'count'; applicable: boolean; raw: number | null; normalised: number | null; weight: number; points: number }>;
  measure_sources: Record<string, MeasureSource>;
}

export function resultRows(q: Queryable, runId: string): Promise<ResultRow[]> {
  return q.query<ResultRow>(
    `select unit_id, unit_name, unit_kind, rank, score, total, max_points, class, reason, components, measure_sources
       from evaluation_results where run_id = $1 order by rank`,
    [runId],
  );
}
