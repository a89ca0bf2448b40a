import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RuleError } from '../errors';
import {
  addDays,
  addMonths,
  dayOfWeek,
  diffDays,
  formatVnDate,
  fromDayNumber,
  isIsoDate,
  lastDayOfMonth,
  lastDayOfQuarter,
  lastDayOfYear,
  parseIsoDate,
  parseVnDate,
  toDayNumber,
} from './dates';

describe('ISO dates', () => {
  it('accepts real dates and rejects impossible or loosely written ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-02-31')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-00-10')).toBe(false);
    expect(isIsoDate('2024-1-05')).toBe(false);
    expect(isIsoDate('2024-01-05T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2024-01-05')).toBe(false);
    expect(isIsoDate(20240105)).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('throws a typed error with a Vietnamese message', () => {
    expect(() => parseIsoDate('2024-02-31')).toThrow(RuleError);
    try {
      parseIsoDate('2024-02-31');
    } catch (e) {
      expect((e as RuleError).code).toBe('invalid_iso_date');
      expect((e as RuleError).message).toContain('Ngày không hợp lệ');
    }
  });

  it('knows the last day of month, quarter and year', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2025, 2)).toBe('2025-02-28');
    expect(lastDayOfMonth(2025, 4)).toBe('2025-04-30');
    expect(lastDayOfQuarter(2025, 1)).toBe('2025-03-31');
    expect(lastDayOfQuarter(2025, 3)).toBe('2025-09-30');
    expect(lastDayOfYear(2025)).toBe('2025-12-31');
    expect(() => lastDayOfQuarter(2025, 5)).toThrow(RuleError);
  });

  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(diffDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RuleError);
  });

  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
  });

  it('knows the day of the week', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2026-02-17')).toBe(2);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });

  it('round-trips day numbers and agrees with Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const iso = fromDayNumber(n);
        expect(isIsoDate(iso)).toBe(true);
        expect(toDayNumber(iso)).toBe(n);
        expect(dayOfWeek(iso)).toBe(new Date(n * 86_400_000).getUTCDay());
      }),
    );
  });
});

describe('Vietnamese dd/mm/yyyy dates', () => {
  it('parses strictly', () => {
    expect(parseVnDate('29/02/2024')).toBe('2024-02-29');
    expect(parseVnDate('5/2/2026')).toBe('2026-02-05');
    expect(() => parseVnDate('31/02/2024')).toThrow(RuleError);
    expect(() => parseVnDate('29/02/2023')).toThrow(RuleError);
    expect(() => parseVnDate('2024-02-10')).toThrow(RuleError);
    expect(() => parseVnDate('10/13/2024')).toThrow(RuleError);
    expect(() => parseVnDate('10/02/24')).toThrow(RuleError);
    try {
      parseVnDate('31/02/2024');
    } catch (e) {
      expect((e as RuleError).code).toBe('invalid_vn_date');
      expect((e as RuleError).message).toContain('dd/mm/yyyy');
    }
  });

  it('formats and round-trips', () => {
    expect(formatVnDate('2026-02-05')).toBe('05/02/2026');
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        const iso = fromDayNumber(n);
        expect(parseVnDate(formatVnDate(iso))).toBe(iso);
      }),
    );
  });
});
