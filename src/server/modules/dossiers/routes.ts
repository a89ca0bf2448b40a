import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditContext, authorize, type Deps } from '../../context';
import { AppError } from '../../errors';
import { ZId } from '../../../contracts/common';
import { ZImportJob, ZImportJobList } from '../../../contracts/imports';
import { jobById, listJobs, requestCancel } from '../imports/jobs';
import { abortLocal, runImport, startJob, trackImports } from '../imports/runner';
import { ZPeriodKey } from '../indicators/routes';
import { SCOPE_CTE } from '../indicators/rollup';
import { periodRange } from '../../../core/periods/period-range';
import { importDossiers } from './feed';

/**
 * A feed of a year can hold hundreds of thousands of rows (≈ 100 bytes each), more than the
 * general upload limit; it is streamed to a temporary file, never held in memory.
 */
export const DOSSIER_UPLOAD_LIMIT = 512 * 1_048_576;

async function receiveFeed(req: FastifyRequest): Promise<{ path: string; filename: string; dir: string }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Cần gửi tệp dưới dạng multipart/form-data');
  const part = await req.file({ limits: { fileSize: DOSSIER_UPLOAD_LIMIT, files: 1 } });
  if (!part) throw new AppError('VALIDATION', 'Chưa chọn tệp', 'file');
  const filename = part.filename.normalize('NFC');
  if (!/\.(csv|txt)$/i.test(filename)) {
    part.file.resume();
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Dữ liệu hồ sơ một cửa nhận tệp .csv (UTF-8)', 'file');
  }
  const dir = await mkdtemp(join(tmpdir(), 'haidang-feed-'));
  const path = join(dir, 'feed.csv');
  await pipeline(part.file, createWriteStream(path));
  if (part.file.truncated) {
    await rm(dir, { recursive: true, force: true });
    throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn (tối đa 512 MB); hãy chia theo tháng');
  }
  return { path, filename, dir };
}

export async function dossierRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  trackImports(app, deps);
  const tags = ['dossiers'];

  r.post('/api/dossier-imports', {
    schema: {
      tags,
      summary: 'Nhập dữ liệu hồ sơ một cửa (.csv: đơn vị, mã thủ tục, ngày tiếp nhận, kênh, hạn xử lý, ngày hoàn thành); trả về lượt nhập để theo dõi tiến độ',
      consumes: ['multipart/form-data'],
      response: { 202: ZImportJob },
    },
  }, async (req, reply) => {
    authorize(req, 'indicator.manage');
    const ctx = auditContext(req);
    const file = await receiveFeed(req);
    let jobId: string;
    try {
      jobId = await startJob(deps, 'dossiers', file.filename, ctx);
    } catch (err) {
      await rm(file.dir, { recursive: true, force: true });
      throw err;
    }
    runImport(app, deps, { id: jobId, kind: 'dossiers' }, (run) => importDossiers(deps, ctx, run, file), () => rm(file.dir, { recursive: true, force: true }));
    reply.status(202);
    return jobById(deps.db, jobId, 'dossiers');
  });

  r.get('/api/dossier-imports', { schema: { tags, summary: 'Các lượt nhập dữ liệu hồ sơ', response: { 200: ZImportJobList } } }, async (req) => {
    authorize(req, 'indicator.manage');
    return listJobs(deps.db, 'dossiers');
  });

  r.get('/api/dossier-imports/:id', { schema: { tags, summary: 'Tiến độ và lỗi của một lượt nhập hồ sơ', params: z.strictObject({ id: ZId }), response: { 200: ZImportJob } } }, async (req) => {
    authorize(req, 'indicator.manage');
    return jobById(deps.db, req.params.id, 'dossiers');
  });

  r.post('/api/dossier-imports/:id/cancel', {
    schema: { tags, summary: 'Huỷ một lượt nhập hồ sơ đang chạy; dữ liệu giữ nguyên như trước khi nhập', params: z.strictObject({ id: ZId }), response: { 200: ZImportJob } },
  }, async (req) => {
    const actor = authorize(req, 'indicator.manage');
    abortLocal(req.params.id, 'dossiers');
    return requestCancel(deps.db, req.params.id, 'dossiers', actor.username);
  });

  r.get('/api/dossier-stats', {
    schema: { tags, summary: 'Số hồ sơ theo tháng của một đơn vị (gồm đơn vị cấp dưới và tiền thân)', querystring: z.strictObject({ unitId: ZId, period: ZPeriodKey }) },
  }, async (req) => {
    authorize(req, 'indicator.read');
    const range = periodRange(req.query.period);
    const rows = await deps.db.query<Record<string, number | string>>(
      `${SCOPE_CTE}
       select m.month, sum(m.received)::int as received, sum(m.received_online)::int as "receivedOnline", sum(m.received_online_full)::int as "receivedOnlineFull",
              sum(m.carried_over)::int as "carriedOver", sum(m.to_handle)::int as "toHandle", sum(m.finished_early)::int as "finishedEarly",
              sum(m.finished_on_time)::int as "finishedOnTime", sum(m.finished_late)::int as "finishedLate",
              sum(m.in_progress_on_time)::int as "inProgressOnTime", sum(m.in_progress_late)::int as "inProgressLate", bool_and(m.final) as final
         from dossier_monthly m join (select distinct unit_id from scope) sc on sc.unit_id = m.unit_id
        where m.month >= $2 and m.month <= $3
        group by m.month order by m.month`,
      [[req.query.unitId], `${range.start.slice(0, 4)}-M${range.start.slice(5, 7)}`, `${range.end.slice(0, 4)}-M${range.end.slice(5, 7)}`],
    );
    return rows;
  });
}
