import { formatIsoDate, parseIsoDate } from '../calendar/dates';
import { parsePeriodKey, type PeriodType, type TilingPeriodType } from './period-key';
import { periodMonths, periodOf, type DateRange } from './period-range';

/**
 * Data cut-off windows (thời gian chốt số liệu) of NĐ 09/2019/NĐ-CP Điều 12: a period's data run
 * from the 15th of the month before its first month to the 14th of its last month.
 *   month  M: 15/(M−1) → 14/M
 *   quarter:  15th of the month before the quarter → 14th of its last month
 *   half:     H1 15/12 previous year → 14/6, H2 15/6 → 14/12
 *   9 months: 15/12 previous year → 14/9 (provincial practice)
 *   year:     15/12 previous year → 14/12
 * So data of 20/12/2022 belong to January, Q1, H1, 9M and year 2023.
 */
export const CUTOFF_DAY = 14;

function fifteenthBefore(year: number, month: number): string {
  return month === 1
    ? formatIsoDate({ year: year - 1, month: 12, day: CUTOFF_DAY + 1 })
    : formatIsoDate({ year, month: month - 1, day: CUTOFF_DAY + 1 });
}

export function cutoffWindow(key: string): DateRange {
  const period = parsePeriodKey(key);
  const { first, last } = periodMonths(period);
  return {
    start: fifteenthBefore(period.year, first),
    end: formatIsoDate({ year: period.year, month: last, day: CUTOFF_DAY }),
  };
}

/**
 * The period of `type` whose cut-off window contains `date`. For 'nine_months' a date from
 * 15/9 to 14/12 belongs to no window and gives null.
 */
export function cutoffPeriodOf(date: string, type: TilingPeriodType): string;
export function cutoffPeriodOf(date: string, type: PeriodType): string | null;
export function cutoffPeriodOf(date: string, type: PeriodType): string | null {
  const parts = parseIsoDate(date);
  // Shift to the "reporting month": from the 15th on, data count for the next month.
  let year = parts.year;
  let month = parts.month;
  if (parts.day > CUTOFF_DAY) {
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return periodOf(formatIsoDate({ year, month, day: 1 }), type);
}
