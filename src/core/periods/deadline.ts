import { addWorkingDays, isWorkingDay, type HolidaySet } from '../calendar/working-days';
import { compareIsoDates, daysInMonth, formatIsoDate } from '../calendar/dates';
import { cutoffWindow } from './cutoff';
import { RuleError } from '../errors';
import { parsePeriodKey } from './period-key';
import { periodMonths } from './period-range';

/**
 * When a periodic report is due, as data a regime stores:
 * - `working_days_after_cutoff`: the n-th working day after the cut-off day (Khánh Hòa
 *   QĐ 01/2023: 2 working days);
 * - `day_of_month`: a fixed day of the period's last month shifted by `monthOffset` months
 *   (NĐ 09/2019 Điều 13: provinces → Government by day 25 of the last month = { day: 25,
 *   monthOffset: 0 }). A day past the month's end means its last day.
 */
export type DeadlineRule =
  | { readonly kind: 'working_days_after_cutoff'; readonly days: number }
  | { readonly kind: 'day_of_month'; readonly day: number; readonly monthOffset: number };

function invalidRule(message: string, rule: unknown): RuleError {
  return new RuleError('invalid_deadline_rule', message, rule);
}

/** Throws unless the rule is well formed. */
export function assertDeadlineRule(rule: DeadlineRule): DeadlineRule {
  if (rule.kind === 'working_days_after_cutoff') {
    if (!Number.isSafeInteger(rule.days) || rule.days < 1) {
      throw invalidRule(
        `Thời hạn gửi báo cáo phải sau ngày chốt số liệu ít nhất 01 ngày làm việc (khoản 5 Điều 8 NĐ 09/2019); nhận được: ${rule.days} ngày.`,
        rule,
      );
    }
    return rule;
  }
  if (rule.kind === 'day_of_month') {
    if (!Number.isSafeInteger(rule.day) || rule.day < 1 || rule.day > 31) {
      throw invalidRule(`Ngày hạn gửi báo cáo phải từ 1 đến 31; nhận được: ${rule.day}.`, rule);
    }
    if (!Number.isSafeInteger(rule.monthOffset) || rule.monthOffset < 0 || rule.monthOffset > 12) {
      throw invalidRule(`Số tháng lùi hạn phải từ 0 đến 12; nhận được: ${rule.monthOffset}.`, rule);
    }
    return rule;
  }
  throw invalidRule(`Loại quy tắc thời hạn không hợp lệ: "${String((rule as { kind?: unknown }).kind)}".`, rule);
}

/**
 * Deadline of the report for period `key`. NĐ 09/2019 khoản 5 Điều 8 requires at least one
 * working day between cut-off and deadline: a `day_of_month` rule landing on or before the
 * cut-off day is rejected, and a deadline falling on a day off moves to the next working day
 * (Bộ luật Dân sự 2015 Điều 148: a time limit ending on a day off ends on the next working day),
 * which also guarantees the working day.
 */
export function reportDeadline(key: string, rule: DeadlineRule, holidays: HolidaySet): string {
  assertDeadlineRule(rule);
  const cutoffEnd = cutoffWindow(key).end;
  if (rule.kind === 'working_days_after_cutoff') return addWorkingDays(cutoffEnd, rule.days, holidays);

  const period = parsePeriodKey(key);
  const index = period.year * 12 + (periodMonths(period).last - 1) + rule.monthOffset;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const nominal = formatIsoDate({ year, month, day: Math.min(rule.day, daysInMonth(year, month)) });
  if (compareIsoDates(nominal, cutoffEnd) <= 0) {
    throw invalidRule(
      `Hạn gửi báo cáo (${nominal}) không sau ngày chốt số liệu (${cutoffEnd}) của kỳ ${key}; thời hạn phải sau ngày chốt ít nhất 01 ngày làm việc.`,
      rule,
    );
  }
  return isWorkingDay(nominal, holidays) ? nominal : addWorkingDays(nominal, 1, holidays);
}
