import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates, diffDays } from '../calendar/dates';
import { isWorkingDay } from '../calendar/working-days';
import { RECURRENCES, isRecurrence, nextOccurrence, occurrences } from './recurrence';

describe('occurrences', () => {
  it('weekly and biweekly step 7 and 14 days, end inclusive', () => {
    expect(occurrences('weekly', '2024-01-01', '2024-01-29')).toEqual([
      '2024-01-01',
      '2024-01-08',
      '2024-01-15',
      '2024-01-22',
      '2024-01-29',
    ]);
    expect(occurrences('biweekly', '2024-01-01', '2024-02-11')).toEqual(['2024-01-01', '2024-01-15', '2024-01-29']);
  });

  it('monthly clamps to month end and returns to the 31st', () => {
    expect(occurrences('monthly', '2024-01-31', '2024-05-31')).toEqual([
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
    ]);
  });

  it('quarterly and annual, including 29/02', () => {
    expect(occurrences('quarterly', '2023-11-30', '2024-12-31')).toEqual([
      '2023-11-30',
      '2024-02-29',
      '2024-05-30',
      '2024-08-30',
      '2024-11-30',
    ]);
    expect(occurrences('annual', '2024-02-29', '2028-03-01')).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
    ]);
  });

  it('is empty when the end is before the start', () => {
    expect(occurrences('monthly', '2024-03-01', '2024-02-01')).toEqual([]);
  });

  it('moves weekend and holiday occurrences to the next working day, merging duplicates', () => {
    const tet = new Set(['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14']);
    // 10/02/2024 is a Saturday in Tết: moves to Thursday 15/02.
    expect(occurrences('monthly', '2024-01-10', '2024-03-10', { holidays: tet })).toEqual([
      '2024-01-10',
      '2024-02-15',
      '2024-03-11',
    ]);
    const everyDay = occurrences('weekly', '2024-02-01', '2024-02-15', {
      holidays: new Set(['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15']),
    });
    expect(everyDay).toEqual(['2024-02-01', '2024-02-16']);
  });

  it('every occurrence is in range, increasing, and a working day when holidays are given (property)', () => {
    const day = fc.integer({ min: 0, max: 4000 }).map((n) => addDays('2018-01-01', n));
    fc.assert(
      fc.property(fc.constantFrom(...RECURRENCES), day, fc.integer({ min: 0, max: 800 }), (r, start, span) => {
        const end = addDays(start, span);
        const plain = occurrences(r, start, end);
        expect(plain[0]).toBe(start);
        for (let i = 1; i < plain.length; i += 1) {
          expect(compareIsoDates(plain[i - 1] ?? '', plain[i] ?? '')).toBeLessThan(0);
        }
        expect(compareIsoDates(plain[plain.length - 1] ?? start, end)).toBeLessThanOrEqual(0);
        const moved = occurrences(r, start, end, { holidays: new Set() });
        for (const d of moved) expect(isWorkingDay(d, new Set())).toBe(true);
        expect(moved.length).toBeLessThanOrEqual(plain.length);
      }),
    );
  });
});

describe('nextOccurrence', () => {
  it('finds the first occurrence on or after a date', () => {
    expect(nextOccurrence('monthly', '2024-01-31', '2024-02-15')).toBe('2024-02-29');
    expect(nextOccurrence('weekly', '2024-01-01', '2024-01-08')).toBe('2024-01-08');
    expect(diffDays('2024-01-01', nextOccurrence('biweekly', '2024-01-01', '2024-01-02'))).toBe(14);
  });

  it('recognises the recurrence codes of the extractor', () => {
    expect(isRecurrence('biweekly')).toBe(true);
    expect(isRecurrence('daily')).toBe(false);
  });
});
