import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, percentOf, roundHalfAway } from './number';

describe('one rounding rule: half away from zero at the displayed precision', () => {
  it('rounds halves away from zero, including the ones binary floats get wrong', () => {
    expect(roundHalfAway(2.5)).toBe(3);
    expect(roundHalfAway(-2.5)).toBe(-3);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(5.0375, 2)).toBe(5.04);
    expect(roundHalfAway(-0.004, 2)).toBe(0);
  });

  it('computes a rate exactly from integers: 20 / 397 = 5,04 %, not 5,03 %', () => {
    expect(percentOf(20, 397)).toBe(5.04);
    expect(percentOf(20_000_000_000n, 397_000_000_000n)).toBe(5.04);
    expect(percentOf(86, 397, 1)).toBe(21.7);
    expect(percentOf(1, 8, 1)).toBe(12.5);
    expect(percentOf(1, 16, 2)).toBe(6.25);
    expect(percentOf(1, 0)).toBeNull();
    expect(formatPercent(percentOf(20, 397))).toBe('5,04 %');
    expect(formatPercent(percentOf(20, 397), { lang: 'en' })).toBe('5.04%');
  });

  it('formats with Vietnamese separators', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(12.345)).toBe('12,35');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(100)).toBe('100');
    expect(formatNumber(5, { decimals: 2, keepZeros: true })).toBe('5,00');
    expect(formatNumber(1234567.891, { decimals: 1, lang: 'en' })).toBe('1,234,567.9');
  });

  it('percentOf agrees with exact rational rounding (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (n, d) => {
        const p = percentOf(n, d)!;
        // |p − 100n/d| ≤ 0.005, and exactly halfway rounds up.
        const diff = p * d - 100 * n;
        expect(Math.abs(diff)).toBeLessThanOrEqual(0.005 * d + 1e-6);
      }),
    );
  });
});
