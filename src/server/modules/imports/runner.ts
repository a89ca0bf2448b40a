import type { FastifyInstance } from 'fastify';
import type { TImportKind, TImportPhase } from '../../../contracts/imports';
import type { Deps } from '../../context';
import { AppError } from '../../errors';
import { createJob, failJob, ImportStopped, markCancelled, setProgress } from './jobs';
import { heartbeat, HEARTBEAT_MS, recoverOrphanedJobs, removeStaging } from './owner';
import { runningFileName } from './queries';

/** What a running import gets: its job id, a stop signal, and a progress call that also checks for a cancel. */
export interface ImportRun {
  jobId: string;
  signal: AbortSignal;
  /** Records progress; throws ImportStopped when a cancel was asked for (here or on another server). */
  progress(p: { phase?: TImportPhase; processed?: number; total?: number | null }): Promise<void>;
  /** Throws ImportStopped if this process was asked to stop; no database round trip. */
  checkStopped(): void;
}

interface Running {
  app: FastifyInstance;
  kind: TImportKind;
  controller: AbortController;
  done: Promise<void>;
}

/** Every import this process runs, whichever app started it: the recovery sweep must not fail them. */
const running = new Map<string, Running>();

export function runningJobIds(): ReadonlySet<string> {
  return new Set(running.keys());
}

/**
 * Imports run after the upload is answered (202 + job id) so that the page can show progress.
 * On start a server fails the jobs of processes that are gone and cleans their staging rows;
 * while it runs it stamps its own jobs and sweeps again, for servers sharing one PostgreSQL.
 */
export function trackImports(app: FastifyInstance, deps: Deps) {
  if (app.hasDecorator('importsTracked')) return;
  app.decorate('importsTracked', true);
  let timer: NodeJS.Timeout | undefined;
  let ticking = false;
  app.addHook('onReady', async () => {
    const gone = await recoverOrphanedJobs(deps.db, runningJobIds(), { sweepStaging: true });
    if (gone.length) app.log.warn({ jobs: gone }, 'imports interrupted by a stopped process were marked failed');
    timer = setInterval(() => {
      if (ticking) return;
      ticking = true;
      void (async () => {
        try {
          await heartbeat(deps.db);
          await recoverOrphanedJobs(deps.db, runningJobIds());
        } catch (err) {
          app.log.warn({ err }, 'import heartbeat failed');
        } finally {
          ticking = false;
        }
      })();
    }, HEARTBEAT_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await Promise.allSettled([...running.values()].filter((r) => r.app === app).map((r) => r.done));
  });
}

/**
 * Starts a job: first fails jobs whose owner is gone (so that a crash never blocks the next
 * upload), then creates the job row, which the database refuses while another import of the
 * same kind runs.
 */
export async function startJob(deps: Deps, kind: TImportKind, fileName: string, ctx: Parameters<typeof createJob>[3]): Promise<string> {
  await recoverOrphanedJobs(deps.db, runningJobIds());
  try {
    return await createJob(deps.db, kind, fileName, ctx);
  } catch (err) {
    if ((err as { code?: string }).code !== '23505') throw err;
    const busy = await runningFileName(deps.db, kind);
    throw new AppError('CONFLICT', `Đang nhập tệp "${busy ?? ''}"; hãy chờ lượt nhập đó xong (hoặc huỷ nó) rồi thử lại`);
  }
}

const SYSTEM_FAILURE = 'Lỗi hệ thống khi nhập dữ liệu; chưa có dữ liệu nào được ghi. Hãy thử lại hoặc báo quản trị.';

/** Runs the work in the background; whatever happens, the job ends and its staging rows go. */
export function runImport(app: FastifyInstance, deps: Deps, job: { id: string; kind: TImportKind }, work: (run: ImportRun) => Promise<void>, cleanup?: () => Promise<void>) {
  const jobId = job.id;
  const controller = new AbortController();
  const stopped = () => {
    if (controller.signal.aborted) throw new ImportStopped('cancelled');
  };
  const run: ImportRun = {
    jobId,
    signal: controller.signal,
    checkStopped: stopped,
    async progress(p) {
      stopped();
      const state = await setProgress(deps.db, jobId, p);
      if (!state.running) throw new ImportStopped('gone');
      if (state.cancelRequested) throw new ImportStopped('cancelled');
    },
  };
  const entry: Running = { app, kind: job.kind, controller, done: Promise.resolve() };
  running.set(jobId, entry);
  entry.done = (async () => {
    try {
      await work(run);
    } catch (err) {
      if (err instanceof ImportStopped) {
        if (err.reason === 'cancelled') await markCancelled(deps.db, jobId).catch((e: unknown) => app.log.error({ err: e }, 'could not mark an import cancelled'));
      } else {
        const message = err instanceof AppError ? err.message : SYSTEM_FAILURE;
        if (!(err instanceof AppError)) app.log.error({ err }, 'import failed');
        await failJob(deps.db, jobId, message).catch((e: unknown) => app.log.error({ err: e }, 'could not mark an import failed'));
      }
    } finally {
      await removeStaging(deps.db, jobId).catch(() => undefined);
      await cleanup?.().catch(() => undefined);
      running.delete(jobId);
    }
  })();
}

/**
 * Stops a job of this process at once, before any query: on PGlite a query would wait for the
 * merge transaction, which must see the stop before it commits. The database flag set next
 * reaches jobs run by other processes.
 */
export function abortLocal(jobId: string, kind: TImportKind): boolean {
  const r = running.get(jobId);
  if (!r || r.kind !== kind) return false;
  r.controller.abort();
  return true;
}

declare module 'fastify' {
  interface FastifyInstance {
    importsTracked?: boolean;
  }
}
