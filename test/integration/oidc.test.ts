import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/db';
import { HttpBrowser } from '../helpers/http-browser';
import { freePort, startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Sign-in through a real OpenID provider (oidc-provider, started here): the redirect flow is
 * driven over plain HTTP as a browser would, through the provider's login and consent forms,
 * and must end with a session cookie that reads /api/me.
 */
describe.each(ENGINES)('sign-in with the province account on %s', (engine) => {
  let s: TestServer;
  let idp: TestProvider;

  beforeAll(async () => {
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
    idp = await startTestProvider(redirectUri);
    s = await startTestServer({
      engine,
      port,
      env: { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_REDIRECT_URI: redirectUri, OIDC_ROLE_MAP: 'can_bo=unit_officer' },
    });
    await s.db.query(`update users set email = 'canbo.lechan@haiphong.gov.vn' where username = 'canbo.lechan'`);
    idp.accounts.set('vneid-0001', { email: 'CanBo.LeChan@haiphong.gov.vn', email_verified: true, name: 'Nguyễn Văn A' });
    idp.accounts.set('vneid-0404', { email: 'nguoi.la@haiphong.gov.vn', email_verified: true, unit_code: 'HP.SKHCN', role: 'can_bo' });
  });
  afterAll(async () => {
    await s?.close();
    await idp?.close();
  });

  /** Start → provider login form → consent → back to Hải Đăng. */
  async function signIn(b: HttpBrowser, login: string) {
    let page = await b.go(`${s.url}/api/auth/oidc/start`);
    if (page.url.startsWith(idp.issuer) && page.body.includes('name="login"')) page = await b.submit(page, { login, password: 'bat-ky' });
    if (page.url.startsWith(idp.issuer) && page.body.includes('value="consent"')) page = await b.submit(page, {});
    return page;
  }

  async function me(b: HttpBrowser) {
    return fetch(`${s.url}/api/me`, { headers: { cookie: b.cookieHeader(s.url) } });
  }

  it('tells the login page that the province sign-in is offered', async () => {
    const res = await fetch(`${s.url}/api/auth/oidc`);
    expect(await res.json()).toEqual({ enabled: true });
  });

  it('links a user by e-mail on the first sign-in and opens a session that reads /api/me', async () => {
    const b = new HttpBrowser();
    const last = await signIn(b, 'vneid-0001');
    // The flow passed through the provider, with PKCE, and came back to the SPA's root.
    const authorize = new URL(b.visited.find((u) => u.startsWith(idp.issuer))!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(last.url).toBe(`${s.url}/`);
    const res = await me(b);
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ username: 'canbo.lechan', role: 'unit_officer' });

    const linked = await s.db.query<{ oidc_subject: string; oidc_issuer: string }>(`select oidc_subject, oidc_issuer from users where username = 'canbo.lechan'`);
    expect(linked[0]).toEqual({ oidc_subject: 'vneid-0001', oidc_issuer: idp.issuer });
    const audit = await s.db.query<{ action: string }>(`select action from audit_log where actor_name = 'canbo.lechan' and action in ('oidc_link', 'login') order by id`);
    expect(audit.map((a) => a.action)).toEqual(['oidc_link', 'login']);
  });

  it('finds the user by subject afterwards, even when the provider changes the e-mail', async () => {
    idp.accounts.set('vneid-0001', { email: 'dia-chi-moi@haiphong.gov.vn', email_verified: true });
    const b = new HttpBrowser();
    await signIn(b, 'vneid-0001');
    expect((await (await me(b)).json()).user.username).toBe('canbo.lechan');
  });

  it('refuses an unmapped account: back to the login page with the reason, no session, audited', async () => {
    const b = new HttpBrowser();
    const last = await signIn(b, 'vneid-0404');
    expect(last.url).toBe(`${s.url}/login?oidc_error=unmapped`);
    expect(b.cookies.get(new URL(s.url).host)?.has('hd_session') ?? false).toBe(false);
    expect((await me(b)).status).toBe(401);
    const audit = await s.db.query<{ actor_name: string }>(`select actor_name from audit_log where action = 'login_failed' and after->>'reason' = 'unmapped'`);
    expect(audit.map((a) => a.actor_name)).toContain('nguoi.la@haiphong.gov.vn');
    expect(await s.db.query(`select 1 from users where lower(email) = 'nguoi.la@haiphong.gov.vn'`)).toHaveLength(0);
  });

  it('does not accept a callback twice, nor one this browser did not start', async () => {
    const b = new HttpBrowser();
    await signIn(b, 'vneid-0001');
    const callback = b.visited.find((u) => u.startsWith(`${s.url}/api/auth/oidc/callback`))!;
    // Replayed by the same browser: the started sign-in was used up.
    const replay = await new HttpBrowser().go(callback);
    expect(replay.url).toBe(`${s.url}/login?oidc_error=expired`);
    const again = await b.go(callback);
    expect(again.url).toBe(`${s.url}/login?oidc_error=expired`);
  });

  it('creates the user from the unit and role claims only when the deployment allows it', async () => {
    s.config.OIDC_CREATE_USERS = true;
    try {
      const b = new HttpBrowser();
      const last = await signIn(b, 'vneid-0404');
      expect(last.url).toBe(`${s.url}/`);
      const user = (await (await me(b)).json()).user;
      expect(user).toMatchObject({ username: 'nguoi.la', role: 'unit_officer', unitName: expect.stringContaining('Khoa học') });
      // No password: the account signs in only through the province.
      const local = await fetch(`${s.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nguoi.la', password: '!' }) });
      expect(local.status).toBe(401);
    } finally {
      s.config.OIDC_CREATE_USERS = false;
    }
  });
});

describe('without OIDC_ISSUER', () => {
  it('offers no province sign-in and sends a stray start back to the login page', async () => {
    const s = await startTestServer({ listen: false });
    try {
      expect((await s.app.inject({ method: 'GET', url: '/api/auth/oidc' })).json()).toEqual({ enabled: false });
      const start = await s.app.inject({ method: 'GET', url: '/api/auth/oidc/start' });
      expect(start.statusCode).toBe(302);
      expect(start.headers.location).toBe('/login?oidc_error=disabled');
    } finally {
      await s.close();
    }
  });
});
