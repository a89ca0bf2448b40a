import type { FastifyInstance } from 'fastify';
import { tokenAllows } from '../../core/auth/api-scopes';
import { recordAudit } from '../audit';
import type { Deps } from '../context';
import { AppError } from '../errors';
import { selectBearer, touchApiToken } from '../modules/api-tokens/queries';
import { hashToken, provinceOf, SCOPE_SQL } from '../modules/auth/sessions';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * `Authorization: Bearer <token>` from another system. The token acts as its service account
 * (role and unit chosen when it was issued), narrowed to its scopes; a cookie on the same
 * request is ignored. No CSRF header: a bearer token is not sent by a browser on its own, so a
 * forged cross-site request cannot carry it. Every use is audited, naming the token.
 * Registered before the session hook, which then leaves the request alone.
 */
export function registerBearer(app: FastifyInstance, deps: Deps): void {
  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization;
    if (!header || !req.url.startsWith('/api/')) return;
    const m = BEARER.exec(header);
    if (!m) throw new AppError('UNAUTHENTICATED', 'Tiêu đề Authorization phải có dạng "Bearer <mã truy cập>"');
    const row = await selectBearer(deps.db, hashToken(m[1]!));
    const now = deps.now();
    if (!row) throw new AppError('UNAUTHENTICATED', 'Mã truy cập API không đúng');
    if (row.revoked_at || !row.active) throw new AppError('UNAUTHENTICATED', 'Mã truy cập API đã bị thu hồi');
    if (new Date(row.expires_at) <= now) throw new AppError('UNAUTHENTICATED', 'Mã truy cập API đã hết hạn');
    const path = req.url.split('?')[0]!;
    const decision = tokenAllows(row.scopes, req.method, path);
    const scope = await deps.db.query<{ id: string }>(SCOPE_SQL, [row.unit_id]);
    const province = await provinceOf(deps.db, row.unit_id, row.role);
    await deps.db.transaction(async (tx) => {
      await touchApiToken(tx, row.id, now.toISOString());
      await recordAudit(tx, { actorId: row.user_id, actorName: row.username, ip: req.ip }, { action: decision.ok ? 'api_call' : 'api_refused', entity: 'api_token', entityId: row.id, after: { method: req.method, path } });
    });
    if (!decision.ok) throw new AppError('FORBIDDEN', decision.reason);
    req.actor = {
      id: row.user_id,
      username: row.username,
      fullName: row.full_name,
      role: row.role,
      unitId: row.unit_id,
      unitName: row.unit_name,
      scope: new Set(scope.map((r) => r.id)),
      ...province,
      csrfToken: '',
      tokenHash: '',
    };
  });
}
