import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZLoginThrottleList, ZLoginThrottleRelease } from '../../../contracts/auth';
import { ZOk } from '../../../contracts/common';
import { auditContext, authorize, requireActor, type Deps, type SessionActor } from '../../context';
import { listThrottles, login, logout, releaseThrottle } from './service';
import { SESSION_COOKIE } from './sessions';

export const ZLogin = z.strictObject({
  username: z.string().trim().min(1, 'Hãy nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Hãy nhập mật khẩu').max(200),
});

export function presentUser(a: SessionActor) {
  return { id: a.id, username: a.username, fullName: a.fullName, role: a.role, unitId: a.unitId, unitName: a.unitName };
}

export async function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: deps.config.COOKIE_SECURE };

  r.post('/api/auth/login', { schema: { tags: ['auth'], summary: 'Đăng nhập', body: ZLogin } }, async (req, reply) => {
    const result = await login(deps, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, result.token, cookieOptions);
    const rows = await deps.db.query<{ id: string; username: string; full_name: string; role: SessionActor['role']; unit_id: string; unit_name: string }>(
      'select u.id, u.username, u.full_name, u.role, u.unit_id, n.name as unit_name from users u join units n on n.id = u.unit_id where u.id = $1',
      [result.userId],
    );
    const u = rows[0]!;
    return { user: { id: u.id, username: u.username, fullName: u.full_name, role: u.role, unitId: u.unit_id, unitName: u.unit_name }, csrfToken: result.csrfToken, idleMinutes: deps.config.SESSION_IDLE_MINUTES };
  });

  r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất' } }, async (req, reply) => {
    const actor = requireActor(req);
    await logout(deps, actor.tokenHash, actor, req.ip);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return { ok: true };
  });

  r.get('/api/me', { schema: { tags: ['auth'], summary: 'Người dùng hiện tại' } }, async (req) => {
    const actor = requireActor(req);
    return { user: presentUser(actor), csrfToken: actor.csrfToken, idleMinutes: deps.config.SESSION_IDLE_MINUTES };
  });

  r.get('/api/auth/throttles', { schema: { tags: ['auth'], summary: 'Các tài khoản và địa chỉ đang bị hạn chế đăng nhập', response: { 200: ZLoginThrottleList } } }, async (req) => {
    authorize(req, 'user.manage');
    return listThrottles(deps);
  });

  r.post(
    '/api/auth/throttles/release',
    { schema: { tags: ['auth'], summary: 'Gỡ hạn chế đăng nhập của một tài khoản tại một địa chỉ', body: ZLoginThrottleRelease, response: { 200: ZOk } } },
    async (req) => {
      authorize(req, 'user.manage');
      return releaseThrottle(deps, auditContext(req), req.body);
    },
  );
}
