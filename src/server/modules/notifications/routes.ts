import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, type Deps } from '../../context';

export async function notificationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/notifications', {
    schema: { tags: ['notifications'], summary: 'Thông báo của tôi', querystring: z.strictObject({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
  }, async (req) => {
    const actor = authorize(req, 'system.read');
    const items = await deps.db.query<{ id: number; kind: string; title: string; body: string; link: string | null; created_at: string; read_at: string | null }>(
      `select id, kind, title, body, link, created_at, read_at from notifications
        where user_id = $1 and ($2::boolean is not true or read_at is null) order by created_at desc, id desc limit $3`,
      [actor.id, req.query.unread === 'true', req.query.limit],
    );
    const unread = (await deps.db.query<{ n: number }>('select count(*)::int as n from notifications where user_id = $1 and read_at is null', [actor.id]))[0]!.n;
    return { unread, items: items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, body: i.body, link: i.link, createdAt: i.created_at, readAt: i.read_at })) };
  });

  r.post('/api/notifications/:id/read', { schema: { tags: ['notifications'], summary: 'Đánh dấu đã đọc', params: z.strictObject({ id: z.coerce.number().int().min(1) }) } }, async (req) => {
    const actor = authorize(req, 'system.read');
    await deps.db.query('update notifications set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2', [req.params.id, actor.id]);
    return { ok: true };
  });

  r.post('/api/notifications/read-all', { schema: { tags: ['notifications'], summary: 'Đánh dấu tất cả đã đọc' } }, async (req) => {
    const actor = authorize(req, 'system.read');
    await deps.db.query('update notifications set read_at = now() where user_id = $1 and read_at is null', [actor.id]);
    return { ok: true };
  });
}
