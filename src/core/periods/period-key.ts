import { RuleError } from '../errors';

/**
 * Reporting periods of NĐ 09/2019 (tháng, quý, 6 tháng, năm) plus the 9-month period many
 * provinces add. Keys are short, sortable within a type, and safe in URLs and SQL:
 *   month `2022-M07`, quarter `2022-Q3`, half `2022-H1` / `2022-H2`, nine months `2022-9M`,
 *   year `2022`.
 */
export type PeriodType = 'month' | 'quarter' | 'half' | 'nine_months' | 'year';

/** Period types that tile the year, so every date belongs to exactly one period. */
export type TilingPeriodType = Exclude<PeriodType, 'nine_months'>;

export const PERIOD_TYPES: readonly PeriodType[] = ['month', 'quarter', 'half', 'nine_months', 'year'];

export const PERIOD_TYPE_LABELS: Readonly<Record<PeriodType, string>> = {
  month: 'Tháng',
  quarter: 'Quý',
  half: '6 tháng',
  nine_months: '9 tháng',
  year: 'Năm',
};

export interface Period {
  readonly type: PeriodType;
  readonly year: number;
  /** month 1–12, quarter 1–4, half 1–2; 1 for nine_months and year */
  readonly index: number;
}

const KEY_RE = /^(\d{4})(?:-(?:M(\d{2})|Q([1-4])|H([12])|(9M)))?$/;

/** How many periods of a type a year has. */
export function periodsPerYear(type: PeriodType): number {
  switch (type) {
    case 'month':
      return 12;
    case 'quarter':
      return 4;
    case 'half':
      return 2;
    case 'nine_months':
    case 'year':
      return 1;
  }
}

export function isPeriodType(s: unknown): s is PeriodType {
  return typeof s === 'string' && (PERIOD_TYPES as readonly string[]).includes(s);
}

export function assertPeriodType(s: unknown): PeriodType {
  if (!isPeriodType(s)) {
    throw new RuleError(
      'invalid_period_type',
      `Loại kỳ báo cáo không hợp lệ: "${String(s)}" (chỉ nhận: ${PERIOD_TYPES.join(', ')}).`,
      s,
    );
  }
  return s;
}

function invalidKey(key: unknown): RuleError {
  return new RuleError(
    'invalid_period_key',
    `Mã kỳ báo cáo không hợp lệ: "${String(key)}" (ví dụ đúng: 2022-M07, 2022-Q3, 2022-H1, 2022-9M, 2022).`,
    key,
  );
}

export function parsePeriodKey(key: string): Period {
  const m = typeof key === 'string' ? KEY_RE.exec(key) : null;
  if (!m) throw invalidKey(key);
  const year = Number(m[1]);
  if (year < 1000) throw invalidKey(key);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) throw invalidKey(key);
    return { type: 'month', year, index: month };
  }
  if (m[3] !== undefined) return { type: 'quarter', year, index: Number(m[3]) };
  if (m[4] !== undefined) return { type: 'half', year, index: Number(m[4]) };
  if (m[5] !== undefined) return { type: 'nine_months', year, index: 1 };
  return { type: 'year', year, index: 1 };
}

export function isPeriodKey(key: unknown): key is string {
  if (typeof key !== 'string') return false;
  try {
    parsePeriodKey(key);
    return true;
  } catch {
    return false;
  }
}

export function formatPeriodKey(period: Period): string {
  const { type, year, index } = period;
  const validYear = Number.isInteger(year) && year >= 1000 && year <= 9999;
  const validIndex = Number.isInteger(index) && index >= 1 && index <= periodsPerYear(assertPeriodType(type));
  if (!validYear || !validIndex) throw invalidKey(`${type} ${year} ${index}`);
  switch (type) {
    case 'month':
      return `${year}-M${String(index).padStart(2, '0')}`;
    case 'quarter':
      return `${year}-Q${index}`;
    case 'half':
      return `${year}-H${index}`;
    case 'nine_months':
      return `${year}-9M`;
    case 'year':
      return String(year);
  }
}

/** Vietnamese label as written in report titles: "Tháng 7/2022", "Quý III/2022", "6 tháng đầu năm 2022". */
export function periodLabel(key: string): string {
  const { type, year, index } = parsePeriodKey(key);
  switch (type) {
    case 'month':
      return `Tháng ${index}/${year}`;
    case 'quarter':
      return `Quý ${['I', 'II', 'III', 'IV'][index - 1] ?? index}/${year}`;
    case 'half':
      return index === 1 ? `6 tháng đầu năm ${year}` : `6 tháng cuối năm ${year}`;
    case 'nine_months':
      return `9 tháng đầu năm ${year}`;
    case 'year':
      return `Năm ${year}`;
  }
}
