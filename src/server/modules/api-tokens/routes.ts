import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZApiToken, ZApiTokenCreate, ZApiTokenCreated, ZApiTokenList, ZApiTokenParams } from '../../../contracts/api-tokens';
import { auditContext, authorize, type Deps } from '../../context';
import { createApiToken, listApiTokens, revokeToken } from './service';

/**
 * Tokens for other systems. Issuing one is managing who may act in the system, so it is the
 * administrator's (`user.manage`); a token itself never reaches these routes (api-scopes.ts).
 */
export async function apiTokenRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/api-tokens', { schema: { tags: ['api-tokens'], summary: 'Các mã truy cập API (không kèm bí mật)', response: { 200: ZApiTokenList } } }, async (req) => {
    authorize(req, 'user.manage');
    return listApiTokens(deps);
  });

  r.post('/api/api-tokens', { schema: { tags: ['api-tokens'], summary: 'Cấp mã truy cập API (bí mật chỉ hiện một lần)', body: ZApiTokenCreate, response: { 201: ZApiTokenCreated } } }, async (req, reply) => {
    authorize(req, 'user.manage');
    reply.status(201);
    return createApiToken(deps, auditContext(req), req.body);
  });

  r.post('/api/api-tokens/:id/revoke', { schema: { tags: ['api-tokens'], summary: 'Thu hồi mã truy cập API', params: ZApiTokenParams, response: { 200: ZApiToken } } }, async (req) => {
    authorize(req, 'user.manage');
    return revokeToken(deps, auditContext(req), req.params.id);
  });
}
