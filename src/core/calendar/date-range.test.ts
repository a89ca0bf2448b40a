import { describe, expect, it } from 'vitest';
import { isYearInRange, readDate } from './dates';

describe('readDate: the one reader of a date from outside', () => {
  it('reads ISO and dd/mm/yyyy within 1900–2100', () => {
    expect(readDate('2026-11-20')).toEqual({ date: '2026-11-20' });
    expect(readDate(' 5/2/2026 ')).toEqual({ date: '2026-02-05' });
    expect(readDate('01/01/1900')).toEqual({ date: '1900-01-01' });
    expect(readDate('2100-12-31')).toEqual({ date: '2100-12-31' });
  });

  it('refuses years outside the range, naming the range', () => {
    expect(readDate('0001-01-01')).toEqual({ problem: '"0001-01-01": năm phải trong khoảng 1900–2100' });
    expect(readDate('31/12/9999')).toEqual({ problem: '"31/12/9999": năm phải trong khoảng 1900–2100' });
    expect(readDate('1899-12-31')).toHaveProperty('problem');
  });

  it('refuses a day that does not exist', () => {
    expect(readDate('31/06/2022')).toEqual({ problem: '"31/06/2022" không phải ngày hợp lệ (dạng dd/mm/yyyy)' });
  });

  it('checks the year of a timestamp too', () => {
    expect(isYearInRange('2026-11-20T09:00:00+07:00')).toBe(true);
    expect(isYearInRange('0001-01-01T00:00Z')).toBe(false);
    expect(isYearInRange('20261120')).toBe(false);
  });
});
