import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZPipelineParams,
  ZPipelineTemplate,
  ZPipelineTemplateList,
  ZRoleUnit,
  ZRoleUnitCreate,
  ZRoleUnitList,
  ZRoleUnitPatch,
  ZTemplateCreate,
  ZTemplatePatch,
} from '../../../contracts/pipelines';
import { auditContext, authorize, type Deps } from '../../context';
import { presentRoleUnit, presentTemplate } from './model';
import { listRoleUnitRows, listTemplateRows } from './queries';
import { ensurePipelineSeed } from './seed';
import { createRoleUnit, createTemplate, updateRoleUnit, updateTemplate } from './service';

/** Pipeline templates and role holders: rules as data, read by everyone, edited by the administrator. */
export async function pipelineRoutes(app: FastifyInstance, deps: Deps) {
  await ensurePipelineSeed(deps.db);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/pipeline-templates', {
    schema: { tags: ['projects'], summary: 'Các quy trình dự án CNTT (theo văn bản, có hiệu lực từ ngày)', response: { 200: ZPipelineTemplateList } },
  }, async (req) => {
    authorize(req, 'system.read');
    return (await listTemplateRows(deps.db)).map(presentTemplate);
  });

  r.post('/api/pipeline-templates', {
    schema: { tags: ['projects'], summary: 'Thêm quy trình (văn bản mới)', body: ZTemplateCreate, response: { 201: ZPipelineTemplate } },
  }, async (req, reply) => {
    authorize(req, 'pipeline.manage');
    reply.status(201);
    return createTemplate(deps, auditContext(req), req.body);
  });

  r.patch('/api/pipeline-templates/:id', {
    schema: { tags: ['projects'], summary: 'Sửa quy trình (tên, thời hạn, hồ sơ cần có, hiệu lực)', params: ZPipelineParams, body: ZTemplatePatch, response: { 200: ZPipelineTemplate } },
  }, async (req) => {
    authorize(req, 'pipeline.manage');
    return updateTemplate(deps, auditContext(req), req.params.id, req.body);
  });

  r.get('/api/pipeline-role-units', {
    schema: { tags: ['projects'], summary: 'Đơn vị giữ vai trò thẩm định, phê duyệt theo thời gian', response: { 200: ZRoleUnitList } },
  }, async (req) => {
    authorize(req, 'system.read');
    await ensurePipelineSeed(deps.db);
    return (await listRoleUnitRows(deps.db)).map(presentRoleUnit);
  });

  r.post('/api/pipeline-role-units', {
    schema: { tags: ['projects'], summary: 'Giao vai trò cho đơn vị từ một ngày', body: ZRoleUnitCreate, response: { 201: ZRoleUnit } },
  }, async (req, reply) => {
    authorize(req, 'pipeline.manage');
    reply.status(201);
    return createRoleUnit(deps, auditContext(req), req.body);
  });

  r.patch('/api/pipeline-role-units/:id', {
    schema: { tags: ['projects'], summary: 'Sửa phân công vai trò', params: ZPipelineParams, body: ZRoleUnitPatch, response: { 200: ZRoleUnit } },
  }, async (req) => {
    authorize(req, 'pipeline.manage');
    return updateRoleUnit(deps, auditContext(req), req.params.id, req.body);
  });
}
