import { addDays, addMonths, assertIsoDate, compareIsoDates } from '../calendar/dates';
import { type HolidaySet, addWorkingDays } from '../calendar/working-days';

/** Recurrences written in directives: "hằng tuần", "định kỳ 02 tuần/lần", "hằng tháng" … */
export type Recurrence = 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'annual';

export const RECURRENCES: readonly Recurrence[] = ['weekly', 'biweekly', 'monthly', 'quarterly', 'annual'];

export const RECURRENCE_LABEL_VI: Readonly<Record<Recurrence, string>> = {
  weekly: 'Hằng tuần',
  biweekly: 'Định kỳ 02 tuần/lần',
  monthly: 'Hằng tháng',
  quarterly: 'Hằng quý',
  annual: 'Hằng năm',
};

export function isRecurrence(s: unknown): s is Recurrence {
  return typeof s === 'string' && (RECURRENCES as readonly string[]).includes(s);
}

/** The k-th occurrence after `start` (k = 0 is start itself). */
export function nthOccurrence(recurrence: Recurrence, start: string, k: number): string {
  switch (recurrence) {
    case 'weekly':
      return addDays(start, 7 * k);
    case 'biweekly':
      return addDays(start, 14 * k);
    // Always from the start, never from the previous occurrence: 31/01 → 29/02 → 31/03, not 29/03.
    case 'monthly':
      return addMonths(start, k);
    case 'quarterly':
      return addMonths(start, 3 * k);
    case 'annual':
      return addMonths(start, 12 * k);
  }
}

export interface OccurrenceOptions {
  /** When given, an occurrence on a weekend or holiday moves to the next working day. */
  readonly holidays?: HolidaySet;
}

/**
 * Every occurrence from `start` through `end` inclusive (nominal dates decide what is in range).
 * Moving to working days can make two nominal dates land on one day (Tết); they merge.
 */
export function occurrences(
  recurrence: Recurrence,
  start: string,
  end: string,
  options: OccurrenceOptions = {},
): string[] {
  assertIsoDate(start);
  assertIsoDate(end);
  const out: string[] = [];
  for (let k = 0; ; k += 1) {
    const nominal = nthOccurrence(recurrence, start, k);
    if (compareIsoDates(nominal, end) > 0) break;
    const date = options.holidays ? addWorkingDays(nominal, 0, options.holidays) : nominal;
    if (out[out.length - 1] !== date) out.push(date);
  }
  return out;
}

/** The first nominal occurrence on or after `date`, for "what is due next". */
export function nextOccurrence(recurrence: Recurrence, start: string, date: string): string {
  assertIsoDate(start);
  assertIsoDate(date);
  for (let k = 0; ; k += 1) {
    const nominal = nthOccurrence(recurrence, start, k);
    if (compareIsoDates(nominal, date) >= 0) return nominal;
  }
}
