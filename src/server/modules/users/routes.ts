import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { can } from '../../../core/auth/policy';
import { auditContext, authorize, requireActor, type Deps } from '../../context';
import { forbidden } from '../../errors';
import { ZUser, ZUserCreate, ZUserList, ZUserParams, ZUserUpdate } from '../../../contracts/users';
import { createUser, listUsers, updateUser } from './service';

export async function userRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/users', { schema: { tags: ['users'], summary: 'Danh sách người dùng', response: { 200: ZUserList } } }, async (req) => {
    const actor = requireActor(req);
    const everywhere = can({ ...actor, province: undefined }, 'user.read', { unitId: '*' });
    if (!everywhere && !can(actor, 'user.read', { unitId: actor.unitId })) throw forbidden();
    return listUsers(deps.db, everywhere ? (actor.province ?? null) : actor.scope);
  });

  r.post('/api/users', { schema: { tags: ['users'], summary: 'Tạo người dùng', body: ZUserCreate, response: { 201: ZUser } } }, async (req, reply) => {
    authorize(req, 'user.manage');
    reply.status(201);
    return createUser(deps, auditContext(req), req.body);
  });

  r.patch('/api/users/:id', { schema: { tags: ['users'], summary: 'Sửa người dùng', params: ZUserParams, body: ZUserUpdate, response: { 200: ZUser } } }, async (req) => {
    authorize(req, 'user.manage');
    return updateUser(deps, auditContext(req), req.params.id, req.body);
  });
}
