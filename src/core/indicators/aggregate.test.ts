import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { aggregate, type PeriodValue } from './aggregate';
import { RuleError } from '../errors';

const months = ['2022-M07', '2022-M08', '2022-M09'];

describe('aggregate', () => {
  it('sums and averages reported values, skipping nulls', () => {
    const values: PeriodValue[] = [
      { period: '2022-M07', value: 10 },
      { period: '2022-M08', value: null },
      { period: '2022-M09', value: 20 },
    ];
    expect(aggregate('sum', values)).toEqual({ value: 30, count: 2 });
    expect(aggregate('mean', values)).toEqual({ value: 15, count: 2 });
    expect(aggregate('sum', [])).toEqual({ value: null, count: 0 });
  });

  it('last takes the latest reported period whatever the input order', () => {
    const values: PeriodValue[] = [
      { period: '2022-M09', value: 7 },
      { period: '2022-M07', value: 3 },
      { period: '2022-M08', value: 5 },
    ];
    expect(aggregate('last', values)).toEqual({ value: 7, count: 3, period: '2022-M09' });
    expect(aggregate('last', [...values, { period: '2022-M10', value: null }]).value).toBe(7);
  });

  it('ratio divides summed parts and differs from the mean of percentages', () => {
    // July: 1 of 2 dossiers online (50 %); August: 90 of 100 (90 %).
    const values: PeriodValue[] = [
      { period: '2022-M07', value: 50, numerator: 1, denominator: 2 },
      { period: '2022-M08', value: 90, numerator: 90, denominator: 100 },
    ];
    const ratio = aggregate('ratio', values);
    expect(ratio.numerator).toBe(91);
    expect(ratio.denominator).toBe(102);
    expect(ratio.value).toBeCloseTo(89.2157, 3);
    expect(aggregate('mean', values).value).toBe(70);
    expect(aggregate('ratio', values, { ratioScale: 1 }).value).toBeCloseTo(0.892157, 5);
  });

  it('ratio with nothing to divide by is undefined, not zero', () => {
    expect(aggregate('ratio', [{ period: '2022-M07', value: null, numerator: 0, denominator: 0 }]).value).toBeNull();
  });

  it('refuses a bare percentage or a half-filled ratio', () => {
    expect(() => aggregate('ratio', [{ period: '2022-M07', value: 50 }])).toThrow(RuleError);
    expect(() => aggregate('ratio', [{ period: '2022-M07', value: null, numerator: 1 }])).toThrow(/tử số và mẫu số/);
    expect(() => aggregate('ratio', [{ period: '2022-M07', value: null, numerator: 1, denominator: -2 }])).toThrow(
      RuleError,
    );
    expect(() => aggregate('sum', [{ period: '2022-M07', value: Number.NaN }])).toThrow(RuleError);
  });

  const partsArb = fc
    .tuple(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([den, share]) => ({ numerator: Math.floor(den * share), denominator: den }));

  it('property: monthly Σnum / Σden equals the quarterly ratio, and rolls up associatively', () => {
    fc.assert(
      fc.property(fc.array(partsArb, { minLength: 12, maxLength: 12 }), (parts) => {
        const monthly: PeriodValue[] = parts.map((p, i) => ({
          period: `2022-M${String(i + 1).padStart(2, '0')}`,
          value: (p.numerator / p.denominator) * 100,
          ...p,
        }));
        const quarters: PeriodValue[] = [0, 1, 2, 3].map((q) => {
          const r = aggregate('ratio', monthly.slice(q * 3, q * 3 + 3));
          return { period: `2022-Q${q + 1}`, value: r.value, numerator: r.numerator, denominator: r.denominator };
        });
        const q3 = quarters[2];
        const sumNum = parts.slice(6, 9).reduce((s, p) => s + p.numerator, 0);
        const sumDen = parts.slice(6, 9).reduce((s, p) => s + p.denominator, 0);
        expect(q3?.value).toBeCloseTo((sumNum / sumDen) * 100, 9);
        const yearFromQuarters = aggregate('ratio', quarters);
        const yearFromMonths = aggregate('ratio', monthly);
        expect(yearFromQuarters.numerator).toBe(yearFromMonths.numerator);
        expect(yearFromQuarters.denominator).toBe(yearFromMonths.denominator);
        expect(yearFromQuarters.value).toBe(yearFromMonths.value);
      }),
    );
  });

  it('uses the months given, in any order', () => {
    const values: PeriodValue[] = months.map((period, i) => ({ period, value: i }));
    expect(aggregate('sum', [...values].reverse())).toEqual(aggregate('sum', values));
  });
});
