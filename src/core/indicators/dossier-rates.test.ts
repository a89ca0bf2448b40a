import { describe, expect, it } from 'vitest';
import { RuleError } from '../errors';
import {
  addDossierCounts,
  dossierRates,
  emptyDossierCounts,
  lateRate,
  onTimeRate,
  onlineRate,
  type DossierCounts,
} from './dossier-rates';

const sample: DossierCounts = {
  carriedOver: 20,
  received: 180,
  receivedOnline: 50,
  receivedOnlineFull: 30,
  toHandle: 200,
  finishedEarly: 100,
  finishedOnTime: 40,
  finishedLate: 6,
  inProgressOnTime: 50,
  inProgressLate: 4,
};

describe('dossier rates', () => {
  it('online rate = online / received', () => {
    expect(onlineRate({ receivedOnline: 279, received: 1000 })).toBeCloseTo(27.9, 10);
    expect(onlineRate({ receivedOnline: 0, received: 0 })).toBeNull();
    expect(() => onlineRate({ receivedOnline: 5, received: 4 })).toThrow(RuleError);
  });

  it('on-time rate = 100 − (late in progress + finished late) / to handle', () => {
    expect(lateRate(sample)).toBe(5);
    expect(onTimeRate(sample)).toBe(95);
    expect(onTimeRate({ inProgressLate: 0, finishedLate: 0, toHandle: 0 })).toBeNull();
    expect(() => onTimeRate({ inProgressLate: 3, finishedLate: 3, toHandle: 5 })).toThrow(RuleError);
    expect(() => onTimeRate({ inProgressLate: -1, finishedLate: 0, toHandle: 5 })).toThrow(/không âm/);
  });

  it('computes all rates from consistent counters only', () => {
    const rates = dossierRates(sample);
    expect(rates.onlineRate).toBeCloseTo(27.78, 2);
    expect(rates.onlineFullRate).toBeCloseTo(16.67, 2);
    expect(rates.onTimeRate).toBe(95);
    expect(() => dossierRates({ ...sample, toHandle: 199 })).toThrow(/cần xử lý/);
    expect(() => dossierRates({ ...sample, inProgressOnTime: 60 })).toThrow(RuleError);
  });

  it('adds and subtracts counters', () => {
    const twice = addDossierCounts(sample, sample);
    expect(twice.toHandle).toBe(400);
    expect(addDossierCounts(twice, sample, -1)).toEqual(sample);
    expect(addDossierCounts(emptyDossierCounts(), sample)).toEqual(sample);
  });
});
