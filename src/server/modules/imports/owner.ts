import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Queryable } from '../../../db/client';
import { INTERRUPTED_MESSAGE } from '../../../contracts/imports';
import { deleteStaging, deleteStaleStaging, selectRunning, updateHeartbeat, updateInterrupted } from './queries';

/**
 * Who runs a job: this host, this process id, and a random id drawn at every process start.
 * The pid alone is not enough: in a container the restarted server often gets the same pid.
 */
export const PROCESS_OWNER = { host: hostname(), pid: process.pid, boot: randomUUID() } as const;

/** How often a live process stamps its jobs, and how long without a stamp means "gone". */
export const HEARTBEAT_MS = 5_000;
export const STALE_AFTER_SECONDS = 60;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the pid lives but belongs to someone else — it is alive, we cannot tell more.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Fails every running job whose owner is gone, with the reason the uploader reads, and
 * removes the staging rows of every job that is no longer running. Run at start, on a timer
 * (several servers may share one PostgreSQL) and before an upload decides it must wait.
 * `ownJobs` are the jobs this process is actually running; any other job stamped with this
 * process's boot id lost its worker (an error while failing it) and is failed too.
 */
export async function recoverOrphanedJobs(db: Queryable, ownJobs: ReadonlySet<string>, opts: { sweepStaging?: boolean } = {}): Promise<string[]> {
  const gone = (await selectRunning(db, STALE_AFTER_SECONDS))
    .filter((j) => {
      // A job of ours that no worker holds (created a moment ago: its worker is starting).
      if (j.owner_boot === PROCESS_OWNER.boot) return !ownJobs.has(j.id) && !j.young;
      if (j.owner_boot === null || j.stale) return true;
      // Same host: a pid that no longer lives, or our own pid from an earlier start.
      if (j.owner_host === PROCESS_OWNER.host) return j.owner_pid === PROCESS_OWNER.pid || j.owner_pid === null || !processAlive(j.owner_pid);
      return false;
    })
    .map((j) => j.id);
  if (gone.length > 0) {
    await updateInterrupted(db, gone, INTERRUPTED_MESSAGE);
    for (const id of gone) await deleteStaging(db, id);
  }
  // At start, also whatever an older version or a failed cleanup left behind (a full scan).
  if (opts.sweepStaging) await deleteStaleStaging(db);
  return gone;
}

export const removeStaging = deleteStaging;

/** Stamps the jobs this process runs, so that other servers see that their owner lives. */
export function heartbeat(db: Queryable) {
  return updateHeartbeat(db, PROCESS_OWNER.boot);
}
