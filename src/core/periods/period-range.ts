import { formatIsoDate, lastDayOfMonth, parseIsoDate } from '../calendar/dates';
import {
  formatPeriodKey,
  parsePeriodKey,
  periodsPerYear,
  type Period,
  type PeriodType,
  type TilingPeriodType,
} from './period-key';

export interface DateRange {
  /** first day, inclusive, ISO date */
  readonly start: string;
  /** last day, inclusive, ISO date */
  readonly end: string;
}

/** First and last calendar month (1–12) of a period. */
export function periodMonths(period: Period): { readonly first: number; readonly last: number } {
  switch (period.type) {
    case 'month':
      return { first: period.index, last: period.index };
    case 'quarter':
      return { first: period.index * 3 - 2, last: period.index * 3 };
    case 'half':
      return { first: period.index * 6 - 5, last: period.index * 6 };
    case 'nine_months':
      return { first: 1, last: 9 };
    case 'year':
      return { first: 1, last: 12 };
  }
}

/** Calendar start and end of a period: `2022-Q3` → 2022-07-01 … 2022-09-30. */
export function periodRange(key: string): DateRange {
  const period = parsePeriodKey(key);
  const { first, last } = periodMonths(period);
  return {
    start: formatIsoDate({ year: period.year, month: first, day: 1 }),
    end: lastDayOfMonth(period.year, last),
  };
}

/**
 * Periods of `type` lying inside `key`, in order: the months of a quarter, the quarters of a
 * year, the months of the first nine months… Empty when `type` is coarser than `key`.
 */
export function periodsWithin(key: string, type: PeriodType): string[] {
  const outer = parsePeriodKey(key);
  const { first, last } = periodMonths(outer);
  const out: string[] = [];
  for (let index = 1; index <= periodsPerYear(type); index += 1) {
    const inner: Period = { type, year: outer.year, index };
    const months = periodMonths(inner);
    if (months.first >= first && months.last <= last) out.push(formatPeriodKey(inner));
  }
  return out;
}

/**
 * The calendar period of `type` containing `date`. Nine months covers January–September only,
 * so for 'nine_months' a date in October–December gives null.
 */
export function periodOf(date: string, type: TilingPeriodType): string;
export function periodOf(date: string, type: PeriodType): string | null;
export function periodOf(date: string, type: PeriodType): string | null {
  const { year, month } = parseIsoDate(date);
  switch (type) {
    case 'month':
      return formatPeriodKey({ type, year, index: month });
    case 'quarter':
      return formatPeriodKey({ type, year, index: Math.ceil(month / 3) });
    case 'half':
      return formatPeriodKey({ type, year, index: month <= 6 ? 1 : 2 });
    case 'nine_months':
      return month <= 9 ? formatPeriodKey({ type, year, index: 1 }) : null;
    case 'year':
      return formatPeriodKey({ type, year, index: 1 });
  }
}

/** Sort key for period keys of any type: by end date, then longer period first. */
export function comparePeriodKeys(a: string, b: string): number {
  const ra = periodRange(a);
  const rb = periodRange(b);
  if (ra.end !== rb.end) return ra.end < rb.end ? -1 : 1;
  if (ra.start !== rb.start) return ra.start < rb.start ? -1 : 1;
  return 0;
}
