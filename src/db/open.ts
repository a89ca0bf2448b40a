import { resolve } from 'node:path';
import type { Db } from './client';
import { acquireDataDirLock, setAsideIncompleteDataDir } from './data-dir';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface OpenDbOptions {
  databaseUrl?: string;
  /** Embedded data directory; 'memory://' for an in-memory database. */
  dataDir: string;
  log?: (msg: string) => void;
}

/** PostgreSQL when a URL is given, else embedded PGlite in a locked data directory. */
export async function openDb(opts: OpenDbOptions): Promise<Db> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  if (opts.dataDir === 'memory://') return openPglite();
  const dir = resolve(opts.dataDir);
  const release = acquireDataDirLock(dir);
  try {
    const aside = setAsideIncompleteDataDir(dir);
    if (aside) opts.log?.(`Thư mục dữ liệu chưa khởi tạo xong đã được chuyển sang ${aside}`);
    const db = await openPglite(dir);
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
