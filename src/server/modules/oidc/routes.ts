import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZOidcStatus } from '../../../contracts/oidc';
import type { Deps } from '../../context';
import { SESSION_COOKIE } from '../auth/sessions';
import { oidcEnabled } from './provider';
import { finishOidcLogin, OidcRefusal, startOidcLogin } from './service';

const STATE_COOKIE = 'hd_oidc_state';

/**
 * Sign-in through the province's OpenID provider. `start` sends the browser to the provider;
 * the provider sends it back to `callback`, which opens the same session a password login
 * opens and returns to the SPA. Refusals go back to the login page with ?oidc_error=<code>,
 * which the page explains in Vietnamese.
 */
export async function oidcRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Lax, not Strict: the callback arrives as a top-level navigation from the provider's site.
  const stateCookie = { path: '/api/auth/oidc', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.COOKIE_SECURE, maxAge: 600 };
  const sessionCookie = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: deps.config.COOKIE_SECURE };

  r.get('/api/auth/oidc', { schema: { tags: ['auth'], summary: 'Có đăng nhập bằng tài khoản tỉnh (OpenID Connect) không', response: { 200: ZOidcStatus } } }, async () => ({ enabled: oidcEnabled(deps.config) }));

  r.get('/api/auth/oidc/start', { schema: { tags: ['auth'], summary: 'Chuyển tới trang đăng nhập của tài khoản tỉnh (302)' } }, async (_req, reply) => {
    if (!oidcEnabled(deps.config)) return reply.redirect('/login?oidc_error=disabled');
    try {
      const { url, state } = await startOidcLogin(deps);
      reply.setCookie(STATE_COOKIE, state, stateCookie);
      return reply.redirect(url);
    } catch (err) {
      _req.log.warn({ err }, 'OpenID provider unreachable');
      return reply.redirect('/login?oidc_error=provider');
    }
  });

  r.get('/api/auth/oidc/callback', { schema: { tags: ['auth'], summary: 'Nơi tài khoản tỉnh trả về sau khi đăng nhập (302)' } }, async (req, reply) => {
    reply.clearCookie(STATE_COOKIE, stateCookie);
    if (!oidcEnabled(deps.config)) return reply.redirect('/login?oidc_error=disabled');
    // The provider's own parameters, read against the configured redirect URI (the address
    // the provider was told), not against whatever Host header a proxy passed on.
    const callbackUrl = new URL(deps.config.OIDC_REDIRECT_URI!);
    callbackUrl.search = new URL(req.url, 'http://x').search;
    try {
      const result = await finishOidcLogin(deps, callbackUrl, req.cookies[STATE_COOKIE], req.ip, req.headers['user-agent']);
      reply.setCookie(SESSION_COOKIE, result.token, sessionCookie);
      return reply.redirect('/');
    } catch (err) {
      if (err instanceof OidcRefusal) return reply.redirect(`/login?oidc_error=${err.code}`);
      throw err;
    }
  });
}
