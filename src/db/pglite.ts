import { PGlite } from '@electric-sql/pglite';
import { copyStatement } from './copy-text';
import { OID, parseDate, parseInt8, parseNumeric, parseTimestamp, type Db } from './client';

export const PGLITE_PARSERS = {
  [OID.int8]: parseInt8,
  [OID.numeric]: parseNumeric,
  [OID.date]: parseDate,
  [OID.timestamptz]: parseTimestamp,
  [OID.timestamp]: parseTimestamp,
};

/** The engine itself, with the session settings both engines share. */
export async function createPglite(dataDir?: string, opts: { loadDataDir?: Blob } = {}): Promise<PGlite> {
  const pg = await PGlite.create({ dataDir, parsers: PGLITE_PARSERS, loadDataDir: opts.loadDataDir });
  await pg.exec(`set timezone to 'Asia/Ho_Chi_Minh'`);
  return pg;
}

/**
 * Embedded PostgreSQL (WASM) on the calling thread. `dataDir` undefined means in memory.
 * A statement here blocks the caller's event loop for as long as it runs, so only tests,
 * benchmarks and one-shot tools use it; the served product uses openPgliteThread.
 * PGlite runs one query at a time; a transaction holds it until it ends.
 */
export async function openPglite(dataDir?: string, opts: { /** A snapshot made by snapshotPglite. */ loadDataDir?: Blob } = {}): Promise<Db> {
  return wrap(await createPglite(dataDir, opts), dataDir);
}

/**
 * An in-memory database prepared once and frozen as a tarball: opening a copy with
 * `openPglite(undefined, { loadDataDir })` is several times faster than migrating and
 * seeding again (the test tiers clone their base database this way).
 */
export async function snapshotPglite(prepare: (db: Db) => Promise<void>): Promise<Blob> {
  const pg = await createPglite();
  try {
    await prepare(wrap(pg));
    return await pg.dumpDataDir('none');
  } finally {
    await pg.close();
  }
}

function wrap(pg: PGlite, dataDir?: string): Db {
  return {
    engine: 'pglite',
    query: async (sql, params) => (await pg.query(sql, params as unknown[])).rows as never,
    exec: async (sql) => { await pg.exec(sql); },
    copyIn: async (table, columns, text) => {
      await pg.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([text]) });
    },
    transaction: (fn) =>
      pg.transaction((tx) =>
        fn({
          query: async (sql, params) => (await tx.query(sql, params as unknown[])).rows as never,
          exec: async (sql) => { await tx.exec(sql); },
        }),
      ),
    async close() {
      if (dataDir) await pg.exec('checkpoint');
      await pg.close();
    },
  };
}
