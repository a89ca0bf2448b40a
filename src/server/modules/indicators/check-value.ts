import { aggregate } from '../../../core/indicators/aggregate';
import { PERIOD_TYPE_LABELS, isPeriodKey, parsePeriodKey } from '../../../core/periods/period-key';
import { periodRange } from '../../../core/periods/period-range';
import type { IndicatorRow, UnitInfo } from './queries';

/** A value as a person, a file or another system sends it. */
export interface ValueInput {
  period: string;
  sourceAgency?: string | null;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  note?: string | null;
}

/** A checked value, ready for the fact table. */
export interface CheckedValue {
  indicatorId: string;
  unitId: string;
  provinceId: string;
  period: string;
  periodType: string;
  periodStart: string;
  periodEnd: string;
  sourceAgency: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
}

/** One problem, named by the field (API) or the column (import) it concerns. */
export interface ValueProblem {
  field: 'indicator' | 'unit' | 'period' | 'value' | 'numerator' | 'denominator' | 'sourceAgency';
  message: string;
}

const EXAMPLE_KEY: Record<string, string> = { month: '2022-M06', quarter: '2022-Q2', half: '2022-H1', nine_months: '2022-9M', year: '2022' };

const overlaps = (aStart: string, aEnd: string, bStart: string, bEnd: string | null) => aStart <= (bEnd ?? '9999-12-31') && bStart <= aEnd;

/**
 * The rules every value obeys, whichever way it arrives: the indicator takes values (not a
 * formula), the period has the indicator's periodicity, the unit and the indicator exist in
 * that period, and a ratio comes with its numerator and denominator (the rate is computed
 * here, so a rollup can add the parts instead of averaging percentages).
 */
export function checkValue(indicator: IndicatorRow, unit: UnitInfo, input: ValueInput): { value?: CheckedValue; problems: ValueProblem[] } {
  const problems: ValueProblem[] = [];
  if (indicator.kind === 'formula') {
    problems.push({ field: 'indicator', message: `Chỉ số ${indicator.code} được tính theo công thức (${indicator.formula}), không nhập trực tiếp` });
  }
  let range: { start: string; end: string } | undefined;
  if (!isPeriodKey(input.period)) {
    problems.push({ field: 'period', message: `Kỳ "${input.period}" không hợp lệ (ví dụ: ${EXAMPLE_KEY[indicator.periodicity]})` });
  } else if (parsePeriodKey(input.period).type !== indicator.periodicity) {
    problems.push({
      field: 'period',
      message: `Chỉ số ${indicator.code} báo cáo theo kỳ ${PERIOD_TYPE_LABELS[indicator.periodicity].toLowerCase()}; kỳ phải có dạng ${EXAMPLE_KEY[indicator.periodicity]}`,
    });
  } else {
    range = periodRange(input.period);
    if (!overlaps(range.start, range.end, indicator.valid_from, indicator.valid_to)) {
      problems.push({ field: 'period', message: `Chỉ số ${indicator.code} không có hiệu lực trong kỳ ${input.period}` });
    }
    if (!overlaps(range.start, range.end, unit.valid_from, unit.valid_to)) {
      problems.push({ field: 'unit', message: `${unit.name} không tồn tại trong kỳ ${input.period} (hiệu lực ${unit.valid_from} – ${unit.valid_to ?? 'nay'})` });
    }
  }

  const source = (input.sourceAgency ?? '').trim() || indicator.source_agency;
  if (source.length > 300) problems.push({ field: 'sourceAgency', message: 'Tên cơ quan nguồn quá dài (tối đa 300 ký tự)' });

  let value: number | null = null;
  let numerator: number | null = null;
  let denominator: number | null = null;
  const finite = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
  if (indicator.kind === 'ratio') {
    if (!finite(input.numerator)) problems.push({ field: 'numerator', message: `Chỉ số tỷ lệ cần tử số (${indicator.numerator_label ?? 'tử số'})` });
    if (!finite(input.denominator)) problems.push({ field: 'denominator', message: `Chỉ số tỷ lệ cần mẫu số (${indicator.denominator_label ?? 'mẫu số'})` });
    if (finite(input.numerator) && input.numerator < 0) problems.push({ field: 'numerator', message: 'Tử số không được âm' });
    if (finite(input.denominator) && input.denominator < 0) problems.push({ field: 'denominator', message: 'Mẫu số không được âm' });
    if (finite(input.numerator) && finite(input.denominator) && indicator.unit_of_measure === '%' && input.numerator > input.denominator) {
      problems.push({ field: 'numerator', message: `Tử số (${input.numerator}) không được lớn hơn mẫu số (${input.denominator})` });
    }
    if (problems.length === 0 && finite(input.numerator) && finite(input.denominator)) {
      numerator = input.numerator;
      denominator = input.denominator;
      value = aggregate('ratio', [{ period: input.period, value: null, numerator, denominator }], { ratioScale: indicator.ratio_scale }).value;
    }
  } else if (indicator.kind === 'raw') {
    if (!finite(input.value)) problems.push({ field: 'value', message: 'Chưa nhập giá trị (phải là số)' });
    else value = input.value;
    if (finite(input.numerator) || finite(input.denominator)) {
      problems.push({ field: 'numerator', message: `Chỉ số ${indicator.code} không phải chỉ số tỷ lệ: chỉ nhập giá trị, không nhập tử số, mẫu số` });
    }
  }
  if (problems.length > 0 || !range) return { problems };
  return {
    problems,
    value: {
      indicatorId: indicator.id,
      unitId: unit.id,
      provinceId: unit.province_id,
      period: input.period,
      periodType: indicator.periodicity,
      periodStart: range.start,
      periodEnd: range.end,
      sourceAgency: source,
      value,
      numerator,
      denominator,
      note: input.note?.trim() || null,
    },
  };
}
