import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { writeBackup, type BackupSummary } from '../../src/db/backup';
import { BackupError, endLine, RowChecksum, type TBackupFooter } from '../../src/db/backup-format';
import { readBackupFooter, verifyBackup } from '../../src/db/backup-read';
import { restoreBackup } from '../../src/db/backup-restore';
import { backupTables, databaseChecksums } from '../../src/db/backup-tables';
import { call, login } from '../helpers/api';
import { ENGINES, openTestDb, type Engine } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * A backup of the full demo database restores into an empty database of either engine
 * with every table's row count and checksum equal to the source's, identity columns
 * that go on counting, and nothing transient (sessions, staging rows) carried across.
 */
const dir = mkdtempSync(join(tmpdir(), 'hd-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const IDENTITY_INSERTS: Record<string, string> = {
  indicator_values: `insert into indicator_values (province_id, indicator_id, unit_id, period, period_type, period_start, period_end, source_agency, value, status, origin, entered_by_name)
    select 'HP', i.id, u.id, '2031-M01', 'month', '2031-01-01', '2031-01-31', 'Kiểm thử khôi phục', 1, 'draft', 'form', 'kiểm thử'
      from indicators i, units u where u.parent_id is null and u.province_id = 'HP' and u.valid_to is null limit 1 returning id`,
  dossiers: `insert into dossiers (province_id, unit_id, code, procedure_code, received_at, channel, fully_online)
    select 'HP', id, 'SAU-KHOI-PHUC', 'TT-1', now(), 'online', false from units where parent_id is null and province_id = 'HP' and valid_to is null returning id`,
  report_submission_events: `insert into report_submission_events (submission_id, action, actor_name, to_status)
    select id, 'save', 'kiểm thử', 'draft' from report_submissions limit 1 returning id`,
};

async function schemaOf(db: Db) {
  const indexes = await db.query<{ d: string }>(`select indexdef as d from pg_indexes where schemaname = 'public' order by 1`);
  const constraints = await db.query<{ d: string }>(
    `select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as d from pg_constraint where connamespace = 'public'::regnamespace order by 1`,
  );
  return { indexes: indexes.map((r) => r.d), constraints: constraints.map((r) => r.d) };
}

async function expectSameDatabase(source: Record<string, { rows: number; checksum: string }>, target: Db) {
  const got = await databaseChecksums(target);
  expect(got).toEqual(source);
}

describe.each(ENGINES)('backup of the demo database on %s', (engine: Engine) => {
  let s: TestServer;
  let backup: BackupSummary;
  let sums: Record<string, { rows: number; checksum: string }>;

  beforeAll(async () => {
    s = await startTestServer({ engine, demo: true, listen: false });
    // A live session and a staging row of an import in progress: neither belongs in a backup.
    const admin = await login(s.app, 'admin');
    expect((await call(s.app, admin, 'GET', '/api/me')).statusCode).toBe(200);
    const job = (await s.db.query<{ id: string }>(`insert into import_jobs (kind, file_name, status, created_by_name) values ('dossiers', 'dang-nhap.csv', 'running', 'admin') returning id`))[0]!.id;
    await s.db.query(
      `insert into dossier_import_rows (import_id, row_number, unit_id, procedure_code, received_at, channel, fully_online)
       select $1, g, (select id from units limit 1), 'TT', now(), 'online', false from generate_series(1, 50) g`,
      [job],
    );
    sums = await databaseChecksums(s.db);
    backup = await writeBackup(s.db, join(dir, `demo-${engine}.hdb.gz`));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('holds every business table with its rows, and no sessions or staging rows', async () => {
    expect(Object.keys(backup.footer.tables).sort()).toEqual(Object.keys(sums).sort());
    for (const t of ['units', 'users', 'tasks', 'indicator_values', 'dossiers', 'report_submission_events', 'audit_log', 'projects']) {
      expect(backup.footer.tables[t]!.rows, t).toBeGreaterThan(0);
      expect(backup.footer.tables[t]).toEqual(sums[t]);
    }
    expect(backup.footer.tables).not.toHaveProperty('sessions');
    expect(backup.footer.tables).not.toHaveProperty('login_failures');
    expect(backup.footer.tables).not.toHaveProperty('dossier_import_rows');
    expect(backup.footer.tables).not.toHaveProperty('schema_migrations');
    expect(await readBackupFooter(backup.file)).toEqual(backup.footer);
  });

  it.each(ENGINES)('restores into an empty %s database: same rows and checksums, identities go on', async (target) => {
    const db = await openTestDb(target);
    try {
      const schema = await schemaOf(db);
      const r = await restoreBackup(db, backup.file);
      // The keys and indexes set aside during the load are all back, as the migrations made them.
      expect(await schemaOf(db)).toEqual(schema);
      expect(r.footer.rows).toBe(backup.footer.rows);
      // Against the file's own counts and checksums: the server's background refresh may store a
      // panel between the source's checksums above and the backup (the first test compares the
      // business tables to the source).
      await expectSameDatabase(backup.footer.tables, db);
      for (const [table, sql] of Object.entries(IDENTITY_INSERTS)) {
        const before = (await db.query<{ m: number }>(`select max(id)::bigint as m from ${table}`))[0]!.m;
        const inserted = await db.query<{ id: number | string }>(sql);
        expect(inserted.length, table).toBe(1);
        if (typeof inserted[0]!.id === 'number') expect(inserted[0]!.id).toBeGreaterThan(before);
      }
      await expect(restoreBackup(db, backup.file)).rejects.toThrow(/đã có dữ liệu/);
    } finally {
      await db.close();
    }
  });
});

describe('a backup file that was cut short or altered', () => {
  let file: string;
  let plain: string;
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb('pglite');
    const s = await startTestServer({ listen: false });
    file = (await writeBackup(s.db, join(dir, 'small.hdb.gz'))).file;
    plain = (await writeBackup(s.db, join(dir, 'small.hdb'))).file;
    await s.close();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function refusal(path: string): Promise<string> {
    const err = await restoreBackup(db, path).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    const message = (err as Error).message;
    // One short line that a person reads: never SQL, never rows.
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(220);
    expect(message).not.toMatch(/insert|select|\{"/i);
    expect((await db.query<{ n: number }>('select count(*)::int as n from units'))[0]!.n).toBe(0);
    return message;
  }

  it.each([0.1, 0.5, 0.9, 0.999])('refuses a compressed file cut at %s of its length', async (fraction) => {
    const bytes = readFileSync(file);
    const cut = join(dir, `cut-${fraction}.hdb.gz`);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * fraction)));
    expect(await refusal(cut)).toMatch(/chưa hoàn chỉnh|cắt ngắn/);
  });

  it('refuses an uncompressed file cut before its end marker', async () => {
    const text = readFileSync(plain, 'utf8');
    const cut = join(dir, 'cut.hdb');
    writeFileSync(cut, text.slice(0, text.lastIndexOf('END ')));
    expect(await refusal(cut)).toMatch(/chưa hoàn chỉnh/);
  });

  it('refuses a file with one value changed, or a line added after the end marker', async () => {
    const text = readFileSync(plain, 'utf8');
    const edited = join(dir, 'edited.hdb');
    writeFileSync(edited, text.replace('"name":"', '"name":"X'));
    expect(await refusal(edited)).toMatch(/đã bị sửa/);
    writeFileSync(edited, `${text}{"id":"x"}\n`);
    expect(await refusal(edited)).toMatch(/đã bị sửa/);
  });

  it('refuses a file that is not a backup at all', async () => {
    const other = join(dir, 'other.sql');
    writeFileSync(other, 'drop table users;\n');
    expect(await refusal(other)).toMatch(/không phải bản sao lưu/);
  });

  it('rolls back a consistent-looking file whose rows break a reference, leaving the database empty', async () => {
    // Someone edited a row and recomputed every checksum: the file passes the checks, the
    // restore does not, because the foreign keys are checked again once the rows are in.
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n').slice(0, -2);
    let table = '';
    let changed = false;
    const out = lines.map((l) => {
      if (l.startsWith('TABLE ')) table = l.split(' ')[1]!;
      if (!changed && table === 'unit_aliases' && l.startsWith('{')) {
        changed = true;
        return l.replace(/"unit_id":"[0-9a-f-]+"/, '"unit_id":"00000000-0000-4000-8000-000000000000"');
      }
      return l;
    });
    expect(changed).toBe(true);
    const footer = rebuildFooter(out);
    const forged = join(dir, 'forged.hdb');
    writeFileSync(forged, `${out.join('\n')}\n${endLine(footer)}`);
    await expect(verifyBackup(forged)).resolves.toBeDefined();
    const message = await refusal(forged);
    expect(message).toMatch(/thất bại.*đã hoàn tác/);
  });
});

function rebuildFooter(lines: string[]): TBackupFooter {
  const hash = createHash('sha256');
  const tables: TBackupFooter['tables'] = {};
  let sum: RowChecksum | undefined;
  let name = '';
  let rows = 0;
  for (const l of lines) {
    hash.update(`${l}\n`);
    if (l.startsWith('TABLE ')) {
      if (sum) tables[name] = sum.value;
      name = l.split(' ')[1]!;
      sum = new RowChecksum();
    } else if (l.startsWith('{')) {
      sum!.add(l);
      rows++;
    } else if (l.startsWith('SEQUENCES') && sum) {
      tables[name] = sum.value;
      sum = undefined;
    }
  }
  return { rows, tables, sha256: hash.digest('hex') };
}

describe.each(ENGINES)('a large table on %s', (engine) => {
  it('is dumped and restored in bounded chunks, every row equal', async () => {
    const source = await openTestDb(engine);
    const target = await openTestDb(engine === 'pglite' && ENGINES.includes('postgres') ? 'postgres' : 'pglite');
    try {
      // 12,000 rows: six fetches of the dump cursor, three restore inserts.
      await source.exec(`insert into provinces (id, name) values ('HP', 'Hải Phòng')`);
      await source.exec(`insert into audit_log (actor_name, action, entity, after)
        select 'nạp thử ' || g, 'test', 'bulk', jsonb_build_object('n', g, 'text', repeat('ệ', g % 50)) from generate_series(1, 12000) g`);
      const sums = await databaseChecksums(source);
      const b = await writeBackup(source, join(dir, `large-${engine}.hdb.gz`));
      expect(b.footer.tables.audit_log!.rows).toBe(12000);
      await restoreBackup(target, b.file);
      expect(await databaseChecksums(target)).toEqual(sums);
      expect((await backupTables(target)).length).toBe(Object.keys(sums).length);
    } finally {
      await source.close();
      await target.close();
    }
  });
});
