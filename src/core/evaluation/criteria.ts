import { compareIsoDates } from '../calendar/dates';

/**
 * Evaluation criteria are data with effective dates, like every rule the province may change
 * (Hà Nội QĐ 5279/2025 has 34 components for departments; a new set is new rows). A criterion
 * turns a raw measure into a score in [0, 1] by a straight line between the value that earns
 * nothing and the value that earns full points, clamped, then weights it in points.
 */

/** Measure codes the product computes; a province may add its own codes as data. */
export const MEASURE = {
  onTimeRate: 'on_time_rate',
  overdueTasks: 'overdue_tasks',
  reportTimeliness: 'report_timeliness',
  disbursementRate: 'disbursement_rate',
  indicatorAchievement: 'indicator_achievement',
} as const;

export type Direction = 'higher_better' | 'lower_better';

/** How the raw value is written: percent (0–100) or a count. */
export type MeasureUnit = 'percent' | 'count';

export interface Criterion {
  readonly code: string;
  readonly name: string;
  /** Points for a full score; the scale is the sum of weights (100 in the sample set). */
  readonly weight: number;
  readonly direction: Direction;
  readonly unit: MeasureUnit;
  /** Raw value earning 0 points and raw value earning full points. */
  readonly thresholds: { readonly zero: number; readonly full: number };
  readonly validFrom: string;
  readonly validTo?: string | null;
}

export type EvaluationClass = 'ghi_nhan' | 'rut_kinh_nghiem' | 'phe_binh';

export const EVALUATION_CLASS_LABEL_VI: Readonly<Record<EvaluationClass, string>> = {
  ghi_nhan: 'Ghi nhận',
  rut_kinh_nghiem: 'Rút kinh nghiệm',
  phe_binh: 'Phê bình',
};

/** On the 0–100 score: ≥ ghiNhanFrom → ghi nhận; < pheBinhBelow → phê bình; else rút kinh nghiệm. */
export interface ClassThresholds {
  readonly ghiNhanFrom: number;
  readonly pheBinhBelow: number;
}

/** SAMPLE DATA for the demo: weights and thresholds are invented, not taken from a decision. */
export const SAMPLE_CRITERIA: readonly Criterion[] = [
  {
    code: MEASURE.onTimeRate,
    name: 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn',
    weight: 30,
    direction: 'higher_better',
    unit: 'percent',
    thresholds: { zero: 50, full: 100 },
    validFrom: '2022-01-01',
  },
  {
    code: MEASURE.overdueTasks,
    name: 'Số nhiệm vụ quá hạn',
    weight: 20,
    direction: 'lower_better',
    unit: 'count',
    thresholds: { zero: 5, full: 0 },
    validFrom: '2022-01-01',
  },
  {
    code: MEASURE.reportTimeliness,
    name: 'Tỷ lệ báo cáo đúng hạn',
    weight: 15,
    direction: 'higher_better',
    unit: 'percent',
    thresholds: { zero: 50, full: 100 },
    validFrom: '2022-01-01',
  },
  {
    code: MEASURE.disbursementRate,
    name: 'Tỷ lệ giải ngân',
    weight: 25,
    direction: 'higher_better',
    unit: 'percent',
    thresholds: { zero: 0, full: 90 },
    validFrom: '2022-01-01',
  },
  {
    code: MEASURE.indicatorAchievement,
    name: 'Tỷ lệ chỉ tiêu đạt kế hoạch',
    weight: 10,
    direction: 'higher_better',
    unit: 'percent',
    thresholds: { zero: 0, full: 100 },
    validFrom: '2022-01-01',
  },
];

/** SAMPLE DATA, as above. */
export const SAMPLE_CLASS_THRESHOLDS: ClassThresholds = { ghiNhanFrom: 80, pheBinhBelow: 50 };

/** Per code, the version in force on `date` (latest validFrom wins). */
export function criteriaInForce(criteria: readonly Criterion[], date: string): Criterion[] {
  const byCode = new Map<string, Criterion>();
  for (const c of criteria) {
    if (compareIsoDates(c.validFrom, date) > 0) continue;
    if (c.validTo != null && compareIsoDates(date, c.validTo) > 0) continue;
    const seen = byCode.get(c.code);
    if (!seen || compareIsoDates(c.validFrom, seen.validFrom) > 0) byCode.set(c.code, c);
  }
  return [...byCode.values()];
}

/** Problems with a criterion, in Vietnamese; empty when usable. */
export function validateCriterion(c: Criterion): string[] {
  const problems: string[] = [];
  if (!(Number.isFinite(c.weight) && c.weight > 0)) problems.push(`Tiêu chí «${c.name}»: trọng số phải lớn hơn 0.`);
  const { zero, full } = c.thresholds;
  if (!Number.isFinite(zero) || !Number.isFinite(full)) problems.push(`Tiêu chí «${c.name}»: ngưỡng phải là số.`);
  else if (c.direction === 'higher_better' ? full <= zero : full >= zero) {
    const side = c.direction === 'higher_better' ? 'lớn' : 'nhỏ';
    problems.push(`Tiêu chí «${c.name}»: ngưỡng đạt điểm tối đa phải ${side} hơn ngưỡng 0 điểm.`);
  }
  return problems;
}

/** Score in [0, 1] of a raw value. */
export function normalise(c: Criterion, raw: number): number {
  const { zero, full } = c.thresholds;
  const t = (raw - zero) / (full - zero);
  return Math.min(1, Math.max(0, t));
}
