import { comparePeriodKeys } from '../periods/period-range';
import { RuleError } from '../errors';

/**
 * How an indicator's values of short periods roll up into a longer period (months → quarter)
 * or sub-units into a parent unit:
 * - sum:   counts and money (dossiers received, đồng disbursed);
 * - ratio: rates — Σ numerators / Σ denominators. Averaging monthly percentages is wrong
 *          whenever the months have different denominators, so a ratio value without its parts
 *          is refused rather than averaged;
 * - mean:  values that are already averages of comparable things (DTI scores of merged units);
 * - last:  stock values (number of systems in operation at period end): the latest period's value.
 * A null value means "not reported" and is skipped; `count` says how many values were used.
 */
export type AggregationRule = 'sum' | 'ratio' | 'mean' | 'last';

export const AGGREGATION_RULES: readonly AggregationRule[] = ['sum', 'ratio', 'mean', 'last'];

export interface PeriodValue {
  readonly period: string;
  readonly value: number | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
}

export interface AggregateResult {
  readonly value: number | null;
  readonly numerator?: number;
  readonly denominator?: number;
  readonly count: number;
  /** for 'last': the period whose value was taken */
  readonly period?: string;
}

export interface AggregateOptions {
  /** ratio value = Σnum / Σden × ratioScale; 100 gives percent (default), 1 a fraction */
  readonly ratioScale?: number;
}

function checkFinite(n: number, what: string, period: string): void {
  if (!Number.isFinite(n)) {
    throw new RuleError('invalid_value', `${what} của kỳ ${period} không phải là số hợp lệ: ${n}.`, { period, n });
  }
}

function present(n: number | null | undefined): n is number {
  return n !== null && n !== undefined;
}

export function aggregate(
  rule: AggregationRule,
  values: ReadonlyArray<PeriodValue>,
  options: AggregateOptions = {},
): AggregateResult {
  switch (rule) {
    case 'sum':
    case 'mean': {
      let total = 0;
      let count = 0;
      for (const v of values) {
        if (!present(v.value)) continue;
        checkFinite(v.value, 'Giá trị', v.period);
        total += v.value;
        count += 1;
      }
      if (count === 0) return { value: null, count };
      return { value: rule === 'sum' ? total : total / count, count };
    }
    case 'last': {
      let best: PeriodValue | undefined;
      for (const v of values) {
        if (!present(v.value)) continue;
        checkFinite(v.value, 'Giá trị', v.period);
        if (best === undefined || comparePeriodKeys(v.period, best.period) >= 0) best = v;
      }
      const count = values.filter((v) => present(v.value)).length;
      if (best === undefined) return { value: null, count };
      return { value: best.value, count, period: best.period };
    }
    case 'ratio':
      return aggregateRatio(values, options.ratioScale ?? 100);
    default:
      throw new RuleError('invalid_value', `Quy tắc tổng hợp không hợp lệ: "${String(rule)}".`, rule);
  }
}

function aggregateRatio(values: ReadonlyArray<PeriodValue>, scale: number): AggregateResult {
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new RuleError('invalid_value', `Hệ số quy đổi tỷ lệ phải là số dương: ${scale}.`, scale);
  }
  let numerator = 0;
  let denominator = 0;
  let count = 0;
  for (const v of values) {
    const hasNum = present(v.numerator);
    const hasDen = present(v.denominator);
    if (!hasNum && !hasDen) {
      if (present(v.value)) {
        throw new RuleError(
          'ratio_needs_parts',
          `Chỉ tiêu tỷ lệ kỳ ${v.period} chỉ có giá trị phần trăm, thiếu tử số và mẫu số: không thể cộng dồn (không lấy trung bình các tỷ lệ).`,
          v,
        );
      }
      continue;
    }
    if (!hasNum || !hasDen) {
      throw new RuleError(
        'ratio_needs_parts',
        `Chỉ tiêu tỷ lệ kỳ ${v.period} phải có đủ cả tử số và mẫu số.`,
        v,
      );
    }
    checkFinite(v.numerator, 'Tử số', v.period);
    checkFinite(v.denominator, 'Mẫu số', v.period);
    if (v.denominator < 0) {
      throw new RuleError('invalid_value', `Mẫu số của kỳ ${v.period} không được âm: ${v.denominator}.`, v);
    }
    numerator += v.numerator;
    denominator += v.denominator;
    count += 1;
  }
  if (count === 0) return { value: null, count };
  // Nothing to divide by (no dossier to handle): the rate is undefined, not 0 % or 100 %.
  const value = denominator === 0 ? null : (numerator / denominator) * scale;
  return { value, numerator, denominator, count };
}
