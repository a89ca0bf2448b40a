import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZDelivery, ZDeliveryActive, ZDeliveryCreate, ZDeliveryList, ZDeliveryParams, ZDeliveryPreview } from '../../../contracts/deliveries';
import { auditContext, authorize, type Deps } from '../../context';
import { createDelivery, listDeliveries, previewDelivery, setDeliveryActive } from './service';

/** Scheduled e-mails (digests to units' leaders, the monthly summary to the city's leadership): the administrator's. */
export async function deliveryRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/deliveries', { schema: { tags: ['deliveries'], summary: 'Các lịch gửi thư điện tử định kỳ', response: { 200: ZDeliveryList } } }, async (req) => {
    authorize(req, 'delivery.manage');
    return listDeliveries(deps);
  });

  r.post('/api/deliveries', { schema: { tags: ['deliveries'], summary: 'Tạo lịch gửi thư điện tử định kỳ', body: ZDeliveryCreate, response: { 201: ZDelivery } } }, async (req, reply) => {
    authorize(req, 'delivery.manage');
    reply.status(201);
    return createDelivery(deps, auditContext(req), req.body);
  });

  r.put('/api/deliveries/:id/active', { schema: { tags: ['deliveries'], summary: 'Bật hoặc tắt một lịch gửi', params: ZDeliveryParams, body: ZDeliveryActive, response: { 200: ZDelivery } } }, async (req) => {
    authorize(req, 'delivery.manage');
    return setDeliveryActive(deps, auditContext(req), req.params.id, req.body.active);
  });

  r.get('/api/deliveries/:id/preview', { schema: { tags: ['deliveries'], summary: 'Xem trước thư của kỳ gửi hiện tại (không gửi)', params: ZDeliveryParams, response: { 200: ZDeliveryPreview } } }, async (req) => {
    authorize(req, 'delivery.manage');
    return previewDelivery(deps, req.params.id);
  });
}
