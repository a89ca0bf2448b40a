import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { openPglite } from '../../src/db/pglite';
import { openPgliteThread } from '../../src/db/pglite-thread';

/**
 * The served product's embedded engine runs in a worker thread. It must be the same `Db`
 * as the in-process engine the tests use: same values, same transactions, same errors,
 * while a long statement leaves the caller's event loop free.
 */
describe('PGlite in a worker thread', () => {
  let thread: Db;
  let inline: Db;
  beforeAll(async () => {
    [thread, inline] = await Promise.all([openPgliteThread(), openPglite()]);
    for (const db of [thread, inline]) await db.exec('create table t (id int generated always as identity primary key, name text unique not null, amount bigint, ratio numeric, day date, at timestamptz, doc jsonb, tags text[], raw bytea)');
  });
  afterAll(async () => {
    await thread?.close();
    await inline?.close();
  });

  it('parses every type exactly as the in-process engine does', async () => {
    const sql = `insert into t (name, amount, ratio, day, at, doc, tags, raw) values ($1, $2, $3, $4, $5, $6, $7, $8) returning *`;
    const params = ['Sở Thông tin và Truyền thông', 9_007_199_254_740_991, '12.50', '2025-07-01', '2025-06-30T17:00:00Z', { a: [1, 'hai'] }, ['x', 'y'], new Uint8Array([1, 2, 255])];
    const [a, b] = await Promise.all([thread.query(sql, params), inline.query(sql, params)]);
    expect(a).toEqual(b);
    expect(a[0]).toMatchObject({ amount: 9_007_199_254_740_991, ratio: 12.5, day: '2025-07-01', at: '2025-06-30T17:00:00.000Z', doc: { a: [1, 'hai'] }, tags: ['x', 'y'] });
    expect(Array.from(a[0]!.raw as Uint8Array)).toEqual([1, 2, 255]);
  });

  it('commits a transaction, rolls one back on error, and passes the database error code through', async () => {
    const committed = await thread.transaction(async (tx) => {
      await tx.query(`insert into t (name) values ('một')`);
      return (await tx.query<{ n: number }>('select count(*)::int as n from t'))[0]!.n;
    });
    await expect(
      thread.transaction(async (tx) => {
        await tx.query(`insert into t (name) values ('hai')`);
        await tx.query(`insert into t (name) values ('một')`);
      }),
    ).rejects.toMatchObject({ code: '23505', constraint: 't_name_key' });
    const names = (await thread.query<{ name: string }>('select name from t order by id')).map((r) => r.name);
    expect(names).not.toContain('hai');
    expect((await thread.query<{ n: number }>('select count(*)::int as n from t'))[0]!.n).toBe(committed);
  });

  it('queues a statement from outside behind an open transaction, as PGlite does', async () => {
    const order: string[] = [];
    let outside: Promise<unknown> | undefined;
    await thread.transaction(async (tx) => {
      outside = thread.query('select 1').then(() => order.push('outside'));
      await new Promise((r) => setTimeout(r, 50));
      await tx.query('select 1');
      order.push('inside');
    });
    await outside;
    expect(order).toEqual(['inside', 'outside']);
  });

  it('keeps the event loop free while a long statement runs, and says the engine is busy', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    let sawBusy = false;
    const probe = setInterval(() => (sawBusy ||= (thread.activity?.().busyForMs ?? 0) > 0), 20);
    await thread.query(`select count(*) from generate_series(1, 1500000) g, lateral (select md5(g::text)) m`);
    clearInterval(timer);
    clearInterval(probe);
    expect(ticks).toBeGreaterThan(5);
    expect(sawBusy).toBe(true);
    expect(thread.activity?.()).toEqual({ busyForMs: 0, pending: 0 });
  });
});
