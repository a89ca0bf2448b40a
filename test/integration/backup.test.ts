import { describe, expect, it } from 'vitest';
import { dumpDatabase, restoreDatabase } from '../../src/db/backup';
import { seedOrganisation } from '../../src/demo/seed';
import { ensureAdmin } from '../../src/server/modules/users/bootstrap';
import { ENGINES, openTestDb } from '../helpers/db';
import { TEST_PASSWORD } from '../helpers/server';

const COUNTED = ['units', 'unit_aliases', 'unit_successors', 'unit_closure', 'users', 'audit_log'];

async function counts(db: Awaited<ReturnType<typeof openTestDb>>) {
  const out: Record<string, number> = {};
  for (const t of COUNTED) out[t] = (await db.query<{ n: number }>(`select count(*)::int as n from ${t}`))[0]!.n;
  return out;
}

describe.each(ENGINES)('backup from %s', (engine) => {
  it('dumps to SQL that restores every row into an empty database of either engine', async () => {
    const source = await openTestDb(engine);
    await seedOrganisation(source);
    await ensureAdmin(source, TEST_PASSWORD);
    await source.query(`update units set name = name || ' — ''trích dẫn'' $hd$ ' where code = 'HP.STTTT'`);
    let sql = '';
    const stats = await dumpDatabase(source, (c) => (sql += c));
    expect(stats.rows).toBeGreaterThan(100);
    const expected = await counts(source);
    const tricky = (await source.query<{ name: string }>(`select name from units where code = 'HP.STTTT'`))[0]!.name;
    await source.close();

    for (const target of ENGINES) {
      const db = await openTestDb(target);
      try {
        await restoreDatabase(db, sql);
        expect(await counts(db)).toEqual(expected);
        expect((await db.query<{ name: string }>(`select name from units where code = 'HP.STTTT'`))[0]!.name).toBe(tricky);
        // Sequences continue after the restored rows.
        await db.query(`insert into audit_log (actor_name, action, entity) values ('x', 'test', 'test')`);
        await expect(restoreDatabase(db, sql)).rejects.toThrow(/đã có dữ liệu/);
      } finally {
        await db.close();
      }
    }
  });

  it('refuses a file that is not a Hải Đăng backup', async () => {
    const db = await openTestDb(engine);
    try {
      await expect(restoreDatabase(db, 'drop table users;')).rejects.toThrow(/không phải bản sao lưu/);
      expect((await db.query('select 1 from users limit 1'))).toBeDefined();
    } finally {
      await db.close();
    }
  });
});
