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
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create({ dataDir, parsers });
  await pg.exec(`set timezone to 'Asia/Ho_Chi_Minh'`);
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
