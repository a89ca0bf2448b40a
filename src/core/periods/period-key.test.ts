import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RuleError } from '../errors';
import {
  PERIOD_TYPES,
  formatPeriodKey,
  isPeriodKey,
  parsePeriodKey,
  periodLabel,
  periodsPerYear,
  type Period,
} from './period-key';

describe('period keys', () => {
  it('parses each type', () => {
    expect(parsePeriodKey('2022-M07')).toEqual({ type: 'month', year: 2022, index: 7 });
    expect(parsePeriodKey('2022-Q3')).toEqual({ type: 'quarter', year: 2022, index: 3 });
    expect(parsePeriodKey('2022-H1')).toEqual({ type: 'half', year: 2022, index: 1 });
    expect(parsePeriodKey('2022-9M')).toEqual({ type: 'nine_months', year: 2022, index: 1 });
    expect(parsePeriodKey('2022')).toEqual({ type: 'year', year: 2022, index: 1 });
  });

  it('rejects malformed keys with a typed Vietnamese error', () => {
    for (const bad of ['2022-M7', '2022-M13', '2022-M00', '2022-Q5', '2022-H3', '2022-6M', '22', '2022-', 'abcd', '2022-q3', ' 2022']) {
      expect(isPeriodKey(bad), bad).toBe(false);
      expect(() => parsePeriodKey(bad)).toThrow(RuleError);
    }
    try {
      parsePeriodKey('2022-Q5');
    } catch (e) {
      expect((e as RuleError).code).toBe('invalid_period_key');
      expect((e as RuleError).message).toContain('Mã kỳ báo cáo không hợp lệ');
    }
  });

  it('round-trips format and parse', () => {
    const periodArb = fc
      .tuple(fc.constantFrom(...PERIOD_TYPES), fc.integer({ min: 1000, max: 9999 }), fc.nat())
      .map(([type, year, n]): Period => ({ type, year, index: (n % periodsPerYear(type)) + 1 }));
    fc.assert(
      fc.property(periodArb, (p) => {
        expect(parsePeriodKey(formatPeriodKey(p))).toEqual(p);
      }),
    );
  });

  it('refuses to format an impossible period', () => {
    expect(() => formatPeriodKey({ type: 'quarter', year: 2022, index: 5 })).toThrow(RuleError);
    expect(() => formatPeriodKey({ type: 'month', year: 22, index: 1 })).toThrow(RuleError);
  });

  it('labels periods as report titles do', () => {
    expect(periodLabel('2022-M07')).toBe('Tháng 7/2022');
    expect(periodLabel('2022-Q3')).toBe('Quý III/2022');
    expect(periodLabel('2022-H1')).toBe('6 tháng đầu năm 2022');
    expect(periodLabel('2022-9M')).toBe('9 tháng đầu năm 2022');
    expect(periodLabel('2022')).toBe('Năm 2022');
  });
});
