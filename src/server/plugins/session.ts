import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context';
import { AppError } from '../errors';
import { loadSession, SessionCache, SESSION_COOKIE } from '../modules/auth/sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// The setup claim carries its own proof (the one-time code in the server log): nobody has a session yet.
const PUBLIC_WRITES = new Set(['/api/auth/login', '/api/setup/claim']);

/**
 * Attaches `req.actor` from the session cookie, and refuses every state-changing
 * request whose `x-csrf-token` header does not match the session's token. The cookie
 * is SameSite=Strict as well; the header is the check that does not depend on browsers.
 */
export function registerSession(app: FastifyInstance, deps: Deps): void {
  const cache = new SessionCache();
  // Any request that may write (sign-out, a password, a role, a unit) forgets what was kept,
  // when it starts and again once its work is done, before its answer leaves.
  app.addHook('onRequest', async (req) => {
    if (!SAFE_METHODS.has(req.method)) cache.clear();
  });
  app.addHook('onSend', async (req, _reply, payload) => {
    if (!SAFE_METHODS.has(req.method)) cache.clear();
    return payload;
  });
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    if (req.actor) return; // signed in by an API token (plugins/bearer.ts): no cookie, no CSRF header
    // A health probe needs no session; loading one would queue it behind the database.
    if (req.url === '/api/health') return;
    const token = req.cookies[SESSION_COOKIE];
    let expired = false;
    if (token) {
      const found = await loadSession(deps.db, token, deps.now(), deps.config.SESSION_IDLE_MINUTES, cache);
      if (found.kind === 'ok') req.actor = found.actor;
      expired = found.kind === 'expired';
    }
    const path = req.url.split('?')[0]!;
    if (SAFE_METHODS.has(req.method) || PUBLIC_WRITES.has(path)) {
      if (expired) throw new AppError('UNAUTHENTICATED', 'Phiên làm việc đã hết hạn do không hoạt động. Hãy đăng nhập lại.');
      return;
    }
    if (!req.actor) {
      throw new AppError('UNAUTHENTICATED', expired ? 'Phiên làm việc đã hết hạn do không hoạt động. Hãy đăng nhập lại.' : 'Bạn cần đăng nhập để tiếp tục');
    }
    if (req.headers['x-csrf-token'] !== req.actor.csrfToken) {
      throw new AppError('CSRF', 'Thiếu hoặc sai mã chống giả mạo (x-csrf-token). Hãy tải lại trang.');
    }
  });
}
