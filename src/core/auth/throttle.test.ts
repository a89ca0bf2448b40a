import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDRESS_RULE, blockedUntil, delayAfter, PAIR_RULE, retryAfterSeconds, throttleAccount, waitText } from './throttle';

describe('login throttle', () => {
  const t0 = new Date('2026-11-20T02:00:00Z');

  it('lets a few mistakes through, then doubles the wait up to a ceiling', () => {
    expect([1, 2, 3, 4].map((f) => delayAfter(f, PAIR_RULE))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((f) => delayAfter(f, PAIR_RULE))).toEqual([30, 60, 120, 240]);
    expect(delayAfter(50, PAIR_RULE)).toBe(15 * 60);
    expect(delayAfter(1_000_000, PAIR_RULE)).toBe(15 * 60);
  });

  it('gives a shared address a larger allowance than one account from it', () => {
    expect(delayAfter(PAIR_RULE.freeFailures + 1, PAIR_RULE)).toBeGreaterThan(0);
    expect(delayAfter(PAIR_RULE.freeFailures + 1, ADDRESS_RULE)).toBe(0);
    expect(delayAfter(ADDRESS_RULE.freeFailures + 1, ADDRESS_RULE)).toBe(60);
  });

  it('never blocks for longer than the ceiling and never less after one more failure', () => {
    fc.assert(
      fc.property(fc.nat(10_000), (f) => {
        const d = delayAfter(f, PAIR_RULE);
        expect(d).toBeLessThanOrEqual(PAIR_RULE.maxDelaySeconds);
        expect(delayAfter(f + 1, PAIR_RULE)).toBeGreaterThanOrEqual(d);
      }),
    );
  });

  it('says how long to wait, in whole seconds, from the latest block', () => {
    const until = blockedUntil(6, t0, PAIR_RULE);
    expect(until).toEqual(new Date(t0.getTime() + 60_000));
    expect(blockedUntil(2, t0, PAIR_RULE)).toBeNull();
    expect(retryAfterSeconds([null, until, new Date(t0.getTime() + 1500)], t0)).toBe(60);
    expect(retryAfterSeconds([null, new Date(t0.getTime() - 1)], t0)).toBe(0);
    expect(waitText(45)).toBe('45 giây');
    expect(waitText(61)).toBe('2 phút');
  });

  it('counts an account under one name whatever its case', () => {
    expect(throttleAccount(' Admin ')).toBe('admin');
  });
});
