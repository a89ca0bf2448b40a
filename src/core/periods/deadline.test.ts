import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VN_HOLIDAYS, holidaySet } from '../calendar/holidays';
import { countWorkingDays, isWorkingDay } from '../calendar/working-days';
import { cutoffWindow } from './cutoff';
import { reportDeadline, type DeadlineRule } from './deadline';
import { RuleError } from '../errors';
import { PERIOD_TYPES, formatPeriodKey, periodsPerYear, type Period } from './period-key';

const VN = holidaySet(VN_HOLIDAYS);

const periodArb = fc
  .tuple(fc.constantFrom(...PERIOD_TYPES), fc.integer({ min: 2018, max: 2030 }), fc.nat())
  .map(([type, year, n]): Period => ({ type, year, index: (n % periodsPerYear(type)) + 1 }))
  .map(formatPeriodKey);

const ruleArb: fc.Arbitrary<DeadlineRule> = fc.oneof(
  fc.integer({ min: 1, max: 20 }).map((days) => ({ kind: 'working_days_after_cutoff' as const, days })),
  fc
    .tuple(fc.integer({ min: 15, max: 31 }), fc.integer({ min: 0, max: 2 }))
    .map(([day, monthOffset]) => ({ kind: 'day_of_month' as const, day, monthOffset })),
  fc
    .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 2 }))
    .map(([day, monthOffset]) => ({ kind: 'day_of_month' as const, day, monthOffset })),
);

describe('reportDeadline', () => {
  it('counts working days after the cut-off day', () => {
    // Cut-off of January 2026 is Wednesday 14/01; 2 working days later is Friday 16/01.
    expect(reportDeadline('2026-M01', { kind: 'working_days_after_cutoff', days: 2 }, VN)).toBe('2026-01-16');
    // Cut-off of February 2026 is Saturday 14/02, then Tết 16–20/02: first working day 23/02.
    expect(reportDeadline('2026-M02', { kind: 'working_days_after_cutoff', days: 1 }, VN)).toBe('2026-02-23');
  });

  it('uses a fixed day of the last month (NĐ 09/2019 Điều 13: day 25)', () => {
    expect(reportDeadline('2022-Q3', { kind: 'day_of_month', day: 25, monthOffset: 0 }, VN)).toBe('2022-09-26'); // 25/09/2022 is a Sunday
    expect(reportDeadline('2022', { kind: 'day_of_month', day: 10, monthOffset: 1 }, VN)).toBe('2023-01-10');
    expect(reportDeadline('2023-M02', { kind: 'day_of_month', day: 31, monthOffset: 0 }, VN)).toBe('2023-02-28');
  });

  it('rejects a rule that leaves no working day after cut-off', () => {
    expect(() => reportDeadline('2022-M07', { kind: 'working_days_after_cutoff', days: 0 }, VN)).toThrow(RuleError);
    expect(() => reportDeadline('2022-M07', { kind: 'day_of_month', day: 14, monthOffset: 0 }, VN)).toThrow(
      /ít nhất 01 ngày làm việc/,
    );
    expect(() => reportDeadline('2022-M07', { kind: 'day_of_month', day: 0, monthOffset: 0 }, VN)).toThrow(RuleError);
    expect(() => reportDeadline('2022-M07', { kind: 'day_of_month', day: 20, monthOffset: -1 }, VN)).toThrow(RuleError);
    expect(() => reportDeadline('2022-M07', { kind: 'working_days_after_cutoff', days: 1.5 }, VN)).toThrow(RuleError);
  });

  it('property: the deadline is a working day at least one working day after cut-off', () => {
    fc.assert(
      fc.property(periodArb, ruleArb, (key, rule) => {
        const deadline = reportDeadline(key, rule, VN);
        expect(isWorkingDay(deadline, VN)).toBe(true);
        expect(countWorkingDays(cutoffWindow(key).end, deadline, VN)).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});
