import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { openPostgres } from '../../src/db/postgres';
import { primaryPosition, replicaLagSeconds, waitForReplay } from '../../src/db/replica';
import { nationalComparison } from '../../src/server/modules/national/service';

/**
 * A real streaming replica (.ci/run makes one with pg_basebackup -R on port 5433 and exports
 * TEST_REPLICA_URL): a write on the primary is read through the replica once replayed, the
 * replica refuses writes, and its lag is measurable for the panels' freshness.
 */
const primaryUrl = process.env.TEST_DATABASE_URL;
const replicaUrl = process.env.TEST_REPLICA_URL;
if (!primaryUrl || !replicaUrl) {
  console.log(`[haidang] replica suite skipped: ${!primaryUrl ? 'TEST_DATABASE_URL' : 'TEST_REPLICA_URL'} is not set (.ci/run sets both; see scripts/ci-replica.sh)`);
}

describe.skipIf(!primaryUrl || !replicaUrl)('read replica (PostgreSQL streaming replication)', () => {
  const name = `hd_replica_${randomBytes(4).toString('hex')}`;
  let primary: Db;
  let replica: Db;

  const urlOf = (base: string) => {
    const u = new URL(base);
    u.pathname = `/${name}`;
    return u.toString();
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: primaryUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    primary = await openPostgres(urlOf(primaryUrl!), 2);
    await migrate(primary);
    // The new database reaches the replica through the WAL like any write.
    const lsn = await primaryPosition(primary);
    const probe = new pg.Client({ connectionString: replicaUrl });
    await probe.connect();
    const deadline = Date.now() + 30_000;
    while (!(await probe.query<{ done: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [lsn])).rows[0]!.done) {
      if (Date.now() > deadline) throw new Error('the replica did not replay the new database in 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    await probe.end();
    replica = await openPostgres(urlOf(replicaUrl!), 2);
  });

  afterAll(async () => {
    await replica?.close();
    await primary?.close();
    const admin = new pg.Client({ connectionString: primaryUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  it('reads through the replica what was written on the primary, once replayed', async () => {
    await primary.query(`insert into provinces (id, name, sample) values ('QN', 'Tỉnh Quảng Ninh (mẫu)', true)`);
    const lsn = await primaryPosition(primary);
    expect(await waitForReplay(replica, lsn)).toBe(true);
    const rows = await replica.query<{ name: string }>(`select name from provinces where id = 'QN'`);
    expect(rows.map((r) => r.name)).toEqual(['Tỉnh Quảng Ninh (mẫu)']);
  });

  it('refuses writes on the replica: they belong to the primary', async () => {
    await expect(replica.query(`insert into provinces (id, name) values ('HN', 'Hà Nội')`)).rejects.toThrow(/read-only/);
  });

  it('measures its lag (shown with each panel freshness); a primary has none', async () => {
    const lag = await replicaLagSeconds(replica);
    expect(lag).not.toBeNull();
    expect(lag!).toBeGreaterThanOrEqual(0);
    expect(await replicaLagSeconds(primary)).toBeNull();
  });

  it('the national comparison read through the replica says how far it lags', async () => {
    expect((await nationalComparison(replica, 2026)).replicaLagSeconds).not.toBeNull();
    expect((await nationalComparison(primary, 2026)).replicaLagSeconds).toBeNull();
  });
});
