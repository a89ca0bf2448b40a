import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';
import type { TImportError, TImportKind, TImportPhase, TImportStatus } from '../../../contracts/imports';

/** Every statement of the imports module: the job rows and the staging tables' upkeep. */
type Job = Tables['import_jobs'];

export type JobRow = Pick<
  Job,
  'id' | 'file_name' | 'total_rows' | 'processed_rows' | 'error_count' | 'message' | 'cancel_requested_at' | 'cancelled_by_name' | 'created_by_name' | 'created_at' | 'finished_at'
> & { kind: TImportKind; status: TImportStatus; phase: TImportPhase; errors: TImportError[]; summary: Record<string, number> | null };

const COLUMNS = `id, kind, file_name, status, phase, total_rows, processed_rows, error_count, message, summary,
  cancel_requested_at, cancelled_by_name, created_by_name, created_at, finished_at`;

export interface Owner {
  host: string;
  pid: number;
  boot: string;
}

export async function insertJob(db: Queryable, kind: TImportKind, fileName: string, by: { id: string | null; name: string }, owner: Owner): Promise<string> {
  const rows = await db.query<Pick<Job, 'id'>>(
    `insert into import_jobs (kind, file_name, status, phase, created_by, created_by_name, owner_host, owner_pid, owner_boot, heartbeat_at)
     values ($1, $2, 'running', 'reading', $3, $4, $5, $6, $7, now()) returning id`,
    [kind, fileName, by.id, by.name, owner.host, owner.pid, owner.boot],
  );
  return rows[0]!.id;
}

export async function selectJob(db: Queryable, id: string, kind: TImportKind): Promise<JobRow | undefined> {
  return (await db.query<JobRow>(`select ${COLUMNS}, errors from import_jobs where id = $1 and kind = $2`, [id, kind]))[0];
}

export async function selectJobs(db: Queryable, kind: TImportKind, limit: number): Promise<JobRow[]> {
  return db.query<JobRow>(`select ${COLUMNS}, '[]'::jsonb as errors from import_jobs where kind = $1 order by created_at desc limit $2`, [kind, limit]);
}

export async function runningFileName(db: Queryable, kind: TImportKind): Promise<string | undefined> {
  return (await db.query<Pick<Job, 'file_name'>>(`select file_name from import_jobs where kind = $1 and status = 'running' limit 1`, [kind]))[0]?.file_name;
}

/** Progress, heartbeat and the cancel flag in one statement. */
export async function updateProgress(db: Queryable, id: string, p: { phase?: TImportPhase; processed?: number; total?: number | null }) {
  return (await db.query<{ cancel: boolean; running: boolean }>(
    `update import_jobs set phase = coalesce($2, phase), processed_rows = coalesce($3, processed_rows), total_rows = coalesce($4, total_rows), heartbeat_at = now()
      where id = $1 returning cancel_requested_at is not null as cancel, status = 'running' as running`,
    [id, p.phase ?? null, p.processed ?? null, p.total ?? null],
  ))[0];
}

export async function updateFailed(db: Queryable, id: string, message: string, errors: readonly TImportError[], errorCount: number) {
  await db.query(
    `update import_jobs set status = 'failed', message = $2, errors = $3, error_count = $4, finished_at = now() where id = $1 and status = 'running'`,
    [id, message, JSON.stringify(errors), errorCount],
  );
}

export async function updateCancelled(db: Queryable, id: string) {
  await db.query(
    `update import_jobs set status = 'cancelled', finished_at = now(),
            message = 'Đã huỷ lượt nhập' || coalesce(' theo yêu cầu của ' || cancelled_by_name, '') || '; dữ liệu giữ nguyên như trước khi nhập'
      where id = $1 and status = 'running'`,
    [id],
  );
}

/** Done only while still running and not cancelled; answers whether it was. */
export async function updateDone(tx: Queryable, id: string, summary: Record<string, number>, processed: number): Promise<boolean> {
  const rows = await tx.query<Pick<Job, 'id'>>(
    `update import_jobs set status = 'done', phase = 'done', summary = $2, processed_rows = $3, total_rows = $3, finished_at = now()
      where id = $1 and status = 'running' and cancel_requested_at is null returning id`,
    [id, JSON.stringify(summary), processed],
  );
  return rows.length > 0;
}

export async function selectStatus(db: Queryable, id: string): Promise<TImportStatus | undefined> {
  return (await db.query<{ status: TImportStatus }>('select status from import_jobs where id = $1', [id]))[0]?.status;
}

export async function updateCancelRequested(db: Queryable, id: string, kind: TImportKind, by: string) {
  await db.query(
    `update import_jobs set cancel_requested_at = coalesce(cancel_requested_at, now()), cancelled_by_name = coalesce(cancelled_by_name, $3)
      where id = $1 and kind = $2 and status = 'running'`,
    [id, kind, by],
  );
}

export interface RunningJob {
  id: string;
  owner_host: string | null;
  owner_pid: number | null;
  owner_boot: string | null;
  /** No heartbeat for `staleSeconds`. */
  stale: boolean;
  /** Created in the last 30 s: its worker may still be starting. */
  young: boolean;
}

export async function selectRunning(db: Queryable, staleSeconds: number): Promise<RunningJob[]> {
  return db.query<RunningJob>(
    `select id, owner_host, owner_pid, owner_boot::text as owner_boot,
            coalesce(heartbeat_at, created_at) < now() - make_interval(secs => $1) as stale,
            created_at > now() - interval '30 seconds' as young
       from import_jobs where status = 'running'`,
    [staleSeconds],
  );
}

export async function updateInterrupted(db: Queryable, ids: readonly string[], message: string) {
  await db.query(`update import_jobs set status = 'failed', message = $2, finished_at = now() where id = any($1::uuid[]) and status = 'running'`, [ids, message]);
}

export async function updateHeartbeat(db: Queryable, boot: string) {
  await db.query(`update import_jobs set heartbeat_at = now() where owner_boot = $1 and status = 'running'`, [boot]);
}

/** Staging rows of one job. */
export async function deleteStaging(db: Queryable, jobId: string) {
  await db.query('delete from dossier_import_rows where import_id = $1', [jobId]);
  await db.query('delete from indicator_import_rows where import_id = $1', [jobId]);
}

/** Staging rows of every job that is no longer running (a full scan: at start only). */
export async function deleteStaleStaging(db: Queryable) {
  await db.query(`delete from dossier_import_rows s where not exists (select 1 from import_jobs j where j.id = s.import_id and j.status = 'running')`);
  await db.query(`delete from indicator_import_rows s where not exists (select 1 from import_jobs j where j.id = s.import_id and j.status = 'running')`);
}
