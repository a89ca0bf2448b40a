import { describe, expect, it } from 'vitest';
import { buildClosure, isValidOn, levelOf } from './closure';

const units = [
  { id: 'city', parentId: null, validFrom: '2000-01-01', validTo: null },
  { id: 'district', parentId: 'city', validFrom: '2000-01-01', validTo: '2025-06-30' },
  { id: 'ward', parentId: 'district', validFrom: '2010-01-01', validTo: null },
];

describe('unit closure', () => {
  it('has one row per ancestor-descendant pair including self at depth 0', () => {
    const rows = buildClosure(units);
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.ancestorId === 'city' && r.descendantId === 'ward')?.depth).toBe(2);
  });

  it('limits a path to the interval where every unit on it exists', () => {
    const row = buildClosure(units).find((r) => r.ancestorId === 'city' && r.descendantId === 'ward')!;
    expect(row).toMatchObject({ validFrom: '2010-01-01', validTo: '2025-06-30' });
  });

  it('refuses a cycle', () => {
    expect(() => buildClosure([
      { id: 'a', parentId: 'b', validFrom: '2000-01-01', validTo: null },
      { id: 'b', parentId: 'a', validFrom: '2000-01-01', validTo: null },
    ])).toThrow(/vòng lặp/);
  });

  it('knows validity on a date, inclusive of the last day', () => {
    expect(isValidOn(units[1]!, '2025-06-30')).toBe(true);
    expect(isValidOn(units[1]!, '2025-07-01')).toBe(false);
    expect(levelOf(units, 'ward')).toBe(2);
  });
});
