import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { verifyBackup } from '../../src/db/backup-read';
import { databaseChecksums } from '../../src/db/backup-tables';
import { openPglite } from '../../src/db/pglite';
import { openPostgres } from '../../src/db/postgres';
import { runCli, startCli, startServerProcess, tempDataDir } from '../helpers/process';
import { TEST_PASSWORD } from '../helpers/server';

/**
 * `haidang backup` and `haidang restore` as real processes: killed with SIGKILL in the
 * middle of a backup, fed a file cut short or edited, and restoring the full demo
 * database into the other engine. Every assertion is what an operator would see.
 */
const PGLITE = { DATABASE_URL: '', BACKUP_DIR: '', ADMIN_PASSWORD: TEST_PASSWORD };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Sums = Record<string, { rows: number; checksum: string }>;

async function withPglite<T>(dir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openPglite(dir);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The next row of each identity table goes in after a restore (its sequence was carried). */
async function insertAfterRestore(db: Db) {
  const ids: Record<string, number> = {};
  const one = async (table: string, sql: string) => {
    const max = (await db.query<{ m: number }>(`select coalesce(max(id), 0)::bigint as m from ${table}`))[0]!.m;
    const row = (await db.query<{ id: number }>(sql))[0]!;
    expect(row.id, table).toBeGreaterThan(max);
    ids[table] = row.id;
  };
  await one('dossiers', `insert into dossiers (province_id, unit_id, code, procedure_code, received_at, channel) select 'HP', id, 'SAU-KHOI-PHUC', 'TT-1', now(), 'online' from units where parent_id is null and province_id = 'HP' and valid_to is null returning id`);
  await one('indicator_values', `insert into indicator_values (province_id, indicator_id, unit_id, period, period_type, period_start, period_end, source_agency, value, status, origin, entered_by_name)
    select 'HP', i.id, u.id, '2031-M01', 'month', '2031-01-01', '2031-01-31', 'Sau khôi phục', 1, 'draft', 'form', 'kiểm thử' from indicators i, units u where u.parent_id is null and u.province_id = 'HP' and u.valid_to is null limit 1 returning id`);
  await one('report_submission_events', `insert into report_submission_events (submission_id, actor_name, action, to_status) select id, 'kiểm thử', 'save', 'draft' from report_submissions limit 1 returning id`);
  await one('audit_log', `insert into audit_log (actor_name, action, entity) values ('kiểm thử', 'test', 'restore') returning id`);
  return ids;
}

/** One short line on stderr, nothing of the file's content anywhere. */
function expectOneLineRefusal(r: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr.slice(0, 500)).toHaveLength(1);
  expect(lines[0]!.length).toBeLessThan(220);
  expect(lines[0]).toMatch(pattern);
  expect(r.stdout + r.stderr).not.toMatch(/insert into|json_populate|\{"id"/i);
}

describe('backup and restore as an operator runs them', () => {
  const source = tempDataDir('hd-rel-backup-');
  const work = tempDataDir('hd-rel-files-');
  let backupFile = '';
  let sourceSums: Sums;

  beforeAll(async () => {
    mkdirSync(work.dir, { recursive: true });
    // The full demo city, created by the product itself on its first start.
    const server = await startServerProcess({ ...PGLITE, DATA_DIR: source.dir, DEMO_DATA: 'true' });
    await server.stop();
    sourceSums = await withPglite(source.dir, (db) => databaseChecksums(db));
    expect(sourceSums.indicator_values!.rows).toBeGreaterThan(0);
  });
  afterAll(() => {
    source.cleanup();
    work.cleanup();
  });

  it('leaves nothing under the final name when killed mid-backup, and backs up again afterwards', async () => {
    let killedWhileWriting = 0;
    for (let round = 0; round < 4; round++) {
      const final = join(work.dir, `killed-${round}.hdb.gz`);
      const run = startCli(['backup', final], { ...PGLITE, DATA_DIR: source.dir });
      // Wait until the backup is writing its temporary file, then kill it at a random moment.
      let partial: string | undefined;
      for (let i = 0; i < 600 && !partial && run.child.exitCode === null; i++) {
        await sleep(50);
        partial = readdirSync(work.dir).find((n) => n.startsWith(`killed-${round}.hdb.gz.partial-`));
      }
      await sleep(Math.floor(Math.random() * (400 + round * 400)));
      run.child.kill('SIGKILL');
      const result = await run.exited;
      if (existsSync(final)) {
        // Whatever the kill hit (it may land after the rename, while the process closes the
        // database), a file under the final name is a whole, verified backup.
        await expect(verifyBackup(final), `round ${round}: ${final} is not whole`).resolves.toBeDefined();
        if (result.signal !== 'SIGKILL') expect(result.code, result.stderr).toBe(0);
      } else {
        expect(result.signal, `round ${round}: the backup ended without a file`).toBe('SIGKILL');
        killedWhileWriting++;
      }
    }
    expect(killedWhileWriting).toBeGreaterThan(0);

    backupFile = join(work.dir, 'demo.hdb.gz');
    const ok = await runCli(['backup', backupFile], { ...PGLITE, DATA_DIR: source.dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Đã sao lưu \d+ dòng của \d+ bảng/);
    const { footer } = await verifyBackup(backupFile);
    expect(footer.tables).toEqual(sourceSums);

    // The data directory the killed backups had open starts again.
    const server = await startServerProcess({ ...PGLITE, DATA_DIR: source.dir, DEMO_DATA: 'true' });
    expect((await (await fetch(`${server.url}/api/health`)).json()).status).toBe('ok');
    await server.stop();
  });

  it('refuses a file cut short or edited in one short line, and the database stays untouched', async () => {
    const target = tempDataDir('hd-rel-refuse-');
    try {
      const bytes = readFileSync(backupFile);
      const cut = join(work.dir, 'cut.hdb.gz');
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * (0.3 + Math.random() * 0.6))));
      expectOneLineRefusal(await runCli(['restore', cut], { ...PGLITE, DATA_DIR: target.dir }), /cắt ngắn|chưa hoàn chỉnh/);

      // The same backup uncompressed (gunzip of all its members) with one name changed.
      const edited = join(work.dir, 'edited.hdb');
      writeFileSync(edited, gunzipSync(bytes).toString('utf8').replace(/"full_name":"[^"]*"/, '"full_name":"Kẻ giả mạo"'));
      expectOneLineRefusal(await runCli(['restore', edited], { ...PGLITE, DATA_DIR: target.dir }), /đã bị sửa/);
      // Refused before any database was opened.
      expect(existsSync(target.dir)).toBe(false);
    } finally {
      target.cleanup();
    }
  });

  it('restores the full demo database into a new PGlite: every table equal, identities go on, the product starts on it', async () => {
    const target = tempDataDir('hd-rel-restore-');
    try {
      const r = await runCli(['restore', backupFile], { ...PGLITE, DATA_DIR: target.dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/khớp bản sao lưu/);
      await withPglite(target.dir, async (db) => {
        expect(await databaseChecksums(db)).toEqual(sourceSums);
        await insertAfterRestore(db);
      });
      // Restoring again into a database that has data is refused.
      expectOneLineRefusal(await runCli(['restore', backupFile], { ...PGLITE, DATA_DIR: target.dir }), /đã có dữ liệu/);
      const server = await startServerProcess({ ...PGLITE, DATA_DIR: target.dir, DEMO_DATA: 'false' });
      try {
        const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }) });
        expect(login.status).toBe(200);
      } finally {
        await server.stop();
      }
    } finally {
      target.cleanup();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('restores PGlite → PostgreSQL and PostgreSQL → PGlite with every table equal', async () => {
    const base = new URL(process.env.TEST_DATABASE_URL!);
    const name = `hd_rel_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const back = tempDataDir('hd-rel-back-');
    try {
      const toPg = await runCli(['restore', backupFile], { ...PGLITE, DATABASE_URL: url.toString() });
      expect(toPg.code, toPg.stderr).toBe(0);
      const db = await openPostgres(url.toString(), 2);
      try {
        expect(await databaseChecksums(db)).toEqual(sourceSums);
      } finally {
        await db.close();
      }
      // And back: a backup taken on PostgreSQL restores into PGlite.
      const fromPg = join(work.dir, 'from-postgres.hdb.gz');
      const b = await runCli(['backup', fromPg], { ...PGLITE, DATABASE_URL: url.toString() });
      expect(b.code, b.stderr).toBe(0);
      const r = await runCli(['restore', fromPg], { ...PGLITE, DATA_DIR: back.dir });
      expect(r.code, r.stderr).toBe(0);
      await withPglite(back.dir, async (pgl) => {
        expect(await databaseChecksums(pgl)).toEqual(sourceSums);
        await insertAfterRestore(pgl);
      });
      const again = await openPostgres(url.toString(), 2);
      try {
        await insertAfterRestore(again);
      } finally {
        await again.close();
      }
    } finally {
      back.cleanup();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
