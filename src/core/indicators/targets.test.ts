import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RuleError } from '../errors';
import { LOWER_BETTER_CAP_PCT, achievement, ragState } from './targets';

describe('achievement', () => {
  it('higher is better: actual / target', () => {
    // Hải Phòng 2022: online-dossier rate 27.9 % against a 60 % target.
    expect(achievement(27.9, 60, 'higher_better')).toBeCloseTo(46.5, 10);
    expect(achievement(60, 60, 'higher_better')).toBe(100);
    expect(achievement(75, 60, 'higher_better')).toBe(125);
  });

  it('lower is better: target / actual, capped', () => {
    expect(achievement(10, 5, 'lower_better')).toBe(50);
    expect(achievement(5, 5, 'lower_better')).toBe(100);
    expect(achievement(1, 5, 'lower_better')).toBe(LOWER_BETTER_CAP_PCT);
    expect(achievement(0, 5, 'lower_better')).toBe(LOWER_BETTER_CAP_PCT);
    expect(achievement(0, 0, 'lower_better')).toBe(100);
    expect(achievement(3, 0, 'lower_better')).toBe(0);
  });

  it('rejects impossible input', () => {
    expect(() => achievement(10, 0, 'higher_better')).toThrow(RuleError);
    expect(() => achievement(-1, 10, 'higher_better')).toThrow(/không âm/);
    expect(() => achievement(Number.NaN, 10, 'lower_better')).toThrow(RuleError);
  });

  it('property: meeting the target exactly is 100 % either way; doing better is ≥ 100 %', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (target, delta) => {
        expect(achievement(target, target, 'higher_better')).toBe(100);
        expect(achievement(target, target, 'lower_better')).toBe(100);
        expect(achievement(target + delta, target, 'higher_better')).toBeGreaterThanOrEqual(100);
        expect(achievement(Math.max(0, target - delta), target, 'lower_better')).toBeGreaterThanOrEqual(100);
      }),
    );
  });
});

describe('ragState', () => {
  it('uses green 100 / amber 80 by default', () => {
    expect(ragState(100)).toBe('green');
    expect(ragState(130)).toBe('green');
    expect(ragState(99.9)).toBe('amber');
    expect(ragState(80)).toBe('amber');
    expect(ragState(79.99)).toBe('red');
  });

  it('takes thresholds as data', () => {
    expect(ragState(92, { green: 95, amber: 90 })).toBe('amber');
    expect(ragState(89, { green: 95, amber: 90 })).toBe('red');
    expect(() => ragState(90, { green: 80, amber: 90 })).toThrow(RuleError);
    expect(() => ragState(Number.NaN)).toThrow(RuleError);
  });
});
