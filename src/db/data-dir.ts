import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite has no lock of its own: two processes opening one data directory both
 * succeed and corrupt it (electric-sql/pglite#1106). We keep a PID lock file beside
 * the directory and refuse to open while another live process holds it.
 */
export class DataDirLockedError extends Error {
  constructor(readonly pid: number, readonly lockPath: string) {
    super(`Thư mục dữ liệu đang được tiến trình ${pid} sử dụng (${lockPath}). Hãy dừng tiến trình đó trước.`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  const lockPath = `${dataDir.replace(/\/+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(pid, lockPath);
      // The holder died without releasing (SIGKILL, power loss): the lock is stale.
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Không lấy được khoá thư mục dữ liệu ${lockPath}`);
}

/**
 * A directory that exists and is not empty but lacks PG_VERSION or global/pg_control
 * is an initdb that was interrupted; PGlite cannot open it. Move it aside, keep it for
 * inspection, and let a fresh one be created. Returns the path it was moved to.
 */
export function setAsideIncompleteDataDir(dataDir: string, now = new Date()): string | null {
  if (!existsSync(dataDir)) {
    mkdirSync(dataDir, { recursive: true });
    return null;
  }
  if (readdirSync(dataDir).length === 0) return null;
  if (existsSync(join(dataDir, 'PG_VERSION')) && existsSync(join(dataDir, 'global', 'pg_control'))) return null;
  const aside = `${dataDir.replace(/\/+$/, '')}.incomplete-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(dataDir, aside);
  mkdirSync(dataDir, { recursive: true });
  return aside;
}
