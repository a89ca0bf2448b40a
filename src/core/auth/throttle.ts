/**
 * Login throttling rule: after MAX_FAILURES failures inside WINDOW_MINUTES, the key
 * (a user name or an IP address) is locked for LOCK_MINUTES. Pure; the server stores
 * the counters.
 */
export interface ThrottleRule {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

export const THROTTLE: ThrottleRule = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil > now;
}

export function afterFailure(state: ThrottleState | undefined, now: Date, rule: ThrottleRule = THROTTLE): ThrottleState {
  const windowOpen = state && now.getTime() - state.windowStartedAt.getTime() < rule.windowMinutes * 60_000;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMinutes * 60_000) : null;
  return { failures, windowStartedAt, lockedUntil };
}
