import type { z } from 'zod';
import { parseRoleMap } from './core/auth/oidc-mapping';

interface OidcSettings {
  OIDC_ISSUER?: string | undefined;
  OIDC_CLIENT_ID?: string | undefined;
  OIDC_REDIRECT_URI?: string | undefined;
  OIDC_ROLE_MAP?: string | undefined;
}

/** A half-configured OpenID sign-in stops the start with a readable message, not a failed login later. */
export function checkOidcConfig(c: OidcSettings, ctx: z.RefinementCtx): void {
  if (!c.OIDC_ISSUER) return;
  if (!c.OIDC_CLIENT_ID) ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'cần khi đặt OIDC_ISSUER' });
  if (!c.OIDC_REDIRECT_URI) ctx.addIssue({ code: 'custom', path: ['OIDC_REDIRECT_URI'], message: 'cần khi đặt OIDC_ISSUER (dạng https://…/api/auth/oidc/callback)' });
  try {
    parseRoleMap(c.OIDC_ROLE_MAP);
  } catch (err) {
    ctx.addIssue({ code: 'custom', path: ['OIDC_ROLE_MAP'], message: (err as Error).message });
  }
}
