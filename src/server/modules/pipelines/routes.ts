import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContext, authorize, type Deps } from '../../context';
import { ZId, ZIsoDate, ZName } from '../../../contracts/common';
import { listRoleUnitRows, listTemplateRows, presentRoleUnit, presentTemplate } from './queries';
import { ensurePipelineSeed } from './seed';
import { createRoleUnit, createTemplate, updateRoleUnit, updateTemplate } from './service';

export const PROJECT_KINDS = ['investment_project', 'recurrent_activity', 'service_rental', 'purchase'] as const;
const ZKind = z.enum(PROJECT_KINDS);
const ZHolderRole = z.enum(['technical_appraiser', 'finance_appraiser', 'approver']);
const ZLongText = z.string().trim().max(2000, 'Quá dài (tối đa 2000 ký tự)');
const ZAmountBound = z.number().int('Số tiền phải là số nguyên đồng').min(0).max(Number.MAX_SAFE_INTEGER);

const ZStep = z.strictObject({
  code: z.string().trim().regex(/^[a-z0-9_]{1,60}$/, 'Mã bước chỉ gồm chữ thường không dấu, số và dấu gạch dưới'),
  name: ZName,
  phase: z.enum(['preparation', 'implementation', 'close_out']),
  actorRole: z.enum(['owner', 'technical_appraiser', 'finance_appraiser', 'approver']),
  action: z.enum(['submit', 'appraise', 'approve', 'allocate', 'contract', 'accept', 'disburse']),
  requiredDocuments: z.array(ZName).max(30),
  timeLimitWorkingDays: z.number().int('Thời hạn là số nguyên ngày làm việc').min(1).max(730),
  returnTo: z.string().trim().min(1).optional(),
  basis: ZLongText.optional(),
});

const ZTemplateCreate = z.strictObject({
  code: z.string().trim().regex(/^[A-Z0-9._-]{1,60}$/, 'Mã quy trình chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch'),
  law: ZName,
  name: ZName,
  kind: ZKind,
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullish(),
  amountMinExclusive: ZAmountBound.nullish(),
  amountMaxInclusive: ZAmountBound.nullish(),
  steps: z.array(ZStep).min(1).max(40),
  note: ZLongText.nullish(),
});

const ZTemplatePatch = z.strictObject({
  version: z.number().int().min(1),
  law: ZName.optional(),
  name: ZName.optional(),
  validFrom: ZIsoDate.optional(),
  validTo: ZIsoDate.nullish(),
  amountMinExclusive: ZAmountBound.nullish(),
  amountMaxInclusive: ZAmountBound.nullish(),
  steps: z.array(ZStep).min(1).max(40).optional(),
  note: ZLongText.nullish(),
});

const ZRoleUnitCreate = z.strictObject({
  role: ZHolderRole,
  kinds: z.array(ZKind).max(4).nullish(),
  unitId: ZId,
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullish(),
  basis: ZLongText.optional(),
});

const ZRoleUnitPatch = z.strictObject({
  version: z.number().int().min(1),
  kinds: z.array(ZKind).max(4).nullish(),
  unitId: ZId.optional(),
  validFrom: ZIsoDate.optional(),
  validTo: ZIsoDate.nullish(),
  basis: ZLongText.optional(),
});

/** Pipeline templates and role holders: rules as data, read by everyone, edited by the administrator. */
export async function pipelineRoutes(app: FastifyInstance, deps: Deps) {
  await ensurePipelineSeed(deps.db);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/pipeline-templates', { schema: { tags: ['projects'], summary: 'Các quy trình dự án CNTT (theo văn bản, có hiệu lực từ ngày)' } }, async (req) => {
    authorize(req, 'system.read');
    return (await listTemplateRows(deps.db)).map(presentTemplate);
  });

  r.post('/api/pipeline-templates', { schema: { tags: ['projects'], summary: 'Thêm quy trình (văn bản mới)', body: ZTemplateCreate } }, async (req, reply) => {
    authorize(req, 'pipeline.manage');
    reply.status(201);
    return createTemplate(deps, auditContext(req), req.body);
  });

  r.patch('/api/pipeline-templates/:id', {
    schema: { tags: ['projects'], summary: 'Sửa quy trình (tên, thời hạn, hồ sơ cần có, hiệu lực)', params: z.strictObject({ id: ZId }), body: ZTemplatePatch },
  }, async (req) => {
    authorize(req, 'pipeline.manage');
    return updateTemplate(deps, auditContext(req), req.params.id, req.body);
  });

  r.get('/api/pipeline-role-units', { schema: { tags: ['projects'], summary: 'Đơn vị giữ vai trò thẩm định, phê duyệt theo thời gian' } }, async (req) => {
    authorize(req, 'system.read');
    await ensurePipelineSeed(deps.db);
    return (await listRoleUnitRows(deps.db)).map(presentRoleUnit);
  });

  r.post('/api/pipeline-role-units', { schema: { tags: ['projects'], summary: 'Giao vai trò cho đơn vị từ một ngày', body: ZRoleUnitCreate } }, async (req, reply) => {
    authorize(req, 'pipeline.manage');
    reply.status(201);
    return createRoleUnit(deps, auditContext(req), req.body);
  });

  r.patch('/api/pipeline-role-units/:id', {
    schema: { tags: ['projects'], summary: 'Sửa phân công vai trò', params: z.strictObject({ id: ZId }), body: ZRoleUnitPatch },
  }, async (req) => {
    authorize(req, 'pipeline.manage');
    return updateRoleUnit(deps, auditContext(req), req.params.id, req.body);
  });
}
