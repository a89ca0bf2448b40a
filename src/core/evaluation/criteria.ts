import { compareIsoDates } from '../calendar/dates';

/**
 * A criterion turns one measure a unit has (collected from the other capabilities' data, never
 * typed in) into a component of its evaluation: shown with its value, and, when it has a
 * weight, scored by a straight line between the value that earns nothing and the value that
 * earns full points, clamped. A weight of 0 shows the measure (an amount of money cancelled,
 * a count of tasks without a dossier) without scoring it: the class rules of the rule set
 * (rule-set.ts) may still decide on it.
 */

/** Measure codes the product computes from its data (server/modules/evaluation/collect.ts). */
export const MEASURE = {
  onTimeRate: 'on_time_rate',
  overdueTasks: 'overdue_tasks',
  reportTimeliness: 'report_timeliness',
  disbursementRate: 'disbursement_rate',
  indicatorAchievement: 'indicator_achievement',
  fundedTasks: 'funded_tasks',
  allocatedAmount: 'allocated_amount',
  disbursedAmount: 'disbursed_amount',
  carriedOverAmount: 'carried_over_amount',
  cancelledAmount: 'cancelled_amount',
  tasksWithoutDossier: 'tasks_without_dossier',
} as const;

export type MeasureCode = (typeof MEASURE)[keyof typeof MEASURE];
export const MEASURE_CODES: readonly MeasureCode[] = Object.values(MEASURE);

/** Not a collected measure: the weighted score itself, which class rules may test (score bands). */
export const SCORE_MEASURE = 'score';

export type Direction = 'higher_better' | 'lower_better';

/** How the raw value is written: percent (0–100), a count, or money in đồng. */
export type MeasureUnit = 'percent' | 'count' | 'money';

export interface Criterion {
  readonly code: string;
  readonly name: string;
  /** Points for a full score; 0 = shown, not scored. */
  readonly weight: number;
  readonly direction: Direction;
  readonly unit: MeasureUnit;
  /** Raw value earning 0 points and raw value earning full points (ignored when weight is 0). */
  readonly thresholds: { readonly zero: number; readonly full: number };
}

export type EvaluationClass = 'ghi_nhan' | 'rut_kinh_nghiem' | 'phe_binh';
export const EVALUATION_CLASSES: readonly EvaluationClass[] = ['ghi_nhan', 'rut_kinh_nghiem', 'phe_binh'];

export const EVALUATION_CLASS_LABEL_VI: Readonly<Record<EvaluationClass, string>> = {
  ghi_nhan: 'Ghi nhận',
  rut_kinh_nghiem: 'Rút kinh nghiệm',
  phe_binh: 'Phê bình',
};

/** Problems with a criterion, in Vietnamese; empty when usable. */
export function validateCriterion(c: Criterion): string[] {
  const problems: string[] = [];
  if (!(Number.isFinite(c.weight) && c.weight >= 0)) problems.push(`Tiêu chí «${c.name}»: trọng số phải là số không âm.`);
  if (c.weight === 0) return problems;
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

export const inForceOn = (validFrom: string, validTo: string | null | undefined, date: string): boolean =>
  compareIsoDates(validFrom, date) <= 0 && (validTo == null || compareIsoDates(date, validTo) <= 0);
