import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isPeriodKey } from '../../../core/periods/period-key';
import { auditContext, authorize, requireActor, type Deps } from '../../context';
import { attachmentHeader, XLSX_MIME } from '../../excel';
import { ZId, ZIsoDate, ZName, ZFreeText, ZTextLine } from '../../../contracts/common';
import { readUpload } from '../../uploads';
import { notFound } from '../../errors';
import { createCatalogue, createIndicator, updateIndicator } from './catalogue';
import { ZImportJob, ZImportJobList } from '../../../contracts/imports';
import { jobById, listJobs, requestCancel } from '../imports/jobs';
import { abortLocal, runImport, startJob, trackImports } from '../imports/runner';
import { importValues, valueTemplate } from './import-values';
import { listNationalCatalogues, loadNationalCatalogue } from './national';
import { indicatorById, INDICATOR_KINDS, listCatalogues, listIndicators, PILLARS, presentCatalogue, presentIndicator } from './queries';
import { rollup, rollupSeries, rollupSummary } from './rollup';
import { deleteTarget, listTargets, upsertTarget } from './targets';
import { enterValue, enterValues, listValues } from './values';

export const ZPeriodKey = z.string().trim().refine(isPeriodKey, 'Kỳ không hợp lệ (ví dụ: 2022-M06, 2022-Q2, 2022-H1, 2022-9M, 2022)');
const ZCode = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,59}$/, 'Mã chỉ số bắt đầu bằng chữ, chỉ gồm chữ không dấu, số và dấu gạch dưới (tối đa 60 ký tự)');
const ZRule = z.enum(['sum', 'ratio', 'mean', 'last']);
// One line up to 300 characters (labels, references), free text with lines beyond.
const ZText = (max: number) => (max <= 300 ? ZTextLine(max) : ZFreeText(max));
const ZNumber = z.number().finite();

const ZCatalogueCreate = z.strictObject({
  code: z.string().trim().regex(/^[A-Z0-9._-]{1,40}$/, 'Mã bộ chỉ số gồm chữ in hoa không dấu, số, dấu chấm, gạch'),
  name: ZName,
  issuer: ZText(300).nullish(),
  documentRef: ZText(300).nullish(),
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullish(),
  pillars: z
    .array(z.strictObject({ key: z.string().trim().regex(/^[a-z0-9_]{1,40}$/, 'Mã trụ cột gồm chữ thường không dấu, số, gạch dưới'), name: ZName }))
    .max(12, 'Tối đa 12 trụ cột')
    .optional(),
});

const indicatorFields = {
  name: ZName,
  pillar: z.enum(PILLARS),
  planPillar: z.string().trim().max(40).nullish(),
  parentId: ZId.nullish(),
  unitOfMeasure: ZTextLine(40).min(1, 'Không được để trống'),
  numeratorLabel: ZText(300).nullish(),
  denominatorLabel: ZText(300).nullish(),
  formula: ZText(2000).nullish(),
  ratioScale: z.number().positive().optional(),
  unitRule: ZRule,
  timeRule: ZRule,
  direction: z.enum(['higher_better', 'lower_better']),
  periodicity: z.enum(['month', 'quarter', 'half', 'nine_months', 'year']),
  sourceAgency: ZName,
  maxPoints: ZNumber.nullish(),
  ragGreen: ZNumber.nullish(),
  ragAmber: ZNumber.nullish(),
  description: ZText(4000).nullish(),
  sortOrder: z.number().int().optional(),
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullish(),
};

const ZIndicatorCreate = z.strictObject({ catalogueId: ZId, code: ZCode, kind: z.enum(INDICATOR_KINDS), ...indicatorFields });
const ZIndicatorUpdate = z.strictObject(indicatorFields).partial().extend({ version: z.number().int().min(1) });

const ZTarget = z.strictObject({
  indicatorId: ZId,
  planCode: ZTextLine(60).min(1, 'Không được để trống'),
  planTitle: ZText(300).nullish(),
  level: z.enum(['city', 'district', 'commune']).nullish(),
  unitId: ZId.nullish(),
  period: ZPeriodKey,
  value: ZNumber,
  note: ZText(1000).nullish(),
  /** 0: create only; n: overwrite only from version n; omitted: set the latest figure. */
  version: z.number().int().min(0).optional(),
});

const valueFields = {
  indicatorId: ZId,
  unitId: ZId,
  period: ZPeriodKey,
  sourceAgency: ZText(300).nullish(),
  value: ZNumber.nullish(),
  numerator: ZNumber.nullish(),
  denominator: ZNumber.nullish(),
  note: ZText(1000).nullish(),
};
const ZValue = z.strictObject({ ...valueFields, version: z.number().int().min(0).optional(), channel: z.enum(['form', 'api']).optional() });
const ZValueBatch = z.strictObject({ values: z.array(z.strictObject(valueFields)).min(1).max(5000) });

export async function indicatorRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  trackImports(app, deps);
  const tags = ['indicators'];

  r.get('/api/indicator-catalogues', { schema: { tags, summary: 'Các bộ chỉ số (kế hoạch, DTI…)' } }, async (req) => {
    authorize(req, 'indicator.read');
    return (await listCatalogues(deps.db)).map(presentCatalogue);
  });

  r.post('/api/indicator-catalogues', { schema: { tags, summary: 'Thêm bộ chỉ số', body: ZCatalogueCreate } }, async (req, reply) => {
    authorize(req, 'indicator.manage');
    reply.status(201);
    return createCatalogue(deps, auditContext(req), req.body);
  });

  r.get('/api/indicator-catalogues/national', { schema: { tags, summary: 'Các bộ chỉ số quốc gia nạp được (DTI, NQ 71/NQ-CP), có nguồn' } }, async (req) => {
    authorize(req, 'indicator.read');
    return listNationalCatalogues();
  });

  r.post('/api/indicator-catalogues/national/:code', {
    schema: { tags, summary: 'Nạp một bộ chỉ số quốc gia', params: z.strictObject({ code: z.string().trim().max(40) }) },
  }, async (req, reply) => {
    authorize(req, 'indicator.manage');
    reply.status(201);
    return loadNationalCatalogue(deps, auditContext(req), req.params.code);
  });

  r.get('/api/indicators', {
    schema: { tags, summary: 'Danh mục chỉ số', querystring: z.strictObject({ catalogueId: ZId.optional(), pillar: z.enum(PILLARS).optional() }) },
  }, async (req) => {
    authorize(req, 'indicator.read');
    return (await listIndicators(deps.db, req.query)).map(presentIndicator);
  });

  r.get('/api/indicators/:id', { schema: { tags, summary: 'Một chỉ số', params: z.strictObject({ id: ZId }) } }, async (req) => {
    authorize(req, 'indicator.read');
    const row = await indicatorById(deps.db, req.params.id);
    if (!row) throw notFound('chỉ số');
    return presentIndicator(row);
  });

  r.post('/api/indicators', { schema: { tags, summary: 'Thêm chỉ số', body: ZIndicatorCreate } }, async (req, reply) => {
    authorize(req, 'indicator.manage');
    reply.status(201);
    return createIndicator(deps, auditContext(req), req.body);
  });

  r.patch('/api/indicators/:id', { schema: { tags, summary: 'Sửa chỉ số', params: z.strictObject({ id: ZId }), body: ZIndicatorUpdate } }, async (req) => {
    authorize(req, 'indicator.manage');
    return updateIndicator(deps, auditContext(req), req.params.id, req.body);
  });

  r.get('/api/indicators/:id/rollup', {
    schema: {
      tags,
      summary: 'Tổng hợp một chỉ số cho một đơn vị (cả cây đơn vị bên dưới và đơn vị tiền thân) và một kỳ',
      params: z.strictObject({ id: ZId }),
      querystring: z.strictObject({ unitId: ZId, period: ZPeriodKey, sourceAgency: ZText(300).optional(), children: z.enum(['true', 'false']).optional() }),
    },
  }, async (req) => {
    // The unit names the province: another province's figures are not read from here (403).
    authorize(req, 'indicator.read', { unitId: req.query.unitId });
    return rollup(deps.db, { indicatorId: req.params.id, unitId: req.query.unitId, period: req.query.period, sourceAgency: req.query.sourceAgency, children: req.query.children !== 'false' });
  });

  r.get('/api/indicators/:id/series', {
    schema: {
      tags,
      summary: 'Chuỗi giá trị của một chỉ số cho một đơn vị qua nhiều kỳ liên tiếp (ví dụ 36 tháng) trong một lần gọi',
      params: z.strictObject({ id: ZId }),
      querystring: z.strictObject({ unitId: ZId, from: ZPeriodKey, to: ZPeriodKey, sourceAgency: ZText(300).optional() }),
    },
  }, async (req) => {
    authorize(req, 'indicator.read', { unitId: req.query.unitId });
    return rollupSeries(deps.db, { indicatorId: req.params.id, unitId: req.query.unitId, from: req.query.from, to: req.query.to, sourceAgency: req.query.sourceAgency });
  });

  r.get('/api/indicator-summary', {
    schema: { tags, summary: 'Giá trị tổng hợp, chỉ tiêu và cảnh báo của mọi chỉ số cho một đơn vị và kỳ', querystring: z.strictObject({ unitId: ZId, period: ZPeriodKey, catalogueId: ZId.optional() }) },
  }, async (req) => {
    authorize(req, 'indicator.read', { unitId: req.query.unitId });
    return rollupSummary(deps.db, req.query.unitId, req.query.period, req.query.catalogueId);
  });

  r.get('/api/indicator-targets', { schema: { tags, summary: 'Chỉ tiêu kế hoạch', querystring: z.strictObject({ indicatorId: ZId.optional() }) } }, async (req) => {
    authorize(req, 'indicator.read');
    return listTargets(deps.db, req.query.indicatorId);
  });

  r.put('/api/indicator-targets', { schema: { tags, summary: 'Đặt chỉ tiêu (theo cấp hoặc đơn vị, năm hoặc quý)', body: ZTarget } }, async (req) => {
    authorize(req, 'indicator.manage');
    return upsertTarget(deps, auditContext(req), req.body);
  });

  r.delete('/api/indicator-targets/:id', {
    schema: { tags, summary: 'Xoá chỉ tiêu', params: z.strictObject({ id: ZId }), querystring: z.strictObject({ version: z.coerce.number().int().min(1) }) },
  }, async (req) => {
    authorize(req, 'indicator.manage');
    return deleteTarget(deps, auditContext(req), req.params.id, req.query.version);
  });

  r.get('/api/indicator-values', {
    schema: {
      tags,
      summary: 'Số liệu đã nhập',
      querystring: z.strictObject({
        indicatorId: ZId.optional(),
        unitId: ZId.optional(),
        period: ZPeriodKey.optional(),
        periodType: z.enum(['month', 'quarter', 'half', 'nine_months', 'year']).optional(),
        from: ZIsoDate.optional(),
        to: ZIsoDate.optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
    },
  }, async (req) => {
    const actor = authorize(req, 'indicator.read', req.query.unitId ? { unitId: req.query.unitId } : {});
    return listValues(deps.db, { ...req.query, provinceId: actor.province === null ? null : actor.provinceId });
  });

  r.post('/api/indicator-values', { schema: { tags, summary: 'Nhập hoặc sửa một giá trị (biểu mẫu hoặc hệ thống khác)', body: ZValue } }, async (req) => {
    const actor = authorize(req, 'indicator.enter', { unitId: req.body.unitId });
    const { channel, ...input } = req.body;
    return enterValue(deps, auditContext(req), actor, input, channel ?? 'api');
  });

  r.post('/api/indicator-values/batch', { schema: { tags, summary: 'Gửi nhiều giá trị một lần (hệ thống khác); một giá trị sai thì không ghi giá trị nào', body: ZValueBatch } }, async (req) => {
    const actor = requireActor(req);
    authorize(req, 'indicator.enter', { unitId: actor.unitId });
    return enterValues(deps, auditContext(req), actor, req.body.values);
  });

  r.get('/api/indicator-imports', { schema: { tags, summary: 'Các lượt nhập số liệu từ tệp', response: { 200: ZImportJobList } } }, async (req) => {
    authorize(req, 'indicator.manage');
    return listJobs(deps.db, 'indicator_values');
  });

  r.get('/api/indicator-imports/template', { schema: { tags, summary: 'Tệp mẫu nhập số liệu (.xlsx)' } }, async (req, reply) => {
    authorize(req, 'indicator.manage');
    const buffer = await valueTemplate(deps.db);
    reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader('mau-nhap-so-lieu-chi-so.xlsx'));
    return reply.send(buffer);
  });

  r.get('/api/indicator-imports/:id', { schema: { tags, summary: 'Tiến độ và lỗi của một lượt nhập', params: z.strictObject({ id: ZId }), response: { 200: ZImportJob } } }, async (req) => {
    authorize(req, 'indicator.manage');
    return jobById(deps.db, req.params.id, 'indicator_values');
  });

  r.post('/api/indicator-imports/:id/cancel', {
    schema: { tags, summary: 'Huỷ một lượt nhập số liệu đang chạy; dữ liệu giữ nguyên như trước khi nhập', params: z.strictObject({ id: ZId }), response: { 200: ZImportJob } },
  }, async (req) => {
    const actor = authorize(req, 'indicator.manage');
    abortLocal(req.params.id, 'indicator_values');
    return requestCancel(deps.db, req.params.id, 'indicator_values', actor.username);
  });

  r.post('/api/indicator-imports', {
    schema: {
      tags,
      summary: 'Nhập số liệu từ tệp .xlsx/.csv (cả tệp bị từ chối nếu có lỗi); trả về lượt nhập để theo dõi tiến độ',
      consumes: ['multipart/form-data'],
      response: { 202: ZImportJob },
    },
  }, async (req, reply) => {
    authorize(req, 'indicator.manage');
    const ctx = auditContext(req);
    const file = await readUpload(req, { extensions: ['.xlsx', '.csv'] });
    const jobId = await startJob(deps, 'indicator_values', file.filename, ctx);
    runImport(app, deps, { id: jobId, kind: 'indicator_values' }, (run) => importValues(deps, ctx, run, file));
    reply.status(202);
    return jobById(deps.db, jobId, 'indicator_values');
  });
}
