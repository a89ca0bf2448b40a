import type { Queryable } from '../../../db/client';
import { aggregate, type AggregateResult, type PeriodValue } from '../../../core/indicators/aggregate';
import { evaluateFormula, formulaCodes } from '../../../core/indicators/formula';
import { RuleError } from '../../../core/errors';
import { achievement, DEFAULT_RAG_THRESHOLDS, ragState, type RagState } from '../../../core/indicators/targets';
import { PERIOD_TYPE_LABELS, parsePeriodKey, periodLabel } from '../../../core/periods/period-key';
import { periodRange, periodsWithin, periodOf } from '../../../core/periods/period-range';
import { AppError, notFound } from '../../errors';
import { COUNTED_STATUSES, indicatorById, indicatorsByCodes, presentIndicator, targetLevelOf, type IndicatorRow } from './queries';

/**
 * The units whose values count for each bucket unit: its subtree in the closure table, plus,
 * recursively, every predecessor of a unit already counted whose primary successor it is
 * (unit_successors.is_primary: the unit that inherits the history), with the predecessor's
 * own subtree except the parts that have a primary successor of their own (those roll up
 * through it). So 2022 values of Sở TT&TT count for Sở KH&CN (not for Sở VH-TT&DL, which took
 * only its press work), and a 2024 value of phường Trại Cau counts for phường Lê Chân while
 * one of phường Dư Hàng Kênh counts for phường An Biên.
 *
 * `exclude` names units that are shown side by side with their successors (the children of a
 * rollup over a period when both existed): they keep their own history, so the children do
 * not overlap. They are inside the parent's subtree, so the parent's total is unchanged.
 */
export function scopeCte(exclude?: string): string {
  return `
  with recursive scope(bucket, unit_id) as (
    select c.ancestor_id, c.descendant_id from unit_closure c where c.ancestor_id = any($1::uuid[])
    union
    select sc.bucket, c.descendant_id
      from scope sc
      join unit_successors s on s.successor_id = sc.unit_id and s.is_primary
      join unit_closure c on c.ancestor_id = s.predecessor_id
     where (c.depth = 0 or not exists (select 1 from unit_successors s2 where s2.predecessor_id = c.descendant_id and s2.is_primary))${exclude ? `
       and not (s.predecessor_id = any(${exclude}::uuid[]))` : ''}
  )`;
}
export const SCOPE_CTE = scopeCte();

interface PeriodRow {
  bucket: string;
  period_start: string;
  n: number;
  sum_value: number | null;
  avg_value: number | null;
  last_value: number | null;
  num: number | null;
  den: number | null;
}

export interface Cell {
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** Values counted (units × periods). */
  count: number;
  /** Why there is no number, when there is none for a reason other than missing data. */
  note?: string;
}

type BucketCells = Map<string, { perPeriod: Map<string, PeriodValue & { count: number }>; total: Cell }>;

/**
 * Per bucket and per period of the indicator's own periodicity: the values of every unit in
 * scope combined by the indicator's unit rule; then the periods combined by its time rule.
 * Both steps use the core `aggregate`, so a ratio is always Σ numerators / Σ denominators.
 */
async function rawCells(db: Queryable, ind: IndicatorRow, buckets: readonly string[], period: string, source: string, exclude: readonly string[]): Promise<BucketCells> {
  const range = periodRange(period);
  // Periods of the indicator's own periodicity tile the rollup period, so "starts inside it" is
  // "lies inside it", and every column read is in indicator_values_rollup_idx (index-only scan).
  // Only the 'last' unit rule needs entered_at, so only it reads the table rows.
  const last = ind.unit_rule === 'last' ? '(array_agg(v.value order by v.entered_at desc))[1]' : 'null::numeric';
  const rows = await db.query<PeriodRow>(
    `${scopeCte('$8')}
     select sc.bucket, v.period_start, count(*)::int as n, sum(v.value) as sum_value, avg(v.value) as avg_value,
            ${last} as last_value, sum(v.numerator) as num, sum(v.denominator) as den
       from indicator_values v
       join scope sc on sc.unit_id = v.unit_id
      where v.indicator_id = $2 and v.source_agency = $3 and v.period_type = $4
        and v.period_start between $5 and $6 and v.status = any($7::text[])
      group by sc.bucket, v.period_start`,
    [buckets, ind.id, source, ind.periodicity, range.start, range.end, COUNTED_STATUSES, exclude],
  );
  const out: BucketCells = new Map(buckets.map((b) => [b, { perPeriod: new Map(), total: { value: null, count: 0 } }]));
  const scale = { ratioScale: ind.ratio_scale };
  for (const r of rows) {
    const period = periodOf(r.period_start, ind.periodicity)!;
    let pv: PeriodValue & { count: number };
    switch (ind.unit_rule) {
      case 'ratio': {
        const a = aggregate('ratio', [{ period, value: null, numerator: r.num, denominator: r.den }], scale);
        pv = { period, value: a.value, numerator: r.num ?? 0, denominator: r.den ?? 0, count: r.n };
        break;
      }
      case 'sum':
        pv = { period, value: r.sum_value, count: r.n };
        break;
      case 'mean':
        pv = { period, value: r.avg_value, count: r.n };
        break;
      case 'last':
        pv = { period, value: r.last_value, count: r.n };
        break;
    }
    out.get(r.bucket)?.perPeriod.set(period, pv);
  }
  for (const cells of out.values()) {
    const values = [...cells.perPeriod.values()];
    const a: AggregateResult = aggregate(ind.time_rule, values, scale);
    cells.total = { value: a.value, numerator: a.numerator, denominator: a.denominator, count: values.reduce((s, v) => s + v.count, 0) };
  }
  return out;
}

function formulaNote(err: unknown): string {
  if (err instanceof RuleError) return err.message;
  throw err;
}

/** A formula indicator: each code rolled up by its own rules, then the formula per period and for the whole. */
async function formulaCells(db: Queryable, ind: IndicatorRow, buckets: readonly string[], period: string, exclude: readonly string[], depth: number): Promise<BucketCells> {
  if (depth > 10) throw new AppError('VALIDATION', `Công thức của chỉ số ${ind.code} lồng quá sâu`);
  const codes = formulaCodes(ind.formula!);
  const inputs = await indicatorsByCodes(db, codes);
  const byCode = new Map<string, BucketCells>();
  for (const input of inputs) byCode.set(input.code, await cellsOf(db, input, buckets, period, input.source_agency, exclude, depth + 1));
  const periods = periodsWithin(period, ind.periodicity);
  const out: BucketCells = new Map();
  for (const b of buckets) {
    const perPeriod = new Map<string, PeriodValue & { count: number }>();
    for (const p of periods) {
      const values: Record<string, number | null> = {};
      let count = 0;
      for (const code of codes) {
        const c = byCode.get(code)?.get(b)?.perPeriod.get(p);
        if (byCode.has(code)) values[code] = c?.value ?? null;
        count += c?.count ?? 0;
      }
      if (count === 0) continue;
      try {
        perPeriod.set(p, { period: p, value: evaluateFormula(ind.formula!, values), count });
      } catch (err) {
        perPeriod.set(p, { period: p, value: null, count });
        formulaNote(err);
      }
    }
    const totals: Record<string, number | null> = {};
    let count = 0;
    for (const code of codes) {
      const t = byCode.get(code)?.get(b)?.total;
      if (byCode.has(code)) totals[code] = t?.value ?? null;
      count += t?.count ?? 0;
    }
    let total: Cell = { value: null, count };
    if (count > 0) {
      try {
        total = { value: evaluateFormula(ind.formula!, totals), count };
      } catch (err) {
        total = { value: null, count, note: formulaNote(err) };
      }
    }
    out.set(b, { perPeriod, total });
  }
  return out;
}

async function cellsOf(db: Queryable, ind: IndicatorRow, buckets: readonly string[], period: string, source: string, exclude: readonly string[], depth = 0): Promise<BucketCells> {
  return ind.kind === 'formula' ? formulaCells(db, ind, buckets, period, exclude, depth) : rawCells(db, ind, buckets, period, source, exclude);
}

export interface TargetInfo {
  target: { value: number; period: string; planCode: string; level: string | null; unitSpecific: boolean } | null;
  achievement: number | null;
  rag: RagState | null;
}

interface TargetRow {
  id: string;
  plan_code: string;
  level: string | null;
  unit_id: string | null;
  period: string;
  value: number;
}

/**
 * The target a period is judged against: the period's own, else the interim target of the
 * quarter its last month falls in, else the year's. A unit's own target beats its level's.
 */
export function targetPeriods(period: string): string[] {
  const { end } = periodRange(period);
  const out = [period, periodOf(end, 'quarter'), periodOf(end, 'year')];
  return [...new Set(out)];
}

async function targetsFor(db: Queryable, ind: IndicatorRow, period: string, units: ReadonlyArray<{ id: string; kind: string }>): Promise<Map<string, TargetInfo['target']>> {
  const periods = targetPeriods(period);
  const rows = await db.query<TargetRow>(
    'select id, plan_code, level, unit_id, period, value from indicator_targets where indicator_id = $1 and period = any($2::text[]) order by created_at desc',
    [ind.id, periods],
  );
  const out = new Map<string, TargetInfo['target']>();
  for (const u of units) {
    const level = targetLevelOf(u.kind);
    let best: TargetRow | undefined;
    let bestRank = Infinity;
    for (const t of rows) {
      if (t.unit_id !== u.id && t.level !== level) continue;
      const rank = periods.indexOf(t.period) * 2 + (t.unit_id === u.id ? 0 : 1);
      if (rank < bestRank) {
        best = t;
        bestRank = rank;
      }
    }
    out.set(u.id, best ? { value: best.value, period: best.period, planCode: best.plan_code, level: best.level, unitSpecific: best.unit_id !== null } : null);
  }
  return out;
}

export function judge(ind: Pick<IndicatorRow, 'direction' | 'rag_green' | 'rag_amber'>, actual: number | null, target: TargetInfo['target']): TargetInfo {
  if (!target || actual === null) return { target, achievement: null, rag: null };
  try {
    const pct = achievement(actual, target.value, ind.direction);
    const thresholds = { green: ind.rag_green ?? DEFAULT_RAG_THRESHOLDS.green, amber: ind.rag_amber ?? DEFAULT_RAG_THRESHOLDS.amber };
    return { target, achievement: pct, rag: ragState(pct, thresholds) };
  } catch (err) {
    if (err instanceof RuleError) return { target, achievement: null, rag: null };
    throw err;
  }
}

export interface RollupRequest {
  indicatorId: string;
  unitId: string;
  period: string;
  sourceAgency?: string;
  children?: boolean;
}

interface UnitLite {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
}

/**
 * Children of a unit shown in a rollup of a period: those that exist in the period, except
 * a unit that ended during it and has a primary successor — its history shows under it.
 */
async function childrenIn(db: Queryable, unitId: string, range: { start: string; end: string }): Promise<UnitLite[]> {
  return db.query<UnitLite>(
    `select u.id, u.code, u.name, u.short_name, u.kind
       from unit_closure c join units u on u.id = c.descendant_id
      where c.ancestor_id = $1 and c.depth = 1
        and u.valid_from <= $3 and (u.valid_to is null or u.valid_to >= $2)
        and not (u.valid_to is not null and u.valid_to < $3 and exists (select 1 from unit_successors s where s.predecessor_id = u.id and s.is_primary))
      order by case u.kind when 'department' then 0 when 'agency' then 1 when 'district' then 2 else 3 end, u.name`,
    [unitId, range.start, range.end],
  );
}

function checkPeriod(ind: IndicatorRow, period: string) {
  const type = parsePeriodKey(period).type;
  if (periodsWithin(period, ind.periodicity).length === 0) {
    throw new AppError(
      'VALIDATION',
      `Chỉ số ${ind.code} báo cáo theo kỳ ${PERIOD_TYPE_LABELS[ind.periodicity].toLowerCase()}: không tổng hợp được cho kỳ ${PERIOD_TYPE_LABELS[type].toLowerCase()} ${period}`,
      'period',
    );
  }
}

export async function rollup(db: Queryable, req: RollupRequest) {
  const ind = await indicatorById(db, req.indicatorId);
  if (!ind) throw notFound('chỉ số');
  const unit = (await db.query<UnitLite>('select id, code, name, short_name, kind from units where id = $1', [req.unitId]))[0];
  if (!unit) throw notFound('đơn vị');
  checkPeriod(ind, req.period);
  const range = periodRange(req.period);
  const source = req.sourceAgency?.trim() || ind.source_agency;
  const children = req.children === false ? [] : await childrenIn(db, unit.id, range);
  const cells = await cellsOf(db, ind, [unit.id, ...children.map((c) => c.id)], req.period, source, children.map((c) => c.id));
  const targets = await targetsFor(db, ind, req.period, [unit, ...children]);
  const rootCells = cells.get(unit.id)!;
  const total = rootCells.total;
  return {
    indicator: presentIndicator(ind),
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
    period: req.period,
    periodLabel: periodLabel(req.period),
    sourceAgency: source,
    total: { ...total, ...judge(ind, total.value, targets.get(unit.id) ?? null) },
    series: periodsWithin(req.period, ind.periodicity).map((p) => {
      const c = rootCells.perPeriod.get(p);
      return { period: p, label: periodLabel(p), value: c?.value ?? null, numerator: c?.numerator, denominator: c?.denominator, count: c?.count ?? 0 };
    }),
    children: children.map((c) => {
      const cell = cells.get(c.id)!.total;
      return { unitId: c.id, unitCode: c.code, unitName: c.name, shortName: c.short_name, kind: c.kind, ...cell, ...judge(ind, cell.value, targets.get(c.id) ?? null) };
    }),
  };
}
export type TRollup = Awaited<ReturnType<typeof rollup>>;

/**
 * Every indicator of a catalogue (or all) for one unit and period, without children: what
 * the catalogue table shows next to each indicator. Indicators whose periodicity is longer
 * than the period are skipped.
 */
export async function rollupSummary(db: Queryable, unitId: string, period: string, catalogueId?: string) {
  const unit = (await db.query<UnitLite>('select id, code, name, short_name, kind from units where id = $1', [unitId]))[0];
  if (!unit) throw notFound('đơn vị');
  const indicators = await db.query<{ id: string; periodicity: IndicatorRow['periodicity'] }>(
    'select id, periodicity from indicators where ($1::uuid is null or catalogue_id = $1) order by sort_order, code',
    [catalogueId ?? null],
  );
  const out: Array<{ indicatorId: string; value: number | null; numerator?: number; denominator?: number; count: number } & TargetInfo> = [];
  for (const i of indicators) {
    if (periodsWithin(period, i.periodicity).length === 0) continue;
    const r = await rollup(db, { indicatorId: i.id, unitId, period, children: false });
    out.push({ indicatorId: i.id, value: r.total.value, numerator: r.total.numerator, denominator: r.total.denominator, count: r.total.count, target: r.total.target, achievement: r.total.achievement, rag: r.total.rag });
  }
  return { unitId, period, periodLabel: periodLabel(period), items: out };
}
