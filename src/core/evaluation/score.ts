import { compareVietnamese } from '../text/fold';
import { type Criterion, type EvaluationClass, normalise, SCORE_MEASURE } from './criteria';
import { reasonVi } from './reason';
import { assertRuleSet, classify, inScope, type RuleSet } from './rule-set';

/**
 * Evaluates units under one rule set so that nothing is a black box: every component is
 * returned with its raw value (and, when weighted, its score and points; the total is exactly
 * the sum of the points shown, all arithmetic in hundredths of a point). The class comes from
 * the rule set's class rules, tried in order, on the measures (and the score). A weighted
 * measure a unit does not have is left out and the unit is scored on the rest.
 *
 * Rank order: class (ghi nhận, rút kinh nghiệm, phê bình, unclassed); then higher score; then
 * the rule set's rank keys; then unit name in Vietnamese order; then unit id.
 */

export type { ComponentScore, UnitMeasures, UnitScore } from './score-types';
import type { ComponentScore, UnitMeasures, UnitScore } from './score-types';

const CLASS_ORDER: Readonly<Record<EvaluationClass, number>> = { ghi_nhan: 0, rut_kinh_nghiem: 1, phe_binh: 2 };

/** Heaviest first (what matters most is read first), then the rule set's order. */
function byWeight(criteria: readonly Criterion[]): Criterion[] {
  return criteria.map((c, i) => ({ c, i })).sort((a, b) => b.c.weight - a.c.weight || a.i - b.i).map((x) => x.c);
}

type Unranked = Omit<UnitScore, 'rank' | 'reason'> & { readonly measures: UnitMeasures['measures'] };

function scoreOne(rs: RuleSet, criteria: readonly Criterion[], unit: UnitMeasures): Unranked {
  let totalCenti = 0;
  let maxCenti = 0;
  const components = criteria.map((c): ComponentScore => {
    const raw = unit.measures[c.code];
    const base = { code: c.code, name: c.name, unit: c.unit, weight: c.weight, detail: unit.details?.[c.code] ?? null };
    if (raw === null || raw === undefined) return { ...base, applicable: false, raw: null, normalised: null, points: 0 };
    if (!Number.isFinite(raw)) throw new RangeError(`Giá trị «${c.name}» của ${unit.unitName} không hợp lệ: ${raw}.`);
    if (c.weight === 0) return { ...base, applicable: true, raw, normalised: null, points: 0 };
    const normE4 = Math.round(normalise(c, raw) * 10_000);
    const pointsCenti = Math.round((normE4 * c.weight) / 100);
    totalCenti += pointsCenti;
    maxCenti += Math.round(c.weight * 100);
    return { ...base, applicable: true, raw, normalised: normE4 / 10_000, points: pointsCenti / 100 };
  });
  const score = maxCenti === 0 ? null : Math.round((totalCenti * 10_000) / maxCenti) / 100;
  const rule = classify(rs.classRules, { ...unit.measures, [SCORE_MEASURE]: score });
  return {
    unitId: unit.unitId,
    unitName: unit.unitName,
    measures: unit.measures,
    components,
    total: totalCenti / 100,
    maxPoints: maxCenti / 100,
    score,
    evaluationClass: rule?.class ?? null,
    ground: rule?.ground ?? null,
  };
}

function compareUnits(rs: RuleSet) {
  return (a: Unranked, b: Unranked): number => {
    const ca = a.evaluationClass === null ? 3 : CLASS_ORDER[a.evaluationClass];
    const cb = b.evaluationClass === null ? 3 : CLASS_ORDER[b.evaluationClass];
    if (ca !== cb) return ca - cb;
    const sa = a.score ?? -Infinity;
    const sb = b.score ?? -Infinity;
    if (sa !== sb) return sb - sa;
    for (const k of rs.rankBy) {
      const worst = k.direction === 'higher_better' ? -Infinity : Infinity;
      const va = a.measures[k.measure] ?? worst;
      const vb = b.measures[k.measure] ?? worst;
      if (va !== vb) return k.direction === 'higher_better' ? (vb > va ? 1 : -1) : (va > vb ? 1 : -1);
    }
    const name = compareVietnamese(a.unitName, b.unitName);
    if (name !== 0) return name;
    return a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0;
  };
}

/** Units outside the rule set's scope are left out; the others are ranked and given a reason. */
export function scoreUnits(ruleSet: RuleSet, measuresByUnit: readonly UnitMeasures[]): UnitScore[] {
  assertRuleSet(ruleSet);
  const criteria = byWeight(ruleSet.criteria);
  const ids = new Set<string>();
  for (const u of measuresByUnit) {
    if (ids.has(u.unitId)) throw new RangeError(`Đơn vị xuất hiện hai lần: "${u.unitId}".`);
    ids.add(u.unitId);
  }
  const ranked = measuresByUnit
    .filter((u) => inScope(ruleSet, u.measures))
    .map((u) => scoreOne(ruleSet, criteria, u))
    .sort(compareUnits(ruleSet));
  return ranked.map(({ measures: _measures, ...u }, i) => {
    const scored = { ...u, rank: i + 1 };
    return { ...scored, reason: reasonVi(scored) };
  });
}
