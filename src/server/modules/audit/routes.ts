import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, type Deps } from '../../context';
import { ZIsoDate } from '../../../contracts/common';

const ZAuditQuery = z.strictObject({
  actor: z.string().max(100).optional(),
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export async function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/audit', { schema: { tags: ['audit'], summary: 'Nhật ký thay đổi', querystring: ZAuditQuery } }, async (req) => {
    authorize(req, 'audit.read');
    const q = req.query;
    // Dates are calendar days in Vietnam time; `to` is inclusive.
    const where = `($1::text is null or actor_name ilike '%' || $1 || '%')
      and ($2::text is null or entity = $2) and ($3::text is null or entity_id = $3) and ($4::text is null or action = $4)
      and ($5::date is null or at >= ($5::date)::timestamp at time zone 'Asia/Ho_Chi_Minh')
      and ($6::date is null or at < ($6::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`;
    const params = [q.actor ?? null, q.entity ?? null, q.entityId ?? null, q.action ?? null, q.from ?? null, q.to ?? null];
    const items = await deps.db.query<{ id: number; at: string; actor_id: string | null; actor_name: string; action: string; entity: string; entity_id: string | null; before: unknown; after: unknown }>(
      `select id, at, actor_id, actor_name, action, entity, entity_id, before, after from audit_log where ${where} order by at desc, id desc limit $7 offset $8`,
      [...params, q.limit, q.offset],
    );
    const total = (await deps.db.query<{ n: number }>(`select count(*)::int as n from audit_log where ${where}`, params))[0]!.n;
    return {
      items: items.map((i) => ({ id: i.id, at: i.at, actorId: i.actor_id, actorName: i.actor_name, action: i.action, entity: i.entity, entityId: i.entity_id, before: i.before, after: i.after })),
      total,
    };
  });
}
