import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareIsoDates, fromDayNumber, toDayNumber } from '../calendar/dates';
import { cutoffPeriodOf, cutoffWindow } from './cutoff';
import { PERIOD_TYPES, formatPeriodKey, periodsPerYear, type PeriodType } from './period-key';

const dateArb = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2060-12-31') }).map(fromDayNumber);

const within = (date: string, w: { start: string; end: string }): boolean =>
  compareIsoDates(w.start, date) <= 0 && compareIsoDates(date, w.end) <= 0;

/** Every period of `type` whose window could contain a date of `year`. */
function candidateKeys(year: number, type: PeriodType): string[] {
  const out: string[] = [];
  for (const y of [year, year + 1]) {
    for (let index = 1; index <= periodsPerYear(type); index += 1) out.push(formatPeriodKey({ type, year: y, index }));
  }
  return out;
}

describe('cutoffWindow (NĐ 09/2019 Điều 12)', () => {
  it('month: 15th of previous month to 14th', () => {
    expect(cutoffWindow('2022-M07')).toEqual({ start: '2022-06-15', end: '2022-07-14' });
    expect(cutoffWindow('2022-M01')).toEqual({ start: '2021-12-15', end: '2022-01-14' });
  });

  it('quarter: 15th of the month before the quarter to 14th of its last month', () => {
    expect(cutoffWindow('2022-Q1')).toEqual({ start: '2021-12-15', end: '2022-03-14' });
    expect(cutoffWindow('2022-Q3')).toEqual({ start: '2022-06-15', end: '2022-09-14' });
  });

  it('6 months, 9 months and year start on 15/12 of the previous year', () => {
    expect(cutoffWindow('2022-H1')).toEqual({ start: '2021-12-15', end: '2022-06-14' });
    expect(cutoffWindow('2022-H2')).toEqual({ start: '2022-06-15', end: '2022-12-14' });
    expect(cutoffWindow('2022-9M')).toEqual({ start: '2021-12-15', end: '2022-09-14' });
    expect(cutoffWindow('2022')).toEqual({ start: '2021-12-15', end: '2022-12-14' });
  });
});

describe('cutoffPeriodOf', () => {
  it('assigns dates from the 15th to the next period', () => {
    expect(cutoffPeriodOf('2022-07-14', 'month')).toBe('2022-M07');
    expect(cutoffPeriodOf('2022-07-15', 'month')).toBe('2022-M08');
    expect(cutoffPeriodOf('2022-12-20', 'year')).toBe('2023');
    expect(cutoffPeriodOf('2022-12-20', 'quarter')).toBe('2023-Q1');
    expect(cutoffPeriodOf('2022-09-14', 'nine_months')).toBe('2022-9M');
    expect(cutoffPeriodOf('2022-09-15', 'nine_months')).toBeNull();
    expect(cutoffPeriodOf('2022-12-15', 'nine_months')).toBe('2023-9M');
  });

  it('property: every date falls in exactly one cut-off window of each period type', () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...PERIOD_TYPES), (date, type) => {
        const year = Number(date.slice(0, 4));
        const hits = candidateKeys(year, type).filter((key) => within(date, cutoffWindow(key)));
        const found = cutoffPeriodOf(date, type);
        if (type === 'nine_months') {
          // Nine months does not tile the year: 15/9–14/12 belongs to no 9-month window.
          const md = date.slice(5);
          const gap = md >= '09-15' && md <= '12-14';
          expect(hits).toHaveLength(gap ? 0 : 1);
          expect(found).toBe(gap ? null : hits[0]);
          return;
        }
        expect(hits).toHaveLength(1);
        expect(found).toBe(hits[0]);
      }),
      { numRuns: 2000 },
    );
  });
});
