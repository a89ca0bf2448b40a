import * as client from 'openid-client';
import type { TConfig } from '../../../config';

// A plain-http issuer is accepted only on this machine (a provider started for tests or
// development); anywhere else the provider must be reached over https.
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const discovered = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's metadata and keys, discovered once per issuer and kept; a failed discovery
 * is forgotten so that the next sign-in tries again (the provider may have been down).
 */
export function providerConfig(config: TConfig): Promise<client.Configuration> {
  const issuer = config.OIDC_ISSUER!;
  const key = `${issuer}|${config.OIDC_CLIENT_ID}`;
  let found = discovered.get(key);
  if (!found) {
    const url = new URL(issuer);
    const insecure = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
    found = client.discovery(url, config.OIDC_CLIENT_ID!, config.OIDC_CLIENT_SECRET, undefined, insecure ? { execute: [client.allowInsecureRequests] } : undefined);
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

export const oidcEnabled = (config: TConfig): boolean => !!config.OIDC_ISSUER && !!config.OIDC_CLIENT_ID && !!config.OIDC_REDIRECT_URI;
