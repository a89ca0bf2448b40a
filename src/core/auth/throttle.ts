/**
 * Login throttling that a stranger cannot turn against an account's owner (issue 9).
 *
 * Failures are counted per (account typed, client address) and per client address. Each
 * counter lets a few failures through, then blocks its key for a delay that doubles with
 * every further failure, up to a ceiling. There is no account-wide lock: failures from
 * other addresses never stop the owner, who logs in from their own address. An address
 * whose people mistype a lot (an office behind one NAT address) gets a larger allowance.
 * A counter starts again after a quiet window with no failure. Pure: the server stores
 * the counters and supplies `now`.
 */
export interface ThrottleRule {
  /** Failures let through before the first delay. */
  freeFailures: number;
  /** The delay after the first failure past the allowance; it doubles with each one after. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

/** A counter with no failure for this long starts again from zero (both kinds of key). */
export const QUIET_MINUTES = 60;

export const PAIR_RULE: ThrottleRule = { freeFailures: 4, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 };
export const ADDRESS_RULE: ThrottleRule = { freeFailures: 20, firstDelaySeconds: 60, maxDelaySeconds: 15 * 60 };

/** The account name a counter is kept under: case does not make another account. */
export const throttleAccount = (username: string): string => username.trim().toLowerCase();

/** Seconds a key is blocked after its `failures`-th failure in a row (0: not blocked). */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  const over = failures - rule.freeFailures;
  if (over <= 0) return 0;
  // Capped before exponentiation so that a huge count cannot overflow to Infinity.
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** Math.min(over - 1, 30));
}

/** When the blocks from these counts end (null: not blocked). */
export function blockedUntil(failures: number, now: Date, rule: ThrottleRule): Date | null {
  const seconds = delayAfter(failures, rule);
  return seconds === 0 ? null : new Date(now.getTime() + seconds * 1000);
}

/** The instant before which a counter's last failure is too old to count. */
export const quietCutoff = (now: Date): Date => new Date(now.getTime() - QUIET_MINUTES * 60_000);

/** Whole seconds to wait (the Retry-After header), 0 when not blocked. */
export function retryAfterSeconds(blocked: readonly (Date | null | undefined)[], now: Date): number {
  const latest = Math.max(0, ...blocked.map((d) => (d ? d.getTime() - now.getTime() : 0)));
  return Math.ceil(latest / 1000);
}

/** The wait as a person reads it: "45 giây", "3 phút". */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}
