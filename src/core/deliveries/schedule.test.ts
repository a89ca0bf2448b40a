import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/dates';
import { duePeriod, periodLabelVi } from './schedule';

describe('duePeriod', () => {
  it('daily: every day is its own period', () => {
    expect(duePeriod('daily', 1, '2026-11-20')).toBe('2026-11-20');
  });

  it('weekly: due from the chosen weekday to Sunday, keyed by the Monday', () => {
    // 20/11/2026 is a Friday (ISO 5).
    expect(duePeriod('weekly', 1, '2026-11-20')).toBe('week-2026-11-16');
    expect(duePeriod('weekly', 5, '2026-11-20')).toBe('week-2026-11-16');
    expect(duePeriod('weekly', 6, '2026-11-20')).toBeNull();
    expect(duePeriod('weekly', 6, '2026-11-22')).toBe('week-2026-11-16');
    expect(duePeriod('weekly', 1, '2026-11-23')).toBe('week-2026-11-23');
  });

  it('monthly: due from the chosen day to the end of the month', () => {
    expect(duePeriod('monthly', 1, '2026-11-01')).toBe('2026-11');
    expect(duePeriod('monthly', 21, '2026-11-20')).toBeNull();
    expect(duePeriod('monthly', 20, '2026-11-30')).toBe('2026-11');
  });

  it('a week owes one period whatever day of it is asked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 7 }), (n, day) => {
        const monday = addDays('2020-01-06', n * 7);
        const keys = new Set(Array.from({ length: 7 }, (_, i) => duePeriod('weekly', day, addDays(monday, i))).filter((k) => k !== null));
        expect([...keys]).toEqual([`week-${monday}`]);
      }),
    );
  });

  it('names the period in Vietnamese', () => {
    expect(periodLabelVi('2026-11')).toBe('tháng 11/2026');
    expect(periodLabelVi('week-2026-11-16')).toBe('tuần từ 16/11/2026');
    expect(periodLabelVi('2026-11-20')).toBe('ngày 20/11/2026');
  });
});
