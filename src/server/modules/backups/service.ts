import { mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { writeBackup, type BackupSummary } from '../../../db/backup';
import { backupFileName } from '../../../db/backup-format';
import type { Db } from '../../../db/client';
import { vnToday } from '../../../core/calendar/timestamps';
import type { TBackupFile, TBackupList } from '../../../contracts/backups';
import type { Deps } from '../../context';
import { AppError } from '../../errors';
import { listBackupFiles, pruneBackups } from './files';
import { claimBackupDay, finishBackupDay, lastBackupRun } from './queries';

/** One backup at a time per database handle (the scheduler and the admin's button share it). */
const inProgress = new WeakSet<Db>();

/** Writes a backup into BACKUP_DIR now, then applies the retention. */
export async function takeBackup(deps: Deps, now: Date): Promise<BackupSummary> {
  const dir = deps.config.BACKUP_DIR;
  if (!dir) throw new AppError('CONFLICT', 'Chưa cấu hình thư mục sao lưu (biến môi trường BACKUP_DIR).');
  if (inProgress.has(deps.db)) throw new AppError('CONFLICT', 'Đang sao lưu; hãy đợi lần sao lưu này xong.');
  inProgress.add(deps.db);
  try {
    await mkdir(dir, { recursive: true });
    const b = await writeBackup(deps.db, join(dir, backupFileName(now)), now);
    await pruneBackups(dir, deps.config.BACKUP_KEEP, now);
    return b;
  } finally {
    inProgress.delete(deps.db);
  }
}

export type ScheduledOutcome = 'off' | 'not-yet' | 'taken-elsewhere' | 'done' | 'failed';

/**
 * Called on every scheduler tick: from BACKUP_HOUR (Vietnam time) the day's backup is
 * taken once, by whichever process claims the day first (see claimBackupDay). A failure
 * is recorded for the admin screen and not retried before the next day.
 */
export async function runScheduledBackup(deps: Deps, log: (msg: string) => void): Promise<ScheduledOutcome> {
  if (!deps.config.BACKUP_DIR) return 'off';
  const now = deps.now();
  if ((now.getUTCHours() + 7) % 24 < deps.config.BACKUP_HOUR) return 'not-yet';
  const day = vnToday(now);
  if (!(await claimBackupDay(deps.db, day))) return 'taken-elsewhere';
  try {
    const b = await takeBackup(deps, now);
    await finishBackupDay(deps.db, day, { ok: true, file: basename(b.file) });
    log(`Đã sao lưu định kỳ ${b.footer.rows} dòng vào ${b.file}`);
    return 'done';
  } catch (err) {
    const message = (err as Error).message.split('\n')[0]!.slice(0, 300);
    await finishBackupDay(deps.db, day, { ok: false, message }).catch(() => undefined);
    log(`Sao lưu định kỳ thất bại: ${message}`);
    return 'failed';
  }
}

export async function backupOverview(deps: Deps): Promise<TBackupList> {
  const dir = deps.config.BACKUP_DIR;
  return {
    enabled: Boolean(dir),
    directory: dir ? resolve(dir) : null,
    keep: deps.config.BACKUP_KEEP,
    hour: deps.config.BACKUP_HOUR,
    lastRun: await lastBackupRun(deps.db),
    files: dir ? await listBackupFiles(dir) : [],
  };
}

export function describeBackup(b: BackupSummary): TBackupFile {
  return {
    name: basename(b.file),
    sizeBytes: b.bytes,
    createdAt: b.header.created,
    complete: true,
    engine: b.header.engine,
    schemaVersion: b.header.schemaVersion,
    rows: b.footer.rows,
    tables: Object.entries(b.footer.tables).map(([name, s]) => ({ name, rows: s.rows })),
  };
}
