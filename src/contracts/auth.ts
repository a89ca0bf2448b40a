import { z } from 'zod';
import { ZInstant, ZTextLine } from './common';

/**
 * Auth's wire, as far as converted: the login throttle an admin looks at and releases.
 * (Login, logout and /api/me still declare their schemas in routes.ts.)
 */

/** A key that is counting failures or blocked now: one account from one address, or a whole address (`account: null`). */
export const ZLoginThrottle = z.object({
  account: z.string().nullable(),
  address: z.string(),
  failures: z.number().int(),
  firstFailedAt: ZInstant,
  lastFailedAt: ZInstant,
  blockedUntil: ZInstant.nullable(),
});
export type TLoginThrottle = z.infer<typeof ZLoginThrottle>;

export const ZLoginThrottleList = z.object({ items: z.array(ZLoginThrottle) });
export type TLoginThrottleList = z.infer<typeof ZLoginThrottleList>;

/** Releases one key: its failures are forgotten and its block lifted. */
export const ZLoginThrottleRelease = z.strictObject({
  account: ZTextLine(100).nullable(),
  address: ZTextLine(100).min(1, 'Thiếu địa chỉ'),
});
export type TLoginThrottleRelease = z.input<typeof ZLoginThrottleRelease>;
