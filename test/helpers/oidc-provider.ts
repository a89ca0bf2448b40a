import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the province's provider says about a person: the login name is the subject. */
export type TestAccountClaims = Record<string, string | boolean>;

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by login; a test may change them between sign-ins. */
  accounts: Map<string, TestAccountClaims>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (the `oidc-provider` package, with its development login and consent
 * pages) on a free port of this machine, with one confidential client whose redirect URI is
 * the one given. Any password is accepted at its login form: the login names the account.
 */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccountClaims>();
  const clientId = 'haidang';
  const clientSecret = 'bi-mat-cua-ung-dung-thu-nghiem';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'unit_code', 'role'] },
    cookies: { keys: ['khoa-cookie-thu-nghiem'] },
    pkce: { required: () => true },
    // Explicit lifetimes (the package warns about its defaults on every token).
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    features: { devInteractions: { enabled: true } },
    findAccount: async (_ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) }),
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port free now, for a server whose address must be known before it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
