import { resolve } from 'node:path';
import type { Db, DbLogger } from './client';
import { acquireDataDirLock, setAsideIncompleteDataDir } from './data-dir';
import { openPgliteThread } from './pglite-thread';
import { openPostgres } from './postgres';

export interface OpenDbOptions {
  databaseUrl?: string;
  /** Embedded data directory; 'memory://' for an in-memory database. */
  dataDir: string;
  logger?: DbLogger;
}

/**
 * PostgreSQL when a URL is given, else embedded PGlite in a locked data directory. The
 * embedded engine always runs in its own worker thread (pglite-thread.ts), so a long
 * statement never stalls the HTTP server.
 */
export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, 10, opts.logger);
  if (opts.dataDir === 'memory://') return openPgliteThread();
  const dir = resolve(opts.dataDir);
  const release = acquireDataDirLock(dir);
  try {
    const aside = setAsideIncompleteDataDir(dir);
    if (aside) opts.logger?.warn(`Thư mục dữ liệu chưa khởi tạo xong đã được chuyển sang ${aside}`);
    const db = await openPgliteThread(dir);
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
