import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZNationalProvinces, ZSetupClaim, ZSetupClaimed, ZSetupCommunesLoaded, ZSetupStatus, ZSetupStepMark, ZSetupStepParams } from '../../../contracts/setup';
import { loadNationalCommunes } from '../units/import';
import { auditContext, authorize, type Deps } from '../../context';
import { communesOf, NATIONAL_PROVINCES, NATIONAL_SOURCE } from '../units/national';
import { claimSetup, markStep, provinceOfSetup, setupStatus } from './service';

export async function setupRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/setup', { schema: { tags: ['setup'], summary: 'Tình trạng khởi tạo hệ thống', response: { 200: ZSetupStatus } } }, async () => setupStatus(deps));

  r.get('/api/setup/provinces', { schema: { tags: ['setup'], summary: 'Danh mục 34 tỉnh, thành phố (từ 01/07/2025)', response: { 200: ZNationalProvinces } } }, async () => ({
    source: NATIONAL_SOURCE,
    items: NATIONAL_PROVINCES.map((p) => ({ ...p, communes: communesOf(p.code).length })),
  }));

  r.post('/api/setup/claim', { schema: { tags: ['setup'], summary: 'Tạo quản trị đầu tiên bằng mã khởi tạo', body: ZSetupClaim, response: { 201: ZSetupClaimed } } }, async (req, reply) => {
    const claimed = await claimSetup(deps, auditContext(req), req.body);
    reply.status(201);
    return claimed;
  });

  r.put(
    '/api/setup/steps/:step',
    { schema: { tags: ['setup'], summary: 'Đánh dấu một bước khởi tạo (xong, bỏ qua, làm lại)', params: ZSetupStepParams, body: ZSetupStepMark, response: { 200: ZSetupStatus } } },
    async (req) => {
      authorize(req, 'unit.manage');
      return markStep(deps, req.params.step, req.body.state);
    },
  );

  r.post(
    '/api/setup/communes',
    { schema: { tags: ['setup'], summary: 'Nạp các xã, phường, đặc khu của tỉnh từ danh mục quốc gia', response: { 200: ZSetupCommunesLoaded } } },
    async (req) => {
      authorize(req, 'unit.manage');
      const province = await provinceOfSetup(deps);
      const loaded = await loadNationalCommunes(deps, auditContext(req), province.provinceCode);
      return { ...loaded, status: await markStep(deps, 'communes', 'done') };
    },
  );
}
