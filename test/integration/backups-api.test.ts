import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TBackupFile, TBackupList } from '../../src/contracts/backups';
import { verifyBackup } from '../../src/db/backup-read';
import { runScheduledBackup } from '../../src/server/modules/backups/service';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Scheduled backups: off without BACKUP_DIR; from BACKUP_HOUR (Vietnam time) one per day
 * whoever asks; the newest BACKUP_KEEP kept; listed for the administrator with size and
 * rows per table, and taken on demand.
 */
describe.each(ENGINES)('scheduled backups on %s', (engine) => {
  let s: TestServer;
  let admin: Session;
  const dir = mkdtempSync(join(tmpdir(), 'hd-backups-'));
  const log: string[] = [];
  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, env: { BACKUP_DIR: dir, BACKUP_KEEP: '2', BACKUP_HOUR: '2' } });
    admin = await login(s.app, 'admin');
  });
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits for the hour, then takes the day’s backup once however often it is asked', async () => {
    s.clock.now = new Date('2026-03-10T18:30:00Z'); // 01:30 on 11/03 in Vietnam
    expect(await runScheduledBackup(s.deps, (m) => log.push(m))).toBe('not-yet');
    s.clock.now = new Date('2026-03-10T19:05:00Z'); // 02:05
    const outcomes = await Promise.all([runScheduledBackup(s.deps, (m) => log.push(m)), runScheduledBackup(s.deps, (m) => log.push(m))]);
    expect(outcomes.sort()).toEqual(['done', 'taken-elsewhere']);
    expect(await runScheduledBackup(s.deps, (m) => log.push(m))).toBe('taken-elsewhere');
    const files = readdirSync(dir);
    expect(files).toEqual(['haidang-backup-2026-03-11-020500.hdb.gz']);
    await expect(verifyBackup(join(dir, files[0]!))).resolves.toBeDefined();
  });

  it('lists the backups with size, time, rows per table and the last run', async () => {
    const res = await call(s.app, admin, 'GET', '/api/backups');
    expect(res.statusCode).toBe(200);
    const list = res.json() as TBackupList;
    expect(list).toMatchObject({ enabled: true, keep: 2, hour: 2, lastRun: { day: '2026-03-11', ok: true } });
    expect(list.files).toHaveLength(1);
    const f = list.files[0]!;
    expect(f).toMatchObject({ name: 'haidang-backup-2026-03-11-020500.hdb.gz', complete: true, engine, createdAt: '2026-03-10T19:05:00.000Z' });
    expect(f.sizeBytes).toBe(readFileSync(join(dir, f.name)).length);
    expect(f.tables.find((t) => t.name === 'users')!.rows).toBe((await s.db.query<{ n: number }>('select count(*)::int as n from users'))[0]!.n);
    expect(f.rows).toBe(f.tables.reduce((a, t) => a + t.rows, 0));
  });

  it('keeps the newest BACKUP_KEEP, clears old leftovers of killed backups, and touches nothing else', async () => {
    writeFileSync(join(dir, 'ghi-chu-cua-quan-tri.txt'), 'không xoá');
    const partial = join(dir, 'haidang-backup-2026-03-01-020000.hdb.gz.partial-99999');
    writeFileSync(partial, 'dở dang');
    utimesSync(partial, new Date('2026-03-01T00:00:00Z'), new Date('2026-03-01T00:00:00Z'));
    for (const day of ['2026-03-11T19:10:00Z', '2026-03-12T19:10:00Z']) {
      s.clock.now = new Date(day);
      expect(await runScheduledBackup(s.deps, (m) => log.push(m))).toBe('done');
    }
    expect(readdirSync(dir).sort()).toEqual(['ghi-chu-cua-quan-tri.txt', 'haidang-backup-2026-03-12-021000.hdb.gz', 'haidang-backup-2026-03-13-021000.hdb.gz']);
    expect(existsSync(partial)).toBe(false);
  });

  it('shows a file cut short as incomplete', async () => {
    const whole = readFileSync(join(dir, 'haidang-backup-2026-03-13-021000.hdb.gz'));
    writeFileSync(join(dir, 'ban-sao-bi-cat.hdb.gz'), whole.subarray(0, Math.floor(whole.length / 2)));
    const list = (await call(s.app, admin, 'GET', '/api/backups')).json() as TBackupList;
    expect(list.files.find((f) => f.name === 'ban-sao-bi-cat.hdb.gz')).toMatchObject({ complete: false, rows: null, tables: [] });
  });

  it('takes a backup on demand for the administrator, audited', async () => {
    s.clock.now = new Date('2026-03-13T08:00:00Z');
    const res = await call(s.app, admin, 'POST', '/api/backups');
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json() as TBackupFile;
    expect(f).toMatchObject({ name: 'haidang-backup-2026-03-13-150000.hdb.gz', complete: true });
    expect(existsSync(join(dir, f.name))).toBe(true);
    const audit = await s.db.query<{ entity_id: string }>(`select entity_id from audit_log where action = 'backup' and entity = 'backup'`);
    expect(audit.map((a) => a.entity_id)).toEqual([f.name]);
    const coordinator = await login(s.app, 'dieuphoi');
    expect((await call(s.app, coordinator, 'GET', '/api/backups')).statusCode).toBe(403);
  });
});

describe('without BACKUP_DIR', () => {
  it('takes no scheduled backup and says how to turn it on', async () => {
    const s = await startTestServer({ listen: false });
    try {
      expect(await runScheduledBackup(s.deps, () => undefined)).toBe('off');
      const admin = await login(s.app, 'admin');
      expect((await call(s.app, admin, 'GET', '/api/backups')).json()).toMatchObject({ enabled: false, files: [] });
      const now = await call(s.app, admin, 'POST', '/api/backups');
      expect(now.statusCode).toBe(409);
      expect(now.json().error.message).toMatch(/BACKUP_DIR/);
    } finally {
      await s.close();
    }
  });
});
