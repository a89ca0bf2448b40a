import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorBody } from '../../../contracts/common';
import { ZUnit, ZUnitCreate, ZUnitImported, ZUnitList, ZUnitParams, ZUnitsQuery, ZUnitUpdate } from '../../../contracts/units';
import { attachmentHeader, XLSX_MIME } from '../../excel';
import { XLSX_RESPONSE } from '../../responses';
import { readUpload } from '../../uploads';
import { AppError } from '../../errors';
import { importUnits, unitImportTemplate } from './import';
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

  r.get('/api/units/import-template', { schema: { tags: ['units'], summary: 'Tệp mẫu để nhập cơ cấu tổ chức (có dòng ví dụ)', response: { 200: XLSX_RESPONSE } } }, async (req, reply) => {
    authorize(req, 'unit.manage');
    return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader('Mẫu nhập cơ cấu tổ chức.xlsx')).send(await unitImportTemplate());
  });

  r.post('/api/units/import', { schema: { tags: ['units'], summary: 'Nhập sở, ban, ngành, cơ quan từ Excel: lỗi ở bất kỳ dòng nào thì không ghi gì', consumes: ['multipart/form-data'], response: { 201: ZUnitImported, 400: ZErrorBody } } }, async (req, reply) => {
    authorize(req, 'unit.manage');
    const file = await readUpload(req, { extensions: ['.xlsx', '.csv'] });
    let outcome;
    try {
      outcome = await importUnits(deps, auditContext(req), file);
    } catch (err) {
      if (err instanceof AppError && err.code === 'VALIDATION') return reply.status(400).send({ error: { code: 'VALIDATION', message: err.message, rows: [] } });
      throw err;
    }
    if (!outcome.ok) return reply.status(400).send({ error: { code: 'VALIDATION', message: outcome.message, rows: outcome.errors } });
    reply.status(201);
    return { created: outcome.created, message: outcome.message };
  });
}
