import type { Queryable } from '../../../db/client';
import type { TImportError, TImportJob, TImportKind, TImportPhase } from '../../../contracts/imports';
import type { AuditContext } from '../../audit';
import { AppError, notFound } from '../../errors';
import { PROCESS_OWNER } from './owner';
import { insertJob, selectJob, selectJobs, selectStatus, updateCancelled, updateCancelRequested, updateDone, updateFailed, updateProgress, type JobRow } from './queries';

/** Errors kept on the job row: enough to fix a file, bounded so a broken file cannot bloat the row. */
export const MAX_KEPT_ERRORS = 500;

export function presentJob(j: JobRow): TImportJob {
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
    cancelRequested: j.status === 'running' && j.cancel_requested_at !== null,
    cancelledBy: j.cancelled_by_name,
    createdBy: j.created_by_name,
    createdAt: j.created_at,
    finishedAt: j.finished_at,
  };
}

/** A new running job owned by this process, with its first heartbeat. */
export function createJob(db: Queryable, kind: TImportKind, fileName: string, ctx: AuditContext): Promise<string> {
  return insertJob(db, kind, fileName, { id: ctx.actorId, name: ctx.actorName }, PROCESS_OWNER);
}

export async function jobById(db: Queryable, id: string, kind: TImportKind): Promise<TImportJob> {
  const row = await selectJob(db, id, kind);
  if (!row) throw notFound('lượt nhập dữ liệu');
  return presentJob(row);
}

export async function listJobs(db: Queryable, kind: TImportKind, limit = 20): Promise<TImportJob[]> {
  return (await selectJobs(db, kind, limit)).map(presentJob);
}

/**
 * Progress, heartbeat and the cancel check in one statement: the worker calls it between
 * chunks and stops when it answers that a cancel was asked for (from any server process).
 */
export async function setProgress(db: Queryable, id: string, p: { phase?: TImportPhase; processed?: number; total?: number | null }): Promise<{ cancelRequested: boolean; running: boolean }> {
  const row = await updateProgress(db, id, p);
  return { cancelRequested: row?.cancel ?? false, running: row?.running ?? false };
}

/** Fails a running job (a job already ended keeps its outcome). */
export async function failJob(db: Queryable, id: string, message: string, errors: readonly TImportError[] = [], errorCount = errors.length) {
  await updateFailed(db, id, message, errors.slice(0, MAX_KEPT_ERRORS), errorCount);
}

export async function markCancelled(db: Queryable, id: string) {
  await updateCancelled(db, id);
}

/** Raised inside the worker when the job must stop: cancelled by a person, or failed by a sweep. */
export class ImportStopped extends Error {
  constructor(readonly reason: 'cancelled' | 'gone') {
    super(reason === 'cancelled' ? 'import cancelled' : 'import no longer running');
  }
}

/**
 * Ends the job as done inside the merge transaction, only while it is still running and no
 * cancel was asked for; otherwise the transaction is rolled back and nothing is written.
 */
export async function finishJob(tx: Queryable, id: string, summary: Record<string, number>, processed: number) {
  if (await updateDone(tx, id, summary, processed)) return;
  throw new ImportStopped((await selectStatus(tx, id)) === 'running' ? 'cancelled' : 'gone');
}

/**
 * Asks a running job to stop. The worker notices between chunks (or before its merge
 * commits) and leaves the data as it was. Answers the job; 409 if it has already ended.
 */
export async function requestCancel(db: Queryable, id: string, kind: TImportKind, by: string): Promise<TImportJob> {
  await updateCancelRequested(db, id, kind, by);
  const job = await jobById(db, id, kind);
  if (job.status === 'done' || job.status === 'failed') {
    throw new AppError('CONFLICT', job.status === 'done' ? 'Lượt nhập đã hoàn tất, không thể huỷ nữa' : 'Lượt nhập đã kết thúc (không thành công), không cần huỷ');
  }
  return job;
}
