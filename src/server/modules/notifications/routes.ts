import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZMarkedRead, ZNotificationList, ZNotificationParams, ZNotificationQuery, type TNotificationList } from '../../../contracts/notifications';
import { authorize, type Deps } from '../../context';
import { markAllRead, markRead, notificationsOf, unreadCount } from './queries';

export async function notificationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/notifications', {
    schema: { tags: ['notifications'], summary: 'Thông báo của tôi', querystring: ZNotificationQuery, response: { 200: ZNotificationList } },
  }, async (req): Promise<TNotificationList> => {
    const actor = authorize(req, 'system.read');
    const items = await notificationsOf(deps.db, actor.id, req.query.unread === 'true', req.query.limit);
    return {
      unread: await unreadCount(deps.db, actor.id),
      items: items.map((i) => ({ id: i.id, kind: i.kind, title: i.title, body: i.body, link: i.link, createdAt: i.created_at, readAt: i.read_at })),
    };
  });

  r.post('/api/notifications/:id/read', {
    schema: { tags: ['notifications'], summary: 'Đánh dấu đã đọc', params: ZNotificationParams, response: { 200: ZMarkedRead } },
  }, async (req) => {
    const actor = authorize(req, 'system.read');
    await markRead(deps.db, actor.id, req.params.id);
    return { ok: true as const };
  });

  r.post('/api/notifications/read-all', { schema: { tags: ['notifications'], summary: 'Đánh dấu tất cả đã đọc', response: { 200: ZMarkedRead } } }, async (req) => {
    const actor = authorize(req, 'system.read');
    await markAllRead(deps.db, actor.id);
    return { ok: true as const };
  });
}
