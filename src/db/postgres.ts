import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyStatement } from './copy-text';
import { OID, parseDate, parseInt8, parseNumeric, parseTimestamp, type Db, type DbLogger, type Queryable } from './client';

const types = {
  getTypeParser(oid: number, format?: string) {
    if (oid === OID.int8) return parseInt8;
    if (oid === OID.numeric) return parseNumeric;
    if (oid === OID.date) return parseDate;
    if (oid === OID.timestamptz || oid === OID.timestamp) return parseTimestamp;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** A PostgreSQL server through a pool; the session time zone is fixed so dates agree with PGlite. */
export async function openPostgres(url: string, poolSize = 10, logger?: DbLogger): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types, options: '-c timezone=Asia/Ho_Chi_Minh' });
  // An idle pooled connection can be cut by the server (restart, failover, admin
  // termination). The pool replaces it; without this listener Node would crash.
  pool.on('error', (err) => logger?.warn(`PostgreSQL: kết nối nhàn rỗi bị đóng (${err.message})`));
  const q = async <T>(c: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]): Promise<T[]> =>
    (await c.query(sql, params as unknown[])).rows as T[];
  await q(pool, 'select 1');
  return {
    engine: 'postgres',
    query: (sql, params) => q(pool, sql, params),
    exec: async (sql) => { await pool.query(sql); },
    async copyIn(table, columns, text) {
      const client = await pool.connect();
      try {
        await pipeline(Readable.from([text]), client.query(copyFrom(copyStatement(table, columns, 'STDIN'))));
        client.release();
      } catch (err) {
        // A COPY cut off half-way leaves the connection in an unknown state: drop it.
        client.release(err as Error);
        throw err;
      }
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const tx: Queryable = { query: (sql, params) => q(client, sql, params), exec: async (sql) => { await client.query(sql); } };
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
