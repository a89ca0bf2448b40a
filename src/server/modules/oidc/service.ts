import * as client from 'openid-client';
import { decideOidcUser, parseRoleMap, type OidcIdentity } from '../../../core/auth/oidc-mapping';
import type { TOidcErrorCode } from '../../../contracts/oidc';
import { recordAudit } from '../../audit';
import { today, type Deps } from '../../context';
import { createSession } from '../auth/sessions';
import { providerConfig } from './provider';
import { deleteStaleOidcLogins, insertOidcLogin, insertOidcUser, linkUserSubject, selectCurrentUnitId, selectUsernameTaken, selectUserBySubject, selectUsersByEmail, takeOidcLogin, touchLastLogin } from './queries';

/** A started sign-in is finished within this time or refused. */
const LOGIN_TTL_MS = 10 * 60_000;

/** The provider's authorization URL for a new sign-in (authorization code + PKCE, state, nonce). */
export async function startOidcLogin(deps: Deps): Promise<{ url: string; state: string }> {
  const config = await providerConfig(deps.config);
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await deleteStaleOidcLogins(tx, new Date(now.getTime() - LOGIN_TTL_MS).toISOString());
    await insertOidcLogin(tx, { state, nonce, code_verifier: codeVerifier, created_at: now.toISOString() });
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: deps.config.OIDC_REDIRECT_URI!,
    scope: deps.config.OIDC_SCOPES,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state };
}

export class OidcRefusal extends Error {
  constructor(readonly code: TOidcErrorCode) {
    super(code);
  }
}

const claimString = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Finishes the sign-in the provider redirected back to: checks state, nonce and PKCE through
 * openid-client, reads the identity (ID token, then userinfo), maps it to a user as
 * decideOidcUser says and opens a session. A refusal is audited and thrown as OidcRefusal.
 */
export async function finishOidcLogin(deps: Deps, callbackUrl: URL, cookieState: string | undefined, ip: string, userAgent: string | undefined) {
  const state = callbackUrl.searchParams.get('state') ?? '';
  // The state must also be the one this browser started with: a callback link sent by
  // someone else does not sign the victim into the sender's account.
  if (!state || state !== cookieState) throw new OidcRefusal('expired');
  const started = await takeOidcLogin(deps.db, state);
  const now = deps.now();
  if (!started || now.getTime() - new Date(started.created_at).getTime() > LOGIN_TTL_MS) throw new OidcRefusal('expired');

  const config = await providerConfig(deps.config);
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: started.code_verifier, expectedState: state, expectedNonce: started.nonce, idTokenExpected: true });
    const idClaims = tokens.claims()!;
    claims = { ...idClaims };
    // Many providers put e-mail and custom claims only in userinfo.
    if (config.serverMetadata().userinfo_endpoint && tokens.access_token) {
      claims = { ...(await client.fetchUserInfo(config, tokens.access_token, idClaims.sub)), ...idClaims };
    }
  } catch (err) {
    await audit(deps, null, `oidc:${state.slice(0, 8)}`, ip, 'login_failed', { reason: 'provider', detail: (err as Error).message.slice(0, 200) });
    throw new OidcRefusal('provider');
  }

  const issuer = config.serverMetadata().issuer;
  const identity: OidcIdentity = {
    subject: String(claims.sub),
    email: claimString(claims.email),
    emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : undefined,
    unitCode: claimString(claims[deps.config.OIDC_UNIT_CLAIM]),
    roleValue: claimString(claims[deps.config.OIDC_ROLE_CLAIM]),
  };
  const who = identity.email ?? identity.subject;
  const bySubject = await selectUserBySubject(deps.db, issuer, identity.subject);
  const byEmail = identity.email ? await selectUsersByEmail(deps.db, identity.email) : [];
  const unitId = identity.unitCode ? await selectCurrentUnitId(deps.db, identity.unitCode, today(deps)) : undefined;
  const decision = decideOidcUser(
    identity,
    bySubject && { id: bySubject.id, active: bySubject.active, linkedSubject: bySubject.oidc_subject },
    byEmail.map((u) => ({ id: u.id, active: u.active, linkedSubject: u.oidc_subject })),
    unitId !== undefined,
    { createUsers: deps.config.OIDC_CREATE_USERS, roleMap: parseRoleMap(deps.config.OIDC_ROLE_MAP) },
  );
  if (decision.kind === 'refuse') {
    await audit(deps, null, who, ip, 'login_failed', { reason: decision.reason, subject: identity.subject, email: identity.email ?? null });
    throw new OidcRefusal(decision.reason);
  }

  const username = decision.kind === 'create' ? await freeUsername(deps, identity) : undefined;
  return deps.db.transaction(async (tx) => {
    let userId: string;
    let name: string;
    if (decision.kind === 'create') {
      name = username!;
      userId = await insertOidcUser(tx, { username: name, full_name: claimString(claims.name) ?? name, role: decision.role, unit_id: unitId!, email: identity.email ?? null, oidc_issuer: issuer, oidc_subject: identity.subject });
      await recordAudit(tx, { actorId: null, actorName: 'hệ thống', ip }, { action: 'create', entity: 'user', entityId: userId, after: { username: name, role: decision.role, unitCode: decision.unitCode, via: 'oidc' } });
    } else {
      userId = decision.userId;
      name = (bySubject ?? byEmail[0])!.username;
      if (decision.link) {
        await linkUserSubject(tx, userId, issuer, identity.subject);
        await recordAudit(tx, { actorId: userId, actorName: name, ip }, { action: 'oidc_link', entity: 'user', entityId: userId, after: { issuer, subject: identity.subject } });
      }
    }
    await touchLastLogin(tx, userId, now.toISOString());
    const session = await createSession(tx, userId, now, ip, userAgent);
    await recordAudit(tx, { actorId: userId, actorName: name, ip }, { action: 'login', entity: 'session', entityId: userId, after: { via: 'oidc' } });
    return { userId, ...session };
  });
}

async function freeUsername(deps: Deps, identity: OidcIdentity): Promise<string> {
  const base = (identity.email?.split('@')[0] ?? `sso.${identity.subject}`).toLowerCase().replace(/[^a-z0-9._-]/g, '').slice(0, 60) || 'sso';
  for (let i = 0; ; i++) {
    const candidate = i === 0 ? base : `${base}${i + 1}`;
    if (!(await selectUsernameTaken(deps.db, candidate))) return candidate;
  }
}

async function audit(deps: Deps, actorId: string | null, actorName: string, ip: string, action: string, after: Record<string, unknown>) {
  await deps.db.transaction((tx) => recordAudit(tx, { actorId, actorName: actorName.slice(0, 100), ip }, { action, entity: 'session', after: { via: 'oidc', ...after } }));
}
