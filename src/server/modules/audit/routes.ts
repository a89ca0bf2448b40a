import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZAuditPage, ZAuditQuery, type TAuditPage } from '../../../contracts/audit';
import { authorize, type Deps } from '../../context';
import { searchAudit } from './queries';

export async function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/audit', { schema: { tags: ['audit'], summary: 'Nhật ký thay đổi', querystring: ZAuditQuery, response: { 200: ZAuditPage } } }, async (req): Promise<TAuditPage> => {
    authorize(req, 'audit.read');
    const { rows, total } = await searchAudit(deps.db, req.query);
    return {
      items: rows.map((i) => ({ id: i.id, at: i.at, actorId: i.actor_id, actorName: i.actor_name, action: i.action, entity: i.entity, entityId: i.entity_id, before: i.before, after: i.after })),
      total,
    };
  });
}
