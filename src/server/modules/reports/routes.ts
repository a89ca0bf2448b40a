import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can, type Action } from '../../../core/auth/policy';
import { auditContext, authorize, readReach, requireActor, today, type Deps, type SessionActor } from '../../context';
import { attachmentHeader, XLSX_MIME } from '../../excel';
import { ZId, ZIsoDate, ZName, ZFreeText, ZTextLine } from '../../../contracts/common';
import { ZPeriodKey } from '../indicators/routes';
import { consolidate } from './consolidate';
import { consolidatedDocx, consolidatedXlsx, DOCX_MIME } from './export';
import { listRegimes, presentRegime, regimeById, regimeFields, regimeUnits } from './queries';
import { createRegime, loadRegime, updateRegime } from './regimes';
import { approve, returnSubmission, saveDraft, submissionUnit, submissionView, submit} from './submissions';
import { regimePeriods, timelinessGrid } from './timeliness';
import { notFound } from '../../errors';

const ZDeadlineRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('working_days_after_cutoff'), days: z.number().int().min(1).max(60) }),
  z.strictObject({ kind: z.literal('day_of_month'), day: z.number().int().min(1).max(31), monthOffset: z.number().int().min(0).max(12) }),
]);
const ZField = z.strictObject({ kind: z.enum(['indicator', 'text']), indicatorId: ZId.nullish(), label: ZTextLine(300).nullish(), required: z.boolean().optional() });
const regimeFieldsSchema = {
  title: ZName,
  content: ZFreeText(10_000).optional(),
  deadlineRule: ZDeadlineRule,
  receivingUnitId: ZId,
  sendingMethod: ZTextLine(300).min(1, 'Không được để trống'),
  legalBasis: ZFreeText(1000).nullish(),
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullish(),
  unitIds: z.array(ZId).min(1, 'Chọn ít nhất một đơn vị báo cáo').max(2000),
  fields: z.array(ZField).min(1, 'Biểu mẫu cần ít nhất một trường').max(100),
};
const ZRegimeCreate = z.strictObject({
  code: z.string().trim().regex(/^[A-Z0-9._-]{1,60}$/, 'Mã chế độ báo cáo gồm chữ in hoa không dấu, số, dấu chấm, gạch'),
  reportKind: z.enum(['periodic', 'thematic', 'ad_hoc']),
  periodType: z.enum(['month', 'quarter', 'half', 'nine_months', 'year']),
  ...regimeFieldsSchema,
});
const ZRegimeUpdate = z.strictObject(regimeFieldsSchema).partial().extend({ version: z.number().int().min(1) });
const ZAnswer = z.strictObject({
  text: ZFreeText(20_000).nullish(),
  value: z.number().finite().nullish(),
  numerator: z.number().finite().nullish(),
  denominator: z.number().finite().nullish(),
});
const ZSave = z.strictObject({ unitId: ZId, period: ZPeriodKey, answers: z.record(z.string(), ZAnswer), version: z.number().int().min(0).optional() });
const ZVersion = z.strictObject({ version: z.number().int().min(1) });
const ZReturn = z.strictObject({ version: z.number().int().min(1), reason: ZFreeText(2000).min(5, 'Hãy ghi rõ lý do trả lại (ít nhất 5 ký tự)') });

/**
 * The policy is scoped by unit. A route first asks whether the actor may do the action at
 * all (on their own unit), so a role that never may is refused before anything is looked up;
 * then, once the report is found, whether they may do it on that report's unit.
 */
function authorizeOwn(req: FastifyRequest, action: Action): SessionActor {
  const actor = requireActor(req);
  return authorize(req, action, { unitId: actor.unitId });
}

/** City-wide readers see their province; unit roles the units in their scope; national everything. */
function readScope(actor: SessionActor): ReadonlySet<string> | null {
  return readReach(actor, 'report.read');
}

export async function reportRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];

  r.get('/api/report-regimes', { schema: { tags, summary: 'Chế độ báo cáo (NĐ 09/2019)' } }, async (req) => {
    const actor = authorizeOwn(req, 'report.read');
    const scope = readScope(actor);
    const rows = await listRegimes(deps.db, scope ? [...scope] : null);
    return Promise.all(rows.map(async (row) => presentRegime(row, await regimeFields(deps.db, row.id), await regimeUnits(deps.db, row.id))));
  });

  r.post('/api/report-regimes', { schema: { tags, summary: 'Ban hành chế độ báo cáo', body: ZRegimeCreate } }, async (req, reply) => {
    authorize(req, 'indicator.manage');
    reply.status(201);
    return createRegime(deps, auditContext(req), req.body);
  });

  r.get('/api/report-regimes/:id', { schema: { tags, summary: 'Một chế độ báo cáo', params: z.strictObject({ id: ZId }) } }, async (req) => {
    authorizeOwn(req, 'report.read');
    return loadRegime(deps.db, req.params.id);
  });

  r.patch('/api/report-regimes/:id', { schema: { tags, summary: 'Sửa chế độ báo cáo', params: z.strictObject({ id: ZId }), body: ZRegimeUpdate } }, async (req) => {
    authorize(req, 'indicator.manage');
    return updateRegime(deps, auditContext(req), req.params.id, req.body);
  });

  r.get('/api/report-regimes/:id/periods', {
    schema: { tags, summary: 'Các kỳ báo cáo trong năm: chốt số liệu, hạn gửi, số báo cáo đã nộp', params: z.strictObject({ id: ZId }), querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }) },
  }, async (req) => {
    authorizeOwn(req, 'report.read');
    return regimePeriods(deps.db, req.params.id, req.query.year, today(deps));
  });

  r.get('/api/report-regimes/:id/timeliness', {
    schema: { tags, summary: 'Tình hình gửi báo cáo của một kỳ: đúng hạn, trễ hạn, chưa gửi', params: z.strictObject({ id: ZId }), querystring: z.strictObject({ period: ZPeriodKey }) },
  }, async (req) => {
    const actor = authorizeOwn(req, 'report.read');
    return timelinessGrid(deps.db, req.params.id, req.query.period, today(deps), readScope(actor));
  });

  r.get('/api/report-regimes/:id/submission', {
    schema: { tags, summary: 'Báo cáo của một đơn vị trong một kỳ (biểu mẫu, trạng thái, lịch sử)', params: z.strictObject({ id: ZId }), querystring: z.strictObject({ unitId: ZId, period: ZPeriodKey }) },
  }, async (req) => {
    authorizeOwn(req, 'report.read');
    const regime = await regimeById(deps.db, req.params.id);
    if (!regime) throw notFound('chế độ báo cáo');
    authorize(req, 'report.read', { unitId: req.query.unitId, participantUnitIds: [regime.receiving_unit_id] });
    return submissionView(deps, req.params.id, req.query.unitId, req.query.period);
  });

  r.put('/api/report-regimes/:id/submission', {
    schema: { tags, summary: 'Lưu báo cáo đang soạn của đơn vị', params: z.strictObject({ id: ZId }), body: ZSave },
  }, async (req) => {
    authorize(req, 'report.submit', { unitId: req.body.unitId });
    return saveDraft(deps, auditContext(req), req.params.id, req.body);
  });

  r.post('/api/report-submissions/:id/submit', { schema: { tags, summary: 'Nộp báo cáo', params: z.strictObject({ id: ZId }), body: ZVersion } }, async (req) => {
    authorizeOwn(req, 'report.submit');
    const actor = authorize(req, 'report.submit', { unitId: await submissionUnit(deps.db, req.params.id) });
    return submit(deps, auditContext(req), actor, req.params.id, req.body.version);
  });

  r.post('/api/report-submissions/:id/return', { schema: { tags, summary: 'Trả lại báo cáo, nêu lý do', params: z.strictObject({ id: ZId }), body: ZReturn } }, async (req) => {
    authorizeOwn(req, 'report.approve');
    const actor = authorize(req, 'report.approve', { unitId: await submissionUnit(deps.db, req.params.id) });
    return returnSubmission(deps, auditContext(req), actor, req.params.id, req.body.version, req.body.reason);
  });

  r.post('/api/report-submissions/:id/approve', { schema: { tags, summary: 'Duyệt báo cáo', params: z.strictObject({ id: ZId }), body: ZVersion } }, async (req) => {
    authorizeOwn(req, 'report.approve');
    const actor = authorize(req, 'report.approve', { unitId: await submissionUnit(deps.db, req.params.id) });
    return approve(deps, auditContext(req), actor, req.params.id, req.body.version);
  });

  r.get('/api/report-regimes/:id/export', {
    schema: {
      tags,
      summary: 'Xuất báo cáo tổng hợp của một kỳ (.xlsx hoặc .docx theo thể thức NĐ 30/2020)',
      params: z.strictObject({ id: ZId }),
      querystring: z.strictObject({ period: ZPeriodKey, format: z.enum(['xlsx', 'docx']) }),
    },
  }, async (req, reply) => {
    authorizeOwn(req, 'report.read');
    const regime = await regimeById(deps.db, req.params.id);
    if (!regime) throw notFound('chế độ báo cáo');
    // Only the receiving side (and city-wide readers) reads every unit's report.
    authorize(req, 'report.read', { unitId: regime.receiving_unit_id });
    const data = await consolidate(deps.db, req.params.id, req.query.period, today(deps));
    const name = `bao-cao-tong-hop-${regime.code}-${req.query.period}`;
    if (req.query.format === 'xlsx') {
      reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(`${name}.xlsx`));
      return reply.send(await consolidatedXlsx(data));
    }
    const receiving = (await deps.db.query<{ name: string; parent: string | null }>(
      'select u.name, p.name as parent from units u left join units p on p.id = u.parent_id where u.id = $1',
      [regime.receiving_unit_id],
    ))[0]!;
    reply.header('content-type', DOCX_MIME).header('content-disposition', attachmentHeader(`${name}.docx`));
    return reply.send(await consolidatedDocx(data, { parent: receiving.parent ?? 'Ủy ban nhân dân thành phố Hải Phòng', unit: receiving.name }));
  });
}
