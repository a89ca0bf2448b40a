import { RuleError } from '../errors';
import { addDays, assertIsoDate, dayOfWeek, toDayNumber } from './dates';
import type { HolidaySet } from './holiday-set';

export type { HolidaySet } from './holiday-set';

/**
 * Working days for deadlines under NĐ 09/2019 and task rules: Monday–Friday, not a public
 * holiday, plus the Saturdays worked in exchange for a swapped day off (làm bù, e.g. 04/05/2024
 * for 29/04/2024). The holiday set is a parameter because administrators edit it: the days off
 * and the working Saturdays are announced yearly.
 */

const MAX_STEPS = 366 * 200;

export function isWorkingDay(date: string, holidays: HolidaySet): boolean {
  if (holidays.workingDays?.has(date)) return true;
  const dow = dayOfWeek(date);
  if (dow === 0 || dow === 6) return false;
  return !holidays.has(date);
}

function nonNegativeInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RuleError('invalid_argument', `${what} phải là số nguyên không âm, nhận được: ${n}.`, n);
  }
}

/**
 * The n-th working day after `start`. n = 0 returns `start` when it is a working day,
 * otherwise the next working day (a deadline "within 0 days" still has to land on a day the
 * office is open).
 */
export function addWorkingDays(start: string, n: number, holidays: HolidaySet): string {
  assertIsoDate(start);
  nonNegativeInteger(n, 'Số ngày làm việc');
  let current = start;
  let steps = 0;
  if (n === 0) {
    while (!isWorkingDay(current, holidays)) {
      current = addDays(current, 1);
      steps += 1;
      guard(steps);
    }
    return current;
  }
  let remaining = n;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, holidays)) remaining -= 1;
    steps += 1;
    guard(steps);
  }
  return current;
}

/** Working days in the half-open interval (from, to]; 0 when to ≤ from. */
export function countWorkingDays(from: string, to: string, holidays: HolidaySet): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b <= a) return 0;
  // Whole weeks contribute 5 weekdays each; only holidays on weekdays inside the range matter.
  const span = b - a;
  const weeks = Math.floor(span / 7);
  let weekdays = weeks * 5;
  let cursor = addDays(from, weeks * 7);
  for (let i = weeks * 7; i < span; i += 1) {
    cursor = addDays(cursor, 1);
    const dow = dayOfWeek(cursor);
    if (dow !== 0 && dow !== 6) weekdays += 1;
  }
  let holidaysOnWeekdays = 0;
  for (const h of holidays) {
    const d = toDayNumber(h);
    if (d <= a || d > b) continue;
    const dow = dayOfWeek(h);
    if (dow !== 0 && dow !== 6) holidaysOnWeekdays += 1;
  }
  let workedWeekendDays = 0;
  for (const w of holidays.workingDays ?? []) {
    const d = toDayNumber(w);
    if (d <= a || d > b || holidays.has(w)) continue;
    const dow = dayOfWeek(w);
    if (dow === 0 || dow === 6) workedWeekendDays += 1;
  }
  return weekdays - holidaysOnWeekdays + workedWeekendDays;
}

function guard(steps: number): void {
  if (steps > MAX_STEPS) {
    throw new RuleError(
      'invalid_argument',
      'Không tìm thấy ngày làm việc: danh sách ngày nghỉ phủ kín khoảng thời gian quá dài.',
    );
  }
}
