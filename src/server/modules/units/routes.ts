import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContext, authorize, type Deps } from '../../context';
import { ZId, ZIsoDate, ZName } from '../../../contracts/common';
import { presentUnit, unitsValidOn } from './queries';
import { createUnit, UNIT_KINDS, updateUnit } from './service';

const ZUnitCreate = z.strictObject({
  code: z.string().trim().regex(/^[A-Z0-9._-]{1,60}$/, 'Mã đơn vị chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch (tối đa 60 ký tự)'),
  name: ZName,
  shortName: ZName.nullish(),
  kind: z.enum(UNIT_KINDS),
  parentId: ZId.nullable(),
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullish(),
  aliases: z.array(ZName).max(50).optional(),
  successorIds: z.array(ZId).max(50).optional(),
});

const ZUnitUpdate = z.strictObject({
  version: z.number().int().min(1),
  name: ZName.optional(),
  shortName: ZName.nullish(),
  validTo: ZIsoDate.nullish(),
  aliases: z.array(ZName).max(50).optional(),
  successorIds: z.array(ZId).max(50).optional(),
});

export async function unitRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/units', {
    schema: { tags: ['units'], summary: 'Các đơn vị có hiệu lực tại một ngày', querystring: z.strictObject({ asOf: ZIsoDate.optional() }) },
  }, async (req) => {
    authorize(req, 'unit.read');
    const asOf = req.query.asOf ?? deps.now().toISOString().slice(0, 10);
    return (await unitsValidOn(deps.db, asOf)).map(presentUnit);
  });

  r.post('/api/units', { schema: { tags: ['units'], summary: 'Thêm đơn vị', body: ZUnitCreate } }, async (req, reply) => {
    authorize(req, 'unit.manage');
    reply.status(201);
    return createUnit(deps, auditContext(req), req.body);
  });

  r.patch('/api/units/:id', {
    schema: { tags: ['units'], summary: 'Sửa đơn vị', params: z.strictObject({ id: ZId }), body: ZUnitUpdate },
  }, async (req) => {
    authorize(req, 'unit.manage');
    return updateUnit(deps, auditContext(req), req.params.id, req.body);
  });
}
