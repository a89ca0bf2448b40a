import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareIsoDates, fromDayNumber, toDayNumber } from '../calendar/dates';
import { PERIOD_TYPES } from './period-key';
import { comparePeriodKeys, periodOf, periodRange, periodsWithin } from './period-range';

const dateArb = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2060-12-31') }).map(fromDayNumber);

describe('periodRange', () => {
  it('gives calendar bounds', () => {
    expect(periodRange('2024-M02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('2022-Q3')).toEqual({ start: '2022-07-01', end: '2022-09-30' });
    expect(periodRange('2022-H2')).toEqual({ start: '2022-07-01', end: '2022-12-31' });
    expect(periodRange('2022-9M')).toEqual({ start: '2022-01-01', end: '2022-09-30' });
    expect(periodRange('2022')).toEqual({ start: '2022-01-01', end: '2022-12-31' });
  });
});

describe('periodsWithin', () => {
  it('lists sub-periods in order', () => {
    expect(periodsWithin('2022-Q3', 'month')).toEqual(['2022-M07', '2022-M08', '2022-M09']);
    expect(periodsWithin('2022', 'quarter')).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']);
    expect(periodsWithin('2022-9M', 'quarter')).toEqual(['2022-Q1', '2022-Q2', '2022-Q3']);
    expect(periodsWithin('2022-9M', 'half')).toEqual(['2022-H1']);
    expect(periodsWithin('2022', 'month')).toHaveLength(12);
    expect(periodsWithin('2022-Q3', 'quarter')).toEqual(['2022-Q3']);
    expect(periodsWithin('2022-Q3', 'year')).toEqual([]);
  });
});

describe('periodOf', () => {
  it('finds the calendar period of a date', () => {
    expect(periodOf('2022-07-15', 'month')).toBe('2022-M07');
    expect(periodOf('2022-07-15', 'quarter')).toBe('2022-Q3');
    expect(periodOf('2022-07-15', 'half')).toBe('2022-H2');
    expect(periodOf('2022-07-15', 'nine_months')).toBe('2022-9M');
    expect(periodOf('2022-10-01', 'nine_months')).toBeNull();
    expect(periodOf('2022-07-15', 'year')).toBe('2022');
  });

  it('property: the period of a date contains the date', () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...PERIOD_TYPES), (date, type) => {
        const key = periodOf(date, type);
        if (key === null) {
          expect(type).toBe('nine_months');
          return;
        }
        const { start, end } = periodRange(key);
        expect(compareIsoDates(start, date) <= 0 && compareIsoDates(date, end) <= 0).toBe(true);
      }),
    );
  });
});

describe('comparePeriodKeys', () => {
  it('orders by end date', () => {
    const keys = ['2022-Q3', '2022-M01', '2021', '2022-M09', '2022-9M'];
    expect([...keys].sort(comparePeriodKeys)).toEqual(['2021', '2022-M01', '2022-9M', '2022-Q3', '2022-M09']);
  });
});
