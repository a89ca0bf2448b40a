import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZUnit, ZUnitCreate, ZUnitList, ZUnitParams, ZUnitsQuery, ZUnitUpdate } from '../../../contracts/units';
import { auditContext, authorize, today, type Deps } from '../../context';
import { presentUnit } from './model';
import { unitsValidOn } from './queries';
import { createUnit, updateUnit } from './service';

export async function unitRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/units', {
    schema: { tags: ['units'], summary: 'Các đơn vị có hiệu lực tại một ngày', querystring: ZUnitsQuery, response: { 200: ZUnitList } },
  }, async (req) => {
    authorize(req, 'unit.read');
    return (await unitsValidOn(deps.db, req.query.asOf ?? today(deps))).map(presentUnit);
  });

  r.post('/api/units', { schema: { tags: ['units'], summary: 'Thêm đơn vị', body: ZUnitCreate, response: { 201: ZUnit } } }, async (req, reply) => {
    authorize(req, 'unit.manage');
    reply.status(201);
    return createUnit(deps, auditContext(req), req.body);
  });

  r.patch('/api/units/:id', {
    schema: { tags: ['units'], summary: 'Sửa đơn vị', params: ZUnitParams, body: ZUnitUpdate, response: { 200: ZUnit } },
  }, async (req) => {
    authorize(req, 'unit.manage');
    return updateUnit(deps, auditContext(req), req.params.id, req.body);
  });
}
