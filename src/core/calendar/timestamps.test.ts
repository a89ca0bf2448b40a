import { describe, expect, it } from 'vitest';
import { RuleError } from '../errors';
import { toInstant, vnDateOfInstant } from './timestamps';

describe('toInstant', () => {
  it('reads timestamps with their offset', () => {
    expect(toInstant('2026-03-20T09:00:00Z')).toBe(Date.UTC(2026, 2, 20, 9));
    expect(toInstant('2026-03-20T16:00:00+07:00')).toBe(Date.UTC(2026, 2, 20, 9));
    expect(toInstant('2026-03-20T16:00+07:00')).toBe(Date.UTC(2026, 2, 20, 9));
    expect(toInstant('2026-03-20T09:00:00.250Z')).toBe(Date.UTC(2026, 2, 20, 9, 0, 0, 250));
  });

  it('reads a bare date as a day in Vietnam', () => {
    expect(toInstant('2026-03-20', 'start')).toBe(Date.UTC(2026, 2, 19, 17));
    expect(toInstant('2026-03-20', 'end')).toBe(Date.UTC(2026, 2, 20, 17) - 1);
  });

  it('refuses ambiguous or impossible input', () => {
    for (const bad of ['2026-03-20T16:00:00', '2026-02-30T10:00:00Z', '2026-03-20T24:00:00Z', '20/03/2026', '2026-03-20 10:00Z']) {
      expect(() => toInstant(bad), bad).toThrow(RuleError);
    }
  });

  it('gives the Vietnamese calendar date of an instant', () => {
    expect(vnDateOfInstant(toInstant('2026-03-20T17:30:00Z'))).toBe('2026-03-21');
    expect(vnDateOfInstant(toInstant('2026-03-20', 'end'))).toBe('2026-03-20');
  });
});
