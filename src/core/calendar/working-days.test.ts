import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RuleError } from '../errors';
import { addDays, fromDayNumber, toDayNumber } from './dates';
import { MAKEUP_SATURDAYS, VN_HOLIDAYS, holidaySet } from './holidays';
const holidaySetOf = holidaySet;
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

describe('working Saturdays (làm bù) count as working days', () => {
  // 2024: 29/04 (Mon) off, Saturday 04/05 worked — CV 2450/VPCP-KGVX, TB 1570/TB-BLĐTBXH of 12/04/2024.
  // 2025: 02/05 (Fri) off, Saturday 26/04 worked — press report of the 2025 notice (see holidays.ts).
  const days = holidaySetOf([...VN_HOLIDAYS, ...MAKEUP_SATURDAYS]);

  it('a swapped Saturday is a working day, the swapped weekday is not', () => {
    expect(isWorkingDay('2024-05-04', days)).toBe(true);
    expect(isWorkingDay('2024-04-29', days)).toBe(false);
    expect(isWorkingDay('2025-04-26', days)).toBe(true);
    expect(isWorkingDay('2025-05-02', days)).toBe(false);
    expect(isWorkingDay('2024-05-11', days)).toBe(false);
  });

  it('a deadline lands on the working Saturday instead of a day later (2024 and 2025)', () => {
    // Friday 03/05/2024 + 1 working day = Saturday 04/05/2024 (worked), not Monday 06/05.
    expect(addWorkingDays('2024-05-03', 1, days)).toBe('2024-05-04');
    // Friday 25/04/2025 + 1 = Saturday 26/04/2025; + 2 = Monday 28/04; + 3 = Tuesday 29/04;
    // 30/04, 01/05 are holidays and 02/05 the swapped day off: + 4 = Monday 05/05/2025.
    expect(addWorkingDays('2025-04-25', 1, days)).toBe('2025-04-26');
    expect(addWorkingDays('2025-04-25', 4, days)).toBe('2025-05-05');
  });

  it('counts them in an interval, agreeing with stepping day by day', () => {
    // (26/04/2024, 06/05/2024]: Mon 29 off, Tue 30 and Wed 01 holidays; Thu 02, Fri 03, Sat 04 (worked), Mon 06.
    expect(countWorkingDays('2024-04-26', '2024-05-06', days)).toBe(4);
    // (24/04/2025, 05/05/2025]: Fri 25, Sat 26 (worked), Mon 28, Tue 29, Mon 05.
    expect(countWorkingDays('2025-04-24', '2025-05-05', days)).toBe(5);
    for (const [from, n] of [['2024-04-20', 12], ['2025-04-20', 9]] as const) {
      expect(countWorkingDays(from, addWorkingDays(from, n, days), days)).toBe(n);
    }
  });
});
