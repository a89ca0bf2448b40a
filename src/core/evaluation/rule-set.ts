import { RuleError } from '../errors';
import { type Criterion, type EvaluationClass, EVALUATION_CLASSES, EVALUATION_CLASS_LABEL_VI, inForceOn, MEASURE, SCORE_MEASURE, validateCriterion } from './criteria';

/**
 * A rule set is what one evaluation round applies, as data with validity: the criteria shown
 * (and scored, when weighted), which units are in scope, the class rules in order (the first
 * that holds gives the class, with its ground in words), and how units of the same class are
 * ordered. A province that changes its criteria loads a new rule set; a run keeps a copy of the
 * one it used. Communes and wards are evaluated in their own rounds, under a rule set of their
 * level.
 */

export type Comparison = '>' | '>=' | '<' | '<=' | '=';
export const COMPARISONS: readonly Comparison[] = ['>', '>=', '<', '<=', '='];

export interface Condition {
  /** A measure code, or 'score' for the weighted score (0–100). */
  readonly measure: string;
  readonly op: Comparison;
  readonly value: number;
}

export interface ClassRule {
  readonly class: EvaluationClass;
  /** The ground in words, as a letter would write it. */
  readonly ground: string;
  /** Every condition holds … */
  readonly all?: readonly Condition[];
  /** … and at least one of these (when given). */
  readonly any?: readonly Condition[];
}

export type UnitLevel = 'city' | 'commune';
export const UNIT_LEVELS: readonly UnitLevel[] = ['city', 'commune'];

/** Unit kinds a round of each level may take; the first ones are its default scope. */
export const LEVEL_KINDS: Readonly<Record<UnitLevel, { readonly allowed: readonly string[]; readonly defaults: readonly string[] }>> = {
  city: { allowed: ['department', 'agency', 'district'], defaults: ['department', 'agency'] },
  commune: { allowed: ['commune'], defaults: ['commune'] },
};

export interface RankKey {
  readonly measure: string;
  readonly direction: 'higher_better' | 'lower_better';
}

export interface RuleSet {
  readonly code: string;
  readonly name: string;
  readonly unitLevel: UnitLevel;
  readonly criteria: readonly Criterion[];
  /** A unit is evaluated only when all these hold (e.g. it had a funded task that year). */
  readonly scope: readonly Condition[];
  readonly classRules: readonly ClassRule[];
  /** Within a class: score first (when weighted), then these, then the name. */
  readonly rankBy: readonly RankKey[];
  /** The document the grounds come from, and what is ours. */
  readonly source: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly sample: boolean;
}

export type Measures = Readonly<Record<string, number | null | undefined>>;

export function holds(c: Condition, measures: Measures): boolean {
  const v = measures[c.measure];
  if (v === null || v === undefined) return false;
  switch (c.op) {
    case '>': return v > c.value;
    case '>=': return v >= c.value;
    case '<': return v < c.value;
    case '<=': return v <= c.value;
    case '=': return v === c.value;
  }
}

export function inScope(rs: RuleSet, measures: Measures): boolean {
  return rs.scope.every((c) => holds(c, measures));
}

/** The first class rule that holds, or null (no ground: unclassed). */
export function classify(rules: readonly ClassRule[], measures: Measures): ClassRule | null {
  for (const r of rules) {
    if (!(r.all ?? []).every((c) => holds(c, measures))) continue;
    if (r.any && r.any.length > 0 && !r.any.some((c) => holds(c, measures))) continue;
    return r;
  }
  return null;
}

/** Problems with a rule set, in Vietnamese; empty when usable. */
export function validateRuleSet(rs: RuleSet): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9_.-]{1,59}$/.test(rs.code)) problems.push('Mã bộ quy tắc chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.');
  if (!UNIT_LEVELS.includes(rs.unitLevel)) problems.push(`Cấp đơn vị không hợp lệ: ${rs.unitLevel}.`);
  if (rs.validTo !== null && rs.validTo < rs.validFrom) problems.push('Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.');
  if (rs.criteria.length === 0) problems.push('Bộ quy tắc phải có ít nhất một tiêu chí.');
  const codes = new Set<string>();
  for (const c of rs.criteria) {
    if (codes.has(c.code)) problems.push(`Tiêu chí bị trùng mã: "${c.code}".`);
    codes.add(c.code);
    problems.push(...validateCriterion(c));
  }
  const known = (m: string) => codes.has(m) || m === SCORE_MEASURE;
  const conditions = [...rs.scope, ...rs.classRules.flatMap((r) => [...(r.all ?? []), ...(r.any ?? [])]), ...rs.rankBy.map((k) => ({ measure: k.measure, op: '=' as const, value: 0 }))];
  for (const c of conditions) {
    if (!known(c.measure)) problems.push(`Điều kiện dùng số liệu "${c.measure}" không có trong các tiêu chí của bộ quy tắc.`);
    if (!COMPARISONS.includes(c.op) || !Number.isFinite(c.value)) problems.push(`Điều kiện trên "${c.measure}" không hợp lệ.`);
  }
  for (const r of rs.classRules) {
    if (!EVALUATION_CLASSES.includes(r.class)) problems.push(`Xếp loại không hợp lệ: ${String(r.class)}.`);
    if (!r.ground.trim()) problems.push(`Quy tắc «${EVALUATION_CLASS_LABEL_VI[r.class] ?? r.class}» phải nêu căn cứ.`);
    if ((r.all ?? []).length === 0 && (r.any ?? []).length === 0) problems.push(`Quy tắc «${EVALUATION_CLASS_LABEL_VI[r.class] ?? r.class}» phải có ít nhất một điều kiện.`);
  }
  return problems;
}

export function assertRuleSet(rs: RuleSet): RuleSet {
  const problems = validateRuleSet(rs);
  if (problems.length > 0) throw new RuleError('invalid_rule_set', problems.join(' '), rs.code);
  return rs;
}

/** The rule set of a level in force on a date (latest validFrom wins). */
export function ruleSetInForce<T extends Pick<RuleSet, 'unitLevel' | 'validFrom' | 'validTo'>>(sets: readonly T[], level: UnitLevel, date: string): T | null {
  let best: T | null = null;
  for (const s of sets) {
    if (s.unitLevel !== level || !inForceOn(s.validFrom, s.validTo, date)) continue;
    if (!best || s.validFrom > best.validFrom) best = s;
  }
  return best;
}

const money = (code: string, name: string): Criterion => ({ code, name, weight: 0, direction: 'lower_better', unit: 'money', thresholds: { zero: 0, full: 0 } });
const shown = (code: string, name: string, unit: Criterion['unit'], direction: Criterion['direction']): Criterion => ({ code, name, weight: 0, direction, unit, thresholds: { zero: 0, full: 0 } });

/**
 * The grounds of Công văn 139/UBND-KSTTHC of 18/01/2023 (seed 000), as rules. Ghi nhận: "thực
 * hiện bảo đảm tiến độ, hoàn thành nhiệm vụ" — the unit's funded tasks were done and paid out.
 * Rút kinh nghiệm: "không giải ngân được, phải chuyển nguồn sang thực hiện trong năm 2023".
 * Phê bình: "1 số nhiệm vụ chưa có hồ sơ đề nghị phân bổ kinh phí, 1 số nhiệm vụ đã được phân
 * bổ sớm nhưng chậm trình hồ sơ dẫn đến bị huỷ nguồn". The letter rates the units with tasks in
 * the year's funded plan, so the scope is "at least one funded task". The order of the rules
 * (the harshest ground first) and the ordering within a class are Hải Đăng's reading.
 */
export const CV139_RULE_SET: RuleSet = {
  code: 'cv139-2022',
  name: 'Xếp loại theo kết quả thực hiện nhiệm vụ chuyển đổi số có kinh phí (căn cứ Công văn 139/UBND-KSTTHC)',
  unitLevel: 'city',
  criteria: [
    shown(MEASURE.fundedTasks, 'Nhiệm vụ được bố trí kinh phí', 'count', 'higher_better'),
    money(MEASURE.allocatedAmount, 'Kinh phí được phân bổ'),
    { ...money(MEASURE.disbursedAmount, 'Đã giải ngân'), direction: 'higher_better' },
    money(MEASURE.carriedOverAmount, 'Chuyển nguồn sang năm sau'),
    money(MEASURE.cancelledAmount, 'Huỷ nguồn'),
    shown(MEASURE.tasksWithoutDossier, 'Nhiệm vụ chưa có hồ sơ đề nghị phân bổ kinh phí', 'count', 'lower_better'),
    shown(MEASURE.disbursementRate, 'Tỷ lệ giải ngân trên kinh phí được phân bổ', 'percent', 'higher_better'),
    shown(MEASURE.onTimeRate, 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn', 'percent', 'higher_better'),
    shown(MEASURE.overdueTasks, 'Số nhiệm vụ quá hạn', 'count', 'lower_better'),
  ],
  scope: [{ measure: MEASURE.fundedTasks, op: '>=', value: 1 }],
  classRules: [
    {
      class: 'phe_binh',
      ground: 'nhiệm vụ chậm: có nhiệm vụ chưa có hồ sơ đề nghị phân bổ kinh phí hoặc kinh phí đã phân bổ bị huỷ nguồn',
      any: [
        { measure: MEASURE.cancelledAmount, op: '>', value: 0 },
        { measure: MEASURE.tasksWithoutDossier, op: '>', value: 0 },
      ],
    },
    {
      class: 'rut_kinh_nghiem',
      ground: 'không giải ngân được, phải chuyển nguồn sang năm sau',
      all: [{ measure: MEASURE.carriedOverAmount, op: '>', value: 0 }],
    },
    {
      class: 'ghi_nhan',
      ground: 'bảo đảm tiến độ, hoàn thành nhiệm vụ: kinh phí được phân bổ đã giải ngân, không chuyển nguồn, không huỷ nguồn',
      all: [{ measure: MEASURE.disbursedAmount, op: '>', value: 0 }],
    },
  ],
  rankBy: [
    { measure: MEASURE.disbursementRate, direction: 'higher_better' },
    { measure: MEASURE.onTimeRate, direction: 'higher_better' },
    { measure: MEASURE.overdueTasks, direction: 'lower_better' },
  ],
  source: 'Căn cứ xếp loại: Công văn số 139/UBND-KSTTHC ngày 18/01/2023 của UBND thành phố Hải Phòng (mục 1, 2, 3). Thứ tự áp dụng các quy tắc và thứ tự xếp hạng trong cùng loại do Hải Đăng đề xuất.',
  validFrom: '2022-01-01',
  validTo: null,
  sample: false,
};

/**
 * SAMPLE DATA: a rule set for communes and wards, scored on tasks and reports with score bands.
 * Weights and bands are invented (no decision of the city sets them): a province loads its own.
 */
export const SAMPLE_COMMUNE_RULE_SET: RuleSet = {
  code: 'mau-cap-xa',
  name: 'Bộ quy tắc mẫu đánh giá xã, phường, đặc khu (dữ liệu mẫu)',
  unitLevel: 'commune',
  criteria: [
    { code: MEASURE.onTimeRate, name: 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn', weight: 60, direction: 'higher_better', unit: 'percent', thresholds: { zero: 50, full: 100 } },
    { code: MEASURE.overdueTasks, name: 'Số nhiệm vụ quá hạn', weight: 20, direction: 'lower_better', unit: 'count', thresholds: { zero: 5, full: 0 } },
    { code: MEASURE.reportTimeliness, name: 'Tỷ lệ báo cáo đúng hạn', weight: 20, direction: 'higher_better', unit: 'percent', thresholds: { zero: 50, full: 100 } },
  ],
  scope: [],
  classRules: [
    { class: 'ghi_nhan', ground: 'đạt từ 80 điểm', all: [{ measure: SCORE_MEASURE, op: '>=', value: 80 }] },
    { class: 'phe_binh', ground: 'dưới 50 điểm', all: [{ measure: SCORE_MEASURE, op: '<', value: 50 }] },
    { class: 'rut_kinh_nghiem', ground: 'từ 50 đến dưới 80 điểm', all: [{ measure: SCORE_MEASURE, op: '>=', value: 50 }] },
  ],
  rankBy: [
    { measure: MEASURE.onTimeRate, direction: 'higher_better' },
    { measure: MEASURE.overdueTasks, direction: 'lower_better' },
  ],
  source: 'Dữ liệu mẫu: trọng số và ngưỡng do Hải Đăng đề xuất, không trích từ văn bản ban hành.',
  validFrom: '2025-07-01',
  validTo: null,
  sample: true,
};
