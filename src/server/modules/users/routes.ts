import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../../core/auth/policy';
import { ROLES } from '../../../core/auth/roles';
import { auditContext, authorize, requireActor, type Deps } from '../../context';
import { forbidden } from '../../errors';
import { ZId, ZName } from '../../../contracts/common';
import { createUser, listUsers, updateUser } from './service';

const ZUsername = z.string().trim().regex(/^[a-zA-Z0-9._-]{3,60}$/, 'Tên đăng nhập gồm 3–60 ký tự: chữ không dấu, số, dấu chấm, gạch');
const ZPassword = z.string().min(1, 'Hãy nhập mật khẩu').max(200, 'Mật khẩu quá dài');

const ZUserCreate = z.strictObject({ username: ZUsername, password: ZPassword, fullName: ZName, role: z.enum(ROLES), unitId: ZId });
const ZUserUpdate = z.strictObject({
  version: z.number().int().min(1),
  fullName: ZName.optional(),
  role: z.enum(ROLES).optional(),
  unitId: ZId.optional(),
  active: z.boolean().optional(),
  password: ZPassword.optional(),
});

export async function userRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/users', { schema: { tags: ['users'], summary: 'Danh sách người dùng' } }, async (req) => {
    const actor = requireActor(req);
    const everywhere = can({ ...actor, province: undefined }, 'user.read', { unitId: '*' });
    if (!everywhere && !can(actor, 'user.read', { unitId: actor.unitId })) throw forbidden();
    return listUsers(deps.db, everywhere ? (actor.province ?? null) : actor.scope);
  });

  r.post('/api/users', { schema: { tags: ['users'], summary: 'Tạo người dùng', body: ZUserCreate } }, async (req, reply) => {
    authorize(req, 'user.manage');
    reply.status(201);
    return createUser(deps, auditContext(req), req.body);
  });

  r.patch('/api/users/:id', { schema: { tags: ['users'], summary: 'Sửa người dùng', params: z.strictObject({ id: ZId }), body: ZUserUpdate } }, async (req) => {
    authorize(req, 'user.manage');
    return updateUser(deps, auditContext(req), req.params.id, req.body);
  });
}
