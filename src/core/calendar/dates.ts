import { RuleError } from '../errors';

/**
 * Calendar dates as ISO strings 'YYYY-MM-DD'. Arithmetic goes through a day number
 * (days since 1970-01-01, proleptic Gregorian, UTC) so no time zone or DST can shift a day.
 */

export type IsoDate = string;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MS_PER_DAY = 86_400_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    year >= 1 &&
    year <= 9999 &&
    Number.isInteger(month) &&
    month >= 1 &&
    month <= 12 &&
    Number.isInteger(day) &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a real calendar date written exactly as 'YYYY-MM-DD' (2024-02-31 is false). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  return validParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Parses 'YYYY-MM-DD' strictly; throws RuleError('invalid_iso_date') otherwise. */
export function parseIsoDate(s: string): DateParts {
  if (!isIsoDate(s)) {
    throw new RuleError(
      'invalid_iso_date',
      `Ngày không hợp lệ: "${String(s)}" (định dạng đúng là YYYY-MM-DD, ví dụ 2024-02-29).`,
      s,
    );
  }
  return { year: Number(s.slice(0, 4)), month: Number(s.slice(5, 7)), day: Number(s.slice(8, 10)) };
}

/** Throws unless `s` is a valid ISO date; returns it so callers can validate inline. */
export function assertIsoDate(s: string): IsoDate {
  parseIsoDate(s);
  return s;
}

export function formatIsoDate(parts: DateParts): IsoDate {
  const { year, month, day } = parts;
  if (!validParts(year, month, day)) {
    throw new RuleError(
      'invalid_iso_date',
      `Ngày không hợp lệ: ngày ${day} tháng ${month} năm ${year}.`,
      parts,
    );
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Parses the Vietnamese 'dd/mm/yyyy' form strictly (31/02/2024 is rejected). One-digit day
 * or month ('5/2/2026') is accepted because official documents write dates that way.
 */
export function parseVnDate(s: string): IsoDate {
  const m = typeof s === 'string' ? VN_RE.exec(s.trim()) : null;
  const year = m ? Number(m[3]) : NaN;
  const month = m ? Number(m[2]) : NaN;
  const day = m ? Number(m[1]) : NaN;
  if (!m || !validParts(year, month, day)) {
    throw new RuleError(
      'invalid_vn_date',
      `Ngày không hợp lệ: "${String(s)}" (định dạng đúng là dd/mm/yyyy, ví dụ 29/02/2024).`,
      s,
    );
  }
  return formatIsoDate({ year, month, day });
}

/**
 * Years a date from outside may have (a form, an imported file, a feed). Beyond them a date
 * is a typing slip (9999-12-31 as a deadline) or a broken export (0001-01-01, which
 * JavaScript's two-digit-year rule once turned into 1901).
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
export const YEAR_RANGE_MESSAGE = `năm phải trong khoảng ${MIN_YEAR}–${MAX_YEAR}`;

/** True for 'YYYY-MM-DD…' whose year is within MIN_YEAR–MAX_YEAR. */
export function isYearInRange(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return /^\d{4}-/.test(iso) && year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * The one reader of a calendar date that comes from outside: 'YYYY-MM-DD' or 'dd/mm/yyyy',
 * a real day, year within MIN_YEAR–MAX_YEAR. Answers the date or the Vietnamese reason.
 */
export function readDate(text: string): { date: IsoDate } | { problem: string } {
  const s = text.trim();
  let iso: string;
  if (isIsoDate(s)) iso = s;
  else {
    try {
      iso = parseVnDate(s);
    } catch {
      return { problem: `"${s}" không phải ngày hợp lệ (dạng dd/mm/yyyy)` };
    }
  }
  return isYearInRange(iso) ? { date: iso } : { problem: `"${s}": ${YEAR_RANGE_MESSAGE}` };
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'. */
export function formatVnDate(iso: IsoDate): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${String(year).padStart(4, '0')}`;
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(iso: IsoDate): number {
  const { year, month, day } = parseIsoDate(iso);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

export function fromDayNumber(n: number): IsoDate {
  if (!Number.isSafeInteger(n)) {
    throw new RuleError('invalid_argument', `Số ngày không hợp lệ: ${n}.`, n);
  }
  const d = new Date(n * MS_PER_DAY);
  return formatIsoDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) {
    throw new RuleError('invalid_argument', `Số ngày cộng thêm phải là số nguyên: ${n}.`, n);
  }
  return fromDayNumber(toDayNumber(iso) + n);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function dayOfWeek(iso: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(iso) + 4) % 7) + 7) % 7;
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

/** quarter 1–4 */
export function lastDayOfQuarter(year: number, quarter: number): IsoDate {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw new RuleError('invalid_argument', `Quý không hợp lệ: ${quarter} (phải từ 1 đến 4).`, quarter);
  }
  return lastDayOfMonth(year, quarter * 3);
}

export function lastDayOfYear(year: number): IsoDate {
  return formatIsoDate({ year, month: 12, day: 31 });
}

/** Same day `n` months later, clamped to the month's last day (31/01 + 1 → 28/02 or 29/02). */
export function addMonths(iso: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) {
    throw new RuleError('invalid_argument', `Số tháng cộng thêm phải là số nguyên: ${n}.`, n);
  }
  const { year, month, day } = parseIsoDate(iso);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}
