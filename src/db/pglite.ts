import { PGlite } from '@electric-sql/pglite';
import { OID, parseDate, parseInt8, parseNumeric, parseTimestamp, type Db } from './client';

export const PGLITE_PARSERS = {
  [OID.int8]: parseInt8,
  [OID.numeric]: parseNumeric,
  [OID.date]: parseDate,
  [OID.timestamptz]: parseTimestamp,
  [OID.timestamp]: parseTimestamp,
};

/** The engine itself, with the session settings both engines share. */
export async function createPglite(dataDir?: string): Promise<PGlite> {
  const pg = await PGlite.create({ dataDir, parsers: PGLITE_PARSERS });
  await pg.exec(`set timezone to 'Asia/Ho_Chi_Minh'`);
  return pg;
}

/**
 * Embedded PostgreSQL (WASM) on the calling thread. `dataDir` undefined means in memory.
 * A statement here blocks the caller's event loop for as long as it runs, so only tests,
 * benchmarks and one-shot tools use it; the served product uses openPgliteThread.
 * PGlite runs one query at a time; a transaction holds it until it ends.
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await createPglite(dataDir);
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
