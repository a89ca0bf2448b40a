import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTotal,
  findTotalMismatches,
  formatDong,
  formatMoneyVi,
  formatTrieuDong,
  formatTyDong,
  toDong,
  trieuDong,
  tyDong,
} from './money';

describe('money', () => {
  it('builds exact amounts', () => {
    expect(tyDong(397)).toBe(397_000_000_000n);
    expect(trieuDong(200)).toBe(200_000_000n);
    expect(toDong('15000000000')).toBe(15_000_000_000n);
    expect(() => toDong(1.5)).toThrow();
    expect(() => toDong('1.5')).toThrow();
  });

  it('formats with Vietnamese separators', () => {
    expect(formatDong(1_234_567n)).toBe('1.234.567 đồng');
    expect(formatTyDong(1_234_500_000_000n)).toBe('1.234,5 tỷ đồng');
    expect(formatTyDong(tyDong(397))).toBe('397 tỷ đồng');
    expect(formatTyDong(tyDong(397), { keepZeros: true })).toBe('397,0 tỷ đồng');
    expect(formatTrieuDong(250_550_000n, { decimals: 2 })).toBe('250,55 triệu đồng');
    expect(formatTrieuDong(999_999n, { decimals: 0 })).toBe('1 triệu đồng');
    expect(formatTyDong(-tyDong(116))).toBe('-116 tỷ đồng');
  });

  it('rounds half away from zero', () => {
    expect(formatTyDong(1_250_000_000n)).toBe('1,3 tỷ đồng');
    expect(formatTyDong(1_249_999_999n)).toBe('1,2 tỷ đồng');
    expect(formatTyDong(-1_250_000_000n)).toBe('-1,3 tỷ đồng');
    expect(formatTyDong(-10_000_000n)).toBe('0 tỷ đồng');
  });

  it('chooses the unit a report would use', () => {
    expect(formatMoneyVi(tyDong(20))).toBe('20 tỷ đồng');
    expect(formatMoneyVi(trieuDong(350))).toBe('350 triệu đồng');
    expect(formatMoneyVi(500_000n)).toBe('500.000 đồng');
  });

  it('checks totals against their parts, across a tree', () => {
    // 2022: 397 bn planned = 20 disbursed + 86 carried over + 116 cancelled + 175 other (sample split).
    expect(checkTotal(tyDong(397), [tyDong(20), tyDong(86), tyDong(116), tyDong(175)]).ok).toBe(true);
    expect(checkTotal(tyDong(397), [tyDong(20)]).difference).toBe(tyDong(377));
    const tree = {
      key: 'city',
      amount: 300n,
      children: [
        { key: 'unit-a', amount: 100n, children: [{ key: 'p1', amount: 60n }, { key: 'p2', amount: 40n }] },
        { key: 'unit-b', amount: 200n, children: [{ key: 'p3', amount: 150n }] },
      ],
    };
    expect(findTotalMismatches(tree)).toEqual([{ key: 'unit-b', amount: 200n, sum: 150n, difference: 50n }]);
  });

  it('stays exact far beyond 2^53 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { maxLength: 200 }), (parts) => {
        const total = parts.reduce((a, b) => a + b, 0n);
        expect(checkTotal(total, [...parts].reverse()).ok).toBe(true);
        expect(checkTotal(total + 1n, parts).ok).toBe(false);
      }),
    );
  });
});
