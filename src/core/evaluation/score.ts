import { compareVietnamese } from '../text/fold';
import {
  type ClassThresholds,
  type Criterion,
  type EvaluationClass,
  MEASURE,
  type MeasureUnit,
  normalise,
  validateCriterion,
} from './criteria';
import { reasonVi } from './reason';

/**
 * Scores and ranks units so that nothing is a black box: every component is returned with its
 * raw value, score and points, and the total is exactly the sum of the points shown (all
 * arithmetic in hundredths of a point, integers). A measure a unit does not have (no project,
 * so no disbursement rate) is left out and the unit is scored on the rest: score = points /
 * points available × 100.
 *
 * Rank order: higher score; then higher on-time completion rate; then fewer overdue tasks; then
 * unit name in Vietnamese order; then unit id. Units without any measure come last, unclassed.
 */

export type { ComponentScore, UnitMeasures, UnitScore } from './score-types';
import type { ComponentScore, UnitMeasures, UnitScore } from './score-types';

/** Heaviest first (what matters most is read first), then by code: independent of input order. */
function byWeightThenCode(a: Criterion, b: Criterion): number {
  if (a.weight !== b.weight) return b.weight - a.weight;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function classOf(score: number | null, t: ClassThresholds): EvaluationClass | null {
  if (score === null) return null;
  if (score >= t.ghiNhanFrom) return 'ghi_nhan';
  if (score < t.pheBinhBelow) return 'phe_binh';
  return 'rut_kinh_nghiem';
}

type Unranked = Omit<UnitScore, 'rank' | 'reason'> & { readonly measures: UnitMeasures['measures'] };

function scoreOne(criteria: readonly Criterion[], unit: UnitMeasures, classes: ClassThresholds): Unranked {
  let totalCenti = 0;
  let maxCenti = 0;
  const components = criteria.map((c): ComponentScore => {
    const raw = unit.measures[c.code];
    const base = { code: c.code, name: c.name, unit: c.unit, weight: c.weight };
    if (raw === null || raw === undefined) return { ...base, applicable: false, raw: null, normalised: null, points: 0 };
    if (!Number.isFinite(raw)) throw new RangeError(`Giá trị «${c.name}» của ${unit.unitName} không hợp lệ: ${raw}.`);
    const normE4 = Math.round(normalise(c, raw) * 10_000);
    const pointsCenti = Math.round((normE4 * c.weight) / 100);
    totalCenti += pointsCenti;
    maxCenti += Math.round(c.weight * 100);
    return { ...base, applicable: true, raw, normalised: normE4 / 10_000, points: pointsCenti / 100 };
  });
  const score = maxCenti === 0 ? null : Math.round((totalCenti * 10_000) / maxCenti) / 100;
  return {
    unitId: unit.unitId,
    unitName: unit.unitName,
    measures: unit.measures,
    components,
    total: totalCenti / 100,
    maxPoints: maxCenti / 100,
    score,
    evaluationClass: classOf(score, classes),
  };
}

function measureOr(u: Unranked, code: string, fallback: number): number {
  const v = u.measures[code];
  return v === null || v === undefined ? fallback : v;
}

function compareUnits(a: Unranked, b: Unranked): number {
  const sa = a.score ?? -Infinity;
  const sb = b.score ?? -Infinity;
  if (sa !== sb) return sb - sa;
  const onTime = measureOr(b, MEASURE.onTimeRate, -Infinity) - measureOr(a, MEASURE.onTimeRate, -Infinity);
  if (onTime !== 0 && !Number.isNaN(onTime)) return onTime;
  const overdue = measureOr(a, MEASURE.overdueTasks, Infinity) - measureOr(b, MEASURE.overdueTasks, Infinity);
  if (overdue !== 0 && !Number.isNaN(overdue)) return overdue;
  const name = compareVietnamese(a.unitName, b.unitName);
  if (name !== 0) return name;
  return a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
}

export function scoreUnits(
  criteria: readonly Criterion[],
  measuresByUnit: readonly UnitMeasures[],
  classes: ClassThresholds,
): UnitScore[] {
  const sorted = [...criteria].sort(byWeightThenCode);
  const codes = new Set<string>();
  sorted.forEach((c) => {
    if (codes.has(c.code)) throw new RangeError(`Tiêu chí bị trùng mã: "${c.code}".`);
    codes.add(c.code);
    const problems = validateCriterion(c);
    if (problems.length > 0) throw new RangeError(problems.join(' '));
  });
  const ids = new Set<string>();
  for (const u of measuresByUnit) {
    if (ids.has(u.unitId)) throw new RangeError(`Đơn vị xuất hiện hai lần: "${u.unitId}".`);
    ids.add(u.unitId);
  }
  const ranked = measuresByUnit.map((u) => scoreOne(sorted, u, classes)).sort(compareUnits);
  return ranked.map(({ measures: _measures, ...u }, i) => {
    const scored = { ...u, rank: i + 1 };
    return { ...scored, reason: reasonVi(scored) };
  });
}
