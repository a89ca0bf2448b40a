import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RuleError } from '../errors';
import { addDays, fromDayNumber, toDayNumber } from './dates';
import { VN_HOLIDAYS, holidaySet } from './holidays';
import { addWorkingDays, countWorkingDays, isWorkingDay } from './working-days';

const VN = holidaySet(VN_HOLIDAYS);
const NONE = holidaySet([]);

const dateArb = fc
  .integer({ min: toDayNumber('2017-06-01'), max: toDayNumber('2031-06-30') })
  .map(fromDayNumber);

describe('isWorkingDay', () => {
  it('is Monday to Friday outside holidays', () => {
    expect(isWorkingDay('2026-03-02', VN)).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07', VN)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', VN)).toBe(false); // Sunday
    expect(isWorkingDay('2026-02-17', VN)).toBe(false); // mùng 1 Tết
    expect(isWorkingDay('2026-02-17', NONE)).toBe(true);
    expect(isWorkingDay('2026-01-02', VN)).toBe(false); // hoán đổi
  });

  it('rejects a malformed date', () => {
    expect(() => isWorkingDay('2026-02-30', VN)).toThrow(RuleError);
  });
});

describe('addWorkingDays', () => {
  it('skips weekends and Tết', () => {
    // Friday 13/02/2026 + 1 working day: Tết runs 16–20/02, back at work Monday 23/02.
    expect(addWorkingDays('2026-02-13', 1, VN)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-13', 1, NONE)).toBe('2026-02-16');
    expect(addWorkingDays('2026-03-02', 5, VN)).toBe('2026-03-09');
  });

  it('n = 0 returns start on a working day, else the next working day', () => {
    expect(addWorkingDays('2026-03-02', 0, VN)).toBe('2026-03-02');
    expect(addWorkingDays('2026-02-14', 0, VN)).toBe('2026-02-23');
  });

  it('rejects a negative or fractional n and a bad date', () => {
    expect(() => addWorkingDays('2026-03-02', -1, VN)).toThrow(RuleError);
    expect(() => addWorkingDays('2026-03-02', 1.5, VN)).toThrow(RuleError);
    expect(() => addWorkingDays('02/03/2026', 1, VN)).toThrow(RuleError);
  });

  it('lands on a working day strictly after start when n ≥ 1', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const end = addWorkingDays(start, n, VN);
        expect(isWorkingDay(end, VN)).toBe(true);
        expect(toDayNumber(end)).toBeGreaterThan(toDayNumber(start));
      }),
    );
  });
});

describe('countWorkingDays', () => {
  it('counts the half-open interval (from, to]', () => {
    expect(countWorkingDays('2026-03-02', '2026-03-02', VN)).toBe(0);
    expect(countWorkingDays('2026-03-02', '2026-03-03', VN)).toBe(1);
    expect(countWorkingDays('2026-03-02', '2026-03-09', VN)).toBe(5);
    expect(countWorkingDays('2026-03-09', '2026-03-02', VN)).toBe(0);
    // February 2026: 20 weekdays, 5 of them Tết.
    expect(countWorkingDays('2026-01-31', '2026-02-28', VN)).toBe(15);
  });

  it('ignores holidays that fall on a weekend', () => {
    const weekendHoliday = holidaySet([{ date: '2026-03-07' }]);
    expect(countWorkingDays('2026-03-01', '2026-03-08', weekendHoliday)).toBe(5);
  });

  it('agrees with a day-by-day count', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -10, max: 400 }), (from, span) => {
        const to = addDays(from, span);
        let expected = 0;
        for (let i = 1; i <= span; i += 1) if (isWorkingDay(addDays(from, i), VN)) expected += 1;
        expect(countWorkingDays(from, to, VN)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('property: adding n working days then counting back gives n', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 250 }), (start, n) => {
        const end = addWorkingDays(start, n, VN);
        const offset = isWorkingDay(start, VN) || n > 0 ? 0 : 1;
        expect(countWorkingDays(start, end, VN)).toBe(n + offset);
      }),
    );
  });
});
