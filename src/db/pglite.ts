import { PGlite } from '@electric-sql/pglite';
import { OID, parseDate, parseInt8, parseNumeric, parseTimestamp, type Db } from './client';

const parsers = {
  [OID.int8]: parseInt8,
  [OID.numeric]: parseNumeric,
  [OID.date]: parseDate,
  [OID.timestamptz]: parseTimestamp,
  [OID.timestamp]: parseTimestamp,
};

/**
 * Embedded PostgreSQL (WASM). `dataDir` undefined means in memory (tests).
 * PGlite runs one query at a time; a transaction holds it until it ends.
 */
export async function openPglite(dataDir?: string, opts: { /** A snapshot made by snapshotPglite. */ loadDataDir?: Blob } = {}): Promise<Db> {
  const pg = await PGlite.create({ dataDir, parsers, loadDataDir: opts.loadDataDir });
  await pg.exec(`set timezone to 'Asia/Ho_Chi_Minh'`);
  return wrap(pg, dataDir);
}

/**
 * An in-memory database prepared once and frozen as a tarball: opening a copy with
 * `openPglite(undefined, { loadDataDir })` is several times faster than migrating and
 * seeding again (the test tiers clone their base database this way).
 */
export async function snapshotPglite(prepare: (db: Db) => Promise<void>): Promise<Blob> {
  const pg = await PGlite.create({ parsers });
  await pg.exec(`set timezone to 'Asia/Ho_Chi_Minh'`);
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
