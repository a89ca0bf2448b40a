import type { Queryable } from '../../../db/client';
import { aggregate, type AggregateResult, type PeriodValue } from '../../../core/indicators/aggregate';
import { evaluateFormula, formulaCodes } from '../../../core/indicators/formula';
import { RuleError } from '../../../core/errors';
import { achievement, DEFAULT_RAG_THRESHOLDS, ragState, type RagState } from '../../../core/indicators/targets';
import { PERIOD_TYPE_LABELS, parsePeriodKey, periodLabel, type PeriodType } from '../../../core/periods/period-key';
import { comparePeriodKeys, periodRange, periodsWithin, periodOf } from '../../../core/periods/period-range';
import { AppError, notFound } from '../../errors';
import { COUNTED_STATUSES, indicatorById, indicatorsByCodes, listIndicators, presentIndicator, targetLevelOf, type IndicatorRow } from './queries';

/**
 * The units whose values count for each bucket unit: its subtree in the closure table, plus,
 * recursively, every predecessor of a unit already counted whose primary successor it is
 * (unit_successors.is_primary: the unit that inherits the history), with the predecessor's
 * own subtree except the parts that have a primary successor of their own (those roll up
 * through it). So 2022 values of Sở TT&TT count for Sở KH&CN (not for Sở VH-TT&DL, which took
 * only its press work), and a 2024 value of phường Hàng Kênh counts for phường Lê Chân while
 * one of the old phường An Dương of Lê Chân counts for phường An Biên.
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
  indicator_id: string;
  bucket: string;
  period_start: string;
  n: number;
  sum_value: number | null;
  avg_value: number | null;
  last_value: number | null;
  num: number | null;
  den: number | null;
}

interface LastRow extends Omit<PeriodRow, 'period_start'> {
  first_start: string;
  last_start: string;
}

export interface Cell {
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** Values counted (units × periods; for a "last" time rule, one per unit). */
  count: number;
  /** Why there is no number, when there is none for a reason other than missing data. */
  note?: string;
  /**
   * Time rule "last": the period the value was taken from — each unit's latest reported period
   * (the latest of them when the units of a bucket last reported in different periods) — and
   * the earliest of them, so a unit that skipped the last month shows.
   */
  valuePeriod?: string;
  valuePeriodEarliest?: string;
}

type BucketCells = Map<string, { perPeriod: Map<string, PeriodValue & { count: number }>; total: Cell }>;

/** An indicator to roll up and the source agency whose values count. */
interface Wanted {
  ind: IndicatorRow;
  source: string;
}

/** The window of a rollup: its date range and the periods of each periodicity it shows. */
interface Window {
  start: string;
  end: string;
  periods: (type: PeriodType) => string[];
}

function windowOf(period: string): Window {
  const range = periodRange(period);
  return { ...range, periods: (type) => periodsWithin(period, type) };
}

/** From the first to the last period (of the same type), e.g. 36 months in one window. */
export function spanWindow(from: string, to: string): Window {
  const start = periodRange(from).start;
  const end = periodRange(to).end;
  return {
    start,
    end,
    periods: (type) => {
      const out: string[] = [];
      for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
        for (const p of periodsWithin(String(y), type)) {
          const r = periodRange(p);
          if (r.start >= start && r.end <= end) out.push(p);
        }
      }
      return out;
    },
  };
}

function unitValue(ind: IndicatorRow, r: Omit<PeriodRow, 'period_start'>, period: string): PeriodValue & { count: number } {
  switch (ind.unit_rule) {
    case 'ratio': {
      const a = aggregate('ratio', [{ period, value: null, numerator: r.num, denominator: r.den }], { ratioScale: ind.ratio_scale });
      return { period, value: a.value, numerator: r.num ?? 0, denominator: r.den ?? 0, count: r.n };
    }
    case 'sum':
      return { period, value: r.sum_value, count: r.n };
    case 'mean':
      return { period, value: r.avg_value, count: r.n };
    case 'last':
      return { period, value: r.last_value, count: r.n };
  }
}

const WANTED_CTE = `, wanted(indicator_id, source_agency, period_type) as (select * from unnest($2::uuid[], $3::text[], $4::text[]))`;

/**
 * Per indicator, bucket and period of the indicator's own periodicity: the values of every
 * unit in scope combined by the indicator's unit rule; then the periods combined by its time
 * rule. Both steps use the core `aggregate`, so a ratio is always Σ numerators / Σ denominators.
 *
 * A time rule "last" (stock values) takes each unit's own latest value in the window and
 * combines those by the unit rule: a unit that did not report in the last month still counts
 * with its latest value, so a parent is the sum of its children's values (issue 16).
 *
 * At most three statements for any number of indicators, buckets and periods: the per-period
 * cells of indicators whose unit rule is not "last" (an index-only scan of
 * indicator_values_rollup_idx), those whose unit rule is "last" (they read entered_at), and
 * the per-unit latest values of the time rule "last".
 */
async function rawCellsMany(db: Queryable, wanted: readonly Wanted[], buckets: readonly string[], w: Window, exclude: readonly string[]): Promise<Map<string, BucketCells>> {
  const out = new Map<string, BucketCells>();
  for (const { ind } of wanted) out.set(ind.id, new Map(buckets.map((b) => [b, { perPeriod: new Map(), total: { value: null, count: 0 } }])));
  if (wanted.length === 0) return out;
  const byId = new Map(wanted.map((x) => [x.ind.id, x.ind]));
  const args = (list: readonly Wanted[]) => [buckets, list.map((x) => x.ind.id), list.map((x) => x.source), list.map((x) => x.ind.periodicity), exclude, w.start, w.end, COUNTED_STATUSES];
  const perPeriod = async (list: readonly Wanted[], last: string) =>
    list.length === 0
      ? []
      : db.query<PeriodRow>(
          `${scopeCte('$5')}${WANTED_CTE}
           select w.indicator_id, sc.bucket, v.period_start, count(*)::int as n, sum(v.value) as sum_value, avg(v.value) as avg_value,
                  ${last} as last_value, sum(v.numerator) as num, sum(v.denominator) as den
             from wanted w
             join indicator_values v on v.indicator_id = w.indicator_id and v.source_agency = w.source_agency and v.period_type = w.period_type
             join scope sc on sc.unit_id = v.unit_id
            where v.period_start between $6 and $7 and v.status = any($8::text[])
            group by w.indicator_id, sc.bucket, v.period_start`,
          args(list),
        );
  const timeLast = wanted.filter((x) => x.ind.time_rule === 'last');
  const [plain, lastUnit, lastTime] = await Promise.all([
    perPeriod(wanted.filter((x) => x.ind.unit_rule !== 'last'), 'null::numeric'),
    perPeriod(wanted.filter((x) => x.ind.unit_rule === 'last'), '(array_agg(v.value order by v.entered_at desc))[1]'),
    timeLast.length === 0
      ? Promise.resolve([] as LastRow[])
      : db.query<LastRow>(
          `${scopeCte('$5')}${WANTED_CTE},
           latest as (
             select distinct on (w.indicator_id, sc.bucket, v.unit_id) w.indicator_id, sc.bucket, v.unit_id, v.period_start, v.value, v.numerator, v.denominator, v.entered_at
               from wanted w
               join indicator_values v on v.indicator_id = w.indicator_id and v.source_agency = w.source_agency and v.period_type = w.period_type
               join scope sc on sc.unit_id = v.unit_id
              where v.period_start between $6 and $7 and v.status = any($8::text[])
                and (v.value is not null or v.numerator is not null or v.denominator is not null)
              order by w.indicator_id, sc.bucket, v.unit_id, v.period_start desc
           )
           select indicator_id, bucket, count(*)::int as n, sum(value) as sum_value, avg(value) as avg_value,
                  (array_agg(value order by period_start desc, entered_at desc))[1] as last_value, sum(numerator) as num, sum(denominator) as den,
                  min(period_start) as first_start, max(period_start) as last_start
             from latest group by indicator_id, bucket`,
          args(timeLast),
        ),
  ]);
  for (const r of [...plain, ...lastUnit]) {
    const ind = byId.get(r.indicator_id)!;
    const period = periodOf(r.period_start, ind.periodicity)!;
    out.get(ind.id)?.get(r.bucket)?.perPeriod.set(period, unitValue(ind, r, period));
  }
  for (const [id, cells] of out) {
    const ind = byId.get(id)!;
    if (ind.time_rule === 'last') continue;
    for (const c of cells.values()) {
      const values = [...c.perPeriod.values()];
      const a: AggregateResult = aggregate(ind.time_rule, values, { ratioScale: ind.ratio_scale });
      c.total = { value: a.value, numerator: a.numerator, denominator: a.denominator, count: values.reduce((s, v) => s + v.count, 0) };
    }
  }
  for (const r of lastTime) {
    const ind = byId.get(r.indicator_id)!;
    const c = out.get(ind.id)?.get(r.bucket);
    if (!c) continue;
    const valuePeriod = periodOf(r.last_start, ind.periodicity)!;
    const earliest = periodOf(r.first_start, ind.periodicity)!;
    const v = unitValue(ind, r, valuePeriod);
    c.total = { value: v.value, numerator: v.numerator ?? undefined, denominator: v.denominator ?? undefined, count: v.count, valuePeriod, ...(earliest !== valuePeriod ? { valuePeriodEarliest: earliest } : {}) };
  }
  return out;
}

function formulaNote(err: unknown): string {
  if (err instanceof RuleError) return err.message;
  throw err;
}

/** A formula indicator from its inputs' cells: the formula per period and for the whole. */
function formulaCells(ind: IndicatorRow, byCode: ReadonlyMap<string, BucketCells>, buckets: readonly string[], periods: readonly string[]): BucketCells {
  const codes = formulaCodes(ind.formula!);
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

/**
 * Cells of many indicators at once: the raw ones in rawCellsMany's statements, then the
 * inputs of the formulas, one nesting level at a time (one lookup and one rawCellsMany per
 * level), whatever the number of indicators.
 */
async function cellsOfMany(db: Queryable, wanted: readonly Wanted[], buckets: readonly string[], w: Window, exclude: readonly string[], depth = 0): Promise<Map<string, BucketCells>> {
  const formulas = wanted.filter((x) => x.ind.kind === 'formula');
  const out = await rawCellsMany(db, wanted.filter((x) => x.ind.kind !== 'formula'), buckets, w, exclude);
  if (formulas.length === 0) return out;
  const tooDeep = formulas.find(() => depth > 10);
  if (tooDeep) throw new AppError('VALIDATION', `Công thức của chỉ số ${tooDeep.ind.code} lồng quá sâu`);
  const codes = [...new Set(formulas.flatMap((x) => formulaCodes(x.ind.formula!)))];
  const inputs = await indicatorsByCodes(db, codes);
  const inputCells = await cellsOfMany(db, inputs.map((ind) => ({ ind, source: ind.source_agency })), buckets, w, exclude, depth + 1);
  const byCode = new Map(inputs.map((i) => [i.code, inputCells.get(i.id)!]));
  for (const { ind } of formulas) out.set(ind.id, formulaCells(ind, byCode, buckets, w.periods(ind.periodicity)));
  return out;
}

async function cellsOf(db: Queryable, ind: IndicatorRow, buckets: readonly string[], w: Window, source: string, exclude: readonly string[]): Promise<BucketCells> {
  return (await cellsOfMany(db, [{ ind, source }], buckets, w, exclude)).get(ind.id)!;
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

/** The target of each unit for each indicator: one statement for any number of indicators. */
async function targetsFor(db: Queryable, inds: readonly IndicatorRow[], period: string, units: ReadonlyArray<{ id: string; kind: string }>): Promise<Map<string, Map<string, TargetInfo['target']>>> {
  const periods = targetPeriods(period);
  const rows = await db.query<TargetRow & { indicator_id: string }>(
    'select id, indicator_id, plan_code, level, unit_id, period, value from indicator_targets where indicator_id = any($1::uuid[]) and period = any($2::text[]) order by created_at desc',
    [inds.map((i) => i.id), periods],
  );
  const byIndicator = new Map<string, TargetRow[]>();
  for (const r of rows) byIndicator.set(r.indicator_id, [...(byIndicator.get(r.indicator_id) ?? []), r]);
  const out = new Map<string, Map<string, TargetInfo['target']>>();
  for (const ind of inds) {
    const mine = byIndicator.get(ind.id) ?? [];
    const perUnit = new Map<string, TargetInfo['target']>();
    for (const u of units) {
      const level = targetLevelOf(u.kind);
      let best: TargetRow | undefined;
      let bestRank = Infinity;
      for (const t of mine) {
        if (t.unit_id !== u.id && t.level !== level) continue;
        const rank = periods.indexOf(t.period) * 2 + (t.unit_id === u.id ? 0 : 1);
        if (rank < bestRank) {
          best = t;
          bestRank = rank;
        }
      }
      perUnit.set(u.id, best ? { value: best.value, period: best.period, planCode: best.plan_code, level: best.level, unitSpecific: best.unit_id !== null } : null);
    }
    out.set(ind.id, perUnit);
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
  const [cells, targetsOf] = await Promise.all([
    cellsOf(db, ind, [unit.id, ...children.map((c) => c.id)], windowOf(req.period), source, children.map((c) => c.id)),
    targetsFor(db, [ind], req.period, [unit, ...children]),
  ]);
  const targets = targetsOf.get(ind.id)!;
  const rootCells = cells.get(unit.id)!;
  const total = rootCells.total;
  return {
    indicator: presentIndicator(ind),
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
    period: req.period,
    periodLabel: periodLabel(req.period),
    sourceAgency: source,
    /** What a parent is, in words: shown above the drill-down. */
    rule: ruleText(ind),
    total: { ...total, ...periodLabels(total), ...judge(ind, total.value, targets.get(unit.id) ?? null) },
    series: periodsWithin(req.period, ind.periodicity).map((p) => {
      const c = rootCells.perPeriod.get(p);
      return { period: p, label: periodLabel(p), value: c?.value ?? null, numerator: c?.numerator, denominator: c?.denominator, count: c?.count ?? 0 };
    }),
    children: children.map((c) => {
      const cell = cells.get(c.id)!.total;
      return { unitId: c.id, unitCode: c.code, unitName: c.name, shortName: c.short_name, kind: c.kind, ...cell, ...periodLabels(cell), ...judge(ind, cell.value, targets.get(c.id) ?? null) };
    }),
  };
}

function periodLabels(c: Cell): { valuePeriodLabel?: string; valuePeriodEarliestLabel?: string } {
  return {
    ...(c.valuePeriod ? { valuePeriodLabel: periodLabel(c.valuePeriod) } : {}),
    ...(c.valuePeriodEarliest ? { valuePeriodEarliestLabel: periodLabel(c.valuePeriodEarliest) } : {}),
  };
}

const UNIT_RULE_TEXT: Readonly<Record<IndicatorRow['unit_rule'], string>> = {
  sum: 'tổng giá trị của các đơn vị',
  ratio: 'tổng tử số chia tổng mẫu số của các đơn vị',
  mean: 'trung bình giá trị của các đơn vị',
  last: 'giá trị nhập sau cùng trong các đơn vị',
};
const TIME_RULE_TEXT: Readonly<Record<IndicatorRow['time_rule'], string>> = {
  sum: 'cộng các kỳ trong khoảng',
  ratio: 'tổng tử số chia tổng mẫu số của các kỳ',
  mean: 'trung bình các kỳ',
  last: 'mỗi đơn vị lấy giá trị của kỳ gần nhất có số liệu trong khoảng (kỳ lấy số ghi bên cạnh)',
};

/** What a parent's value is, for this indicator's two rules. */
export function ruleText(ind: Pick<IndicatorRow, 'kind' | 'unit_rule' | 'time_rule'>): string {
  if (ind.kind === 'formula') return 'Tính theo công thức từ giá trị tổng hợp của các chỉ số thành phần';
  return `Giá trị đơn vị cấp trên: ${UNIT_RULE_TEXT[ind.unit_rule]}; theo thời gian: ${TIME_RULE_TEXT[ind.time_rule]}.`;
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
  const indicators = (await listIndicators(db, { catalogueId })).filter((i) => periodsWithin(period, i.periodicity).length > 0);
  const [cells, targets] = await Promise.all([
    cellsOfMany(db, indicators.map((ind) => ({ ind, source: ind.source_agency })), [unit.id], windowOf(period), []),
    targetsFor(db, indicators, period, [unit]),
  ]);
  const order = (await db.query<{ id: string }>('select id from indicators where ($1::uuid is null or catalogue_id = $1) order by sort_order, code', [catalogueId ?? null])).map((r) => r.id);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const out: Array<{ indicatorId: string; value: number | null; numerator?: number; denominator?: number; count: number; valuePeriod?: string } & TargetInfo> = [];
  for (const id of order) {
    const ind = byId.get(id);
    if (!ind) continue;
    const t = cells.get(id)!.get(unit.id)!.total;
    out.push({ indicatorId: id, value: t.value, numerator: t.numerator, denominator: t.denominator, count: t.count, ...(t.valuePeriod ? { valuePeriod: t.valuePeriod } : {}), ...judge(ind, t.value, targets.get(id)!.get(unit.id) ?? null) });
  }
  return { unitId, period, periodLabel: periodLabel(period), items: out };
}

/**
 * One indicator for one unit over any span of periods of its periodicity (36 months is one
 * call and one window of statements), with the span's total by the indicator's time rule.
 */
export async function rollupSeries(db: Queryable, req: { indicatorId: string; unitId: string; from: string; to: string; sourceAgency?: string }) {
  const ind = await indicatorById(db, req.indicatorId);
  if (!ind) throw notFound('chỉ số');
  const unit = (await db.query<UnitLite>('select id, code, name, short_name, kind from units where id = $1', [req.unitId]))[0];
  if (!unit) throw notFound('đơn vị');
  for (const [field, p] of [['from', req.from], ['to', req.to]] as const) {
    if (parsePeriodKey(p).type !== ind.periodicity) {
      throw new AppError('VALIDATION', `Chỉ số ${ind.code} báo cáo theo kỳ ${PERIOD_TYPE_LABELS[ind.periodicity].toLowerCase()}: "${p}" không phải kỳ đó`, field);
    }
  }
  if (comparePeriodKeys(req.from, req.to) > 0) throw new AppError('VALIDATION', 'Kỳ bắt đầu phải trước kỳ kết thúc', 'from');
  const w = spanWindow(req.from, req.to);
  const periods = w.periods(ind.periodicity);
  if (periods.length > 120) throw new AppError('VALIDATION', 'Tối đa 120 kỳ trong một chuỗi', 'to');
  const source = req.sourceAgency?.trim() || ind.source_agency;
  const cells = (await cellsOf(db, ind, [unit.id], w, source, [])).get(unit.id)!;
  return {
    indicator: presentIndicator(ind),
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind },
    from: req.from,
    to: req.to,
    sourceAgency: source,
    total: { ...cells.total, ...periodLabels(cells.total) },
    series: periods.map((p) => {
      const c = cells.perPeriod.get(p);
      return { period: p, label: periodLabel(p), value: c?.value ?? null, numerator: c?.numerator, denominator: c?.denominator, count: c?.count ?? 0 };
    }),
  };
}
