import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from '../calendar/dates';
import { periodsWithin } from '../periods/period-range';
import { classifyDossier, type DossierRecord } from './dossier-classify';
import { addDossierCounts, assertDossierCounts, emptyDossierCounts, type DossierCounts } from './dossier-rates';
import { RuleError } from '../errors';

const nonZero = (c: DossierCounts): Partial<DossierCounts> =>
  Object.fromEntries(Object.entries(c).filter(([, v]) => v !== 0));

const base: DossierRecord = {
  receivedAt: '2026-03-05T09:00:00+07:00',
  channel: 'online',
  fullyOnline: true,
  dueAt: '2026-03-20',
  finishedAt: null,
};

describe('classifyDossier', () => {
  it('counts a new online dossier still within its time limit', () => {
    expect(nonZero(classifyDossier(base, '2026-M03', '2026-03-10'))).toEqual({
      received: 1,
      receivedOnline: 1,
      receivedOnlineFull: 1,
      toHandle: 1,
      inProgressOnTime: 1,
    });
  });

  it('marks it late in progress once the due day is over', () => {
    expect(classifyDossier(base, '2026-M03', '2026-03-20').inProgressLate).toBe(0);
    expect(classifyDossier(base, '2026-M03', '2026-03-21').inProgressLate).toBe(1);
  });

  it('splits finished dossiers into early, on time and late', () => {
    const at = (finishedAt: string) => classifyDossier({ ...base, finishedAt }, '2026-M03', '2026-03-31');
    expect(at('2026-03-19T10:00:00+07:00').finishedEarly).toBe(1);
    expect(at('2026-03-20T16:59:00+07:00').finishedOnTime).toBe(1);
    expect(at('2026-03-21T08:00:00+07:00').finishedLate).toBe(1);
    // 23:30 UTC on the 20th is already the 21st in Vietnam.
    expect(at('2026-03-20T23:30:00Z').finishedLate).toBe(1);
    expect(classifyDossier({ ...base, dueAt: null, finishedAt: '2026-04-30' }, '2026-M04', '2026-04-30').finishedOnTime).toBe(1);
  });

  it('carries an unfinished dossier into the next period', () => {
    const late = { ...base, channel: 'direct' as const, finishedAt: '2026-04-03T10:00:00+07:00' };
    expect(nonZero(classifyDossier(late, '2026-M04', '2026-04-30'))).toEqual({ carriedOver: 1, toHandle: 1, finishedLate: 1 });
    expect(nonZero(classifyDossier(late, '2026-M05', '2026-05-31'))).toEqual({});
    // Seen on 31/03 the same dossier was late and still in progress.
    expect(classifyDossier(late, '2026-M03', '2026-03-31').inProgressLate).toBe(1);
  });

  it('evaluates at asOf, or at the end of the period when asOf is later', () => {
    expect(nonZero(classifyDossier(base, '2026-M03', '2026-03-04'))).toEqual({});
    expect(nonZero(classifyDossier(base, '2026-M04', '2026-03-31'))).toEqual({});
    const done = { ...base, finishedAt: '2026-04-02' };
    expect(classifyDossier(done, '2026-M03', '2026-12-31').inProgressLate).toBe(1);
  });

  it('accepts a date range as the period', () => {
    expect(classifyDossier(base, { start: '2026-03-05', end: '2026-03-05' }, '2026-03-05').received).toBe(1);
  });

  it('rejects inconsistent records', () => {
    expect(() => classifyDossier({ ...base, finishedAt: '2026-03-01' }, '2026-M03', '2026-03-31')).toThrow(RuleError);
    expect(() => classifyDossier({ ...base, dueAt: '2026-03-01' }, '2026-M03', '2026-03-31')).toThrow(/Hạn xử lý/);
    expect(() => classifyDossier({ ...base, receivedAt: '2026-03-05T09:00:00' }, '2026-M03', '2026-03-31')).toThrow(
      /Thời điểm tiếp nhận/,
    );
    expect(() => classifyDossier({ ...base, channel: 'fax' as 'online' }, '2026-M03', '2026-03-31')).toThrow(RuleError);
  });

  const day0 = toDayNumber('2026-01-01');
  const recordArb: fc.Arbitrary<DossierRecord> = fc
    .record({
      received: fc.integer({ min: 0, max: 150 }),
      dueAfter: fc.option(fc.integer({ min: 0, max: 40 })),
      finishAfter: fc.option(fc.integer({ min: 0, max: 80 })),
      channel: fc.constantFrom('online' as const, 'direct' as const, 'postal' as const),
    })
    .map(({ received, dueAfter, finishAfter, channel }) => {
      const receivedAt = fromDayNumber(day0 + received);
      return {
        receivedAt,
        channel,
        fullyOnline: channel === 'online',
        dueAt: dueAfter === null ? null : addDays(receivedAt, dueAfter),
        finishedAt: finishAfter === null ? null : addDays(receivedAt, finishAfter),
      };
    });

  it('property: monthly totals are consistent and what is left at a month end is carried into the next', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), (records) => {
        const months = periodsWithin('2026-H1', 'month');
        const totals = months.map((m) =>
          records.reduce((acc, r) => addDossierCounts(acc, classifyDossier(r, m, '2026-12-31')), emptyDossierCounts()),
        );
        totals.forEach((t) => assertDossierCounts(t));
        for (let i = 1; i < totals.length; i += 1) {
          const prev = totals[i - 1] ?? emptyDossierCounts();
          const next = totals[i] ?? emptyDossierCounts();
          expect(next.carriedOver).toBe(prev.inProgressOnTime + prev.inProgressLate);
        }
      }),
    );
  });
});
