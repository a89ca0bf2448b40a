import { z } from 'zod';

/** Whether the login page offers the province's OpenID sign-in (GET /api/auth/oidc). */
export const ZOidcStatus = z.object({ enabled: z.boolean() });
export type TOidcStatus = z.infer<typeof ZOidcStatus>;

/** Why a sign-in through the province's account came back to the login page (?oidc_error=…). */
export const OIDC_ERROR_CODES = ['disabled', 'provider', 'expired', 'inactive', 'unmapped', 'ambiguous', 'linked_elsewhere', 'no_unit', 'no_role'] as const;
export type TOidcErrorCode = (typeof OIDC_ERROR_CODES)[number];
