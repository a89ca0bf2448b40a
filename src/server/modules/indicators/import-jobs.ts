import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../../../db/client';
import type { ImportError } from '../../excel';
import type { AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound } from '../../errors';

export type ImportKind = 'indicator_values' | 'dossiers';
export type ImportPhase = 'reading' | 'validating' | 'writing' | 'done';

/** Errors kept on the job row: enough to fix a file, bounded so a broken file cannot bloat the row. */
export const MAX_KEPT_ERRORS = 500;

interface JobRow {
  id: string;
  kind: ImportKind;
  file_name: string;
  status: 'running' | 'done' | 'failed';
  phase: ImportPhase;
  total_rows: number | null;
  processed_rows: number;
  error_count: number;
  errors: ImportError[];
  message: string | null;
  summary: unknown;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  finished_at: string | null;
}

export function presentJob(j: JobRow) {
  return {
    id: j.id,
    kind: j.kind,
    fileName: j.file_name,
    status: j.status,
    phase: j.phase,
    totalRows: j.total_rows,
    processedRows: j.processed_rows,
    errorCount: j.error_count,
    errors: j.errors,
    message: j.message,
    summary: j.summary,
    createdBy: j.created_by_name,
    createdAt: j.created_at,
    finishedAt: j.finished_at,
  };
}
export type TImportJob = ReturnType<typeof presentJob>;

export async function createJob(db: Queryable, kind: ImportKind, fileName: string, ctx: AuditContext): Promise<string> {
  const rows = await db.query<{ id: string }>(
    `insert into import_jobs (kind, file_name, status, phase, created_by, created_by_name) values ($1, $2, 'running', 'reading', $3, $4) returning id`,
    [kind, fileName, ctx.actorId, ctx.actorName],
  );
  return rows[0]!.id;
}

export async function jobById(db: Queryable, id: string, kind: ImportKind) {
  const row = (await db.query<JobRow>('select * from import_jobs where id = $1 and kind = $2', [id, kind]))[0];
  if (!row) throw notFound('lượt nhập dữ liệu');
  return presentJob(row);
}

export async function listJobs(db: Queryable, kind: ImportKind, limit = 20) {
  const rows = await db.query<JobRow>(
    `select id, kind, file_name, status, phase, total_rows, processed_rows, error_count, '[]'::jsonb as errors, message, summary,
            created_by, created_by_name, created_at, finished_at
       from import_jobs where kind = $1 order by created_at desc limit $2`,
    [kind, limit],
  );
  return rows.map(presentJob);
}

export async function setProgress(db: Queryable, id: string, p: { phase?: ImportPhase; processed?: number; total?: number | null }) {
  await db.query(
    `update import_jobs set phase = coalesce($2, phase), processed_rows = coalesce($3, processed_rows), total_rows = coalesce($4, total_rows) where id = $1`,
    [id, p.phase ?? null, p.processed ?? null, p.total ?? null],
  );
}

export async function failJob(db: Queryable, id: string, message: string, errors: readonly ImportError[] = [], errorCount = errors.length) {
  await db.query(
    `update import_jobs set status = 'failed', message = $2, errors = $3, error_count = $4, finished_at = now() where id = $1`,
    [id, message, JSON.stringify(errors.slice(0, MAX_KEPT_ERRORS)), errorCount],
  );
}

export async function finishJob(tx: Queryable, id: string, summary: unknown, processed: number) {
  await tx.query(
    `update import_jobs set status = 'done', phase = 'done', summary = $2, processed_rows = $3, total_rows = $3, finished_at = now() where id = $1`,
    [id, JSON.stringify(summary), processed],
  );
}

/**
 * Imports run after the upload is answered (202 + job id) so that the page can show
 * progress. Each server keeps its own running imports and waits for them before closing.
 */
const running = new Map<FastifyInstance, Set<Promise<void>>>();

export function trackImports(app: FastifyInstance) {
  if (running.has(app)) return;
  running.set(app, new Set());
  app.addHook('onClose', async () => {
    await Promise.allSettled([...(running.get(app) ?? [])]);
    running.delete(app);
  });
}

export function runImport(app: FastifyInstance, deps: Deps, jobId: string, work: () => Promise<void>) {
  const set = running.get(app);
  const p = (async () => {
    try {
      await work();
    } catch (err) {
      const message = err instanceof AppError ? err.message : 'Lỗi hệ thống khi nhập dữ liệu; chưa có dữ liệu nào được ghi. Hãy thử lại hoặc báo quản trị.';
      if (!(err instanceof AppError)) app.log.error({ err }, 'import failed');
      await failJob(deps.db, jobId, message).catch(() => undefined);
    }
  })();
  set?.add(p);
  void p.finally(() => set?.delete(p));
}

/** Only one import of a kind at a time: two feeds merging at once would race on the same counters. */
export async function assertNoRunningImport(db: Queryable, kind: ImportKind) {
  const busy = await db.query<{ id: string; file_name: string }>(
    `select id, file_name from import_jobs where kind = $1 and status = 'running' and created_at > now() - interval '2 hours' limit 1`,
    [kind],
  );
  if (busy[0]) throw new AppError('CONFLICT', `Đang nhập tệp "${busy[0].file_name}"; hãy chờ lượt nhập đó xong rồi thử lại`);
}
