import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BACKUP_FILE_PATTERN } from '../../../db/backup-format';
import { readBackupFooter, readBackupHeader } from '../../../db/backup-read';
import type { TBackupFile } from '../../../contracts/backups';

/** Backup files a person may have put here by hand are listed too; only ours are ever deleted. */
const LISTED = /\.hdb(\.gz)?$/;
const PARTIAL = /^(haidang-backup-.+\.hdb(\.gz)?)\.partial-\d+$/;

/** The files of BACKUP_DIR, newest first, each with the row counts its END line records. */
export async function listBackupFiles(dir: string): Promise<TBackupFile[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => LISTED.test(n));
  const files = await Promise.all(
    names.map(async (name): Promise<TBackupFile | null> => {
      const path = join(dir, name);
      const st = await stat(path).catch(() => null);
      if (!st?.isFile()) return null;
      const footer = await readBackupFooter(path).catch(() => null);
      const header = await readBackupHeader(path).catch(() => null);
      return {
        name,
        sizeBytes: st.size,
        createdAt: header?.created ?? st.mtime.toISOString(),
        complete: footer !== null,
        engine: header?.engine ?? null,
        schemaVersion: header?.schemaVersion ?? null,
        rows: footer?.rows ?? null,
        tables: footer ? Object.entries(footer.tables).map(([t, s]) => ({ name: t, rows: s.rows })) : [],
      };
    }),
  );
  return files.filter((f): f is TBackupFile => f !== null).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Keeps the newest `keep` scheduled backups (named by backupFileName) and deletes older
 * ones; removes temporary files a killed backup left more than a day ago. Nothing else
 * in the directory is touched. Returns the names deleted.
 */
export async function pruneBackups(dir: string, keep: number, now: Date): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const ours = names.filter((n) => BACKUP_FILE_PATTERN.test(n)).sort().reverse();
  const removed: string[] = [];
  for (const n of ours.slice(keep)) {
    await rm(join(dir, n), { force: true });
    removed.push(n);
  }
  for (const n of names.filter((x) => PARTIAL.test(x))) {
    const st = await stat(join(dir, n)).catch(() => null);
    if (st && now.getTime() - st.mtime.getTime() > 24 * 3_600_000) {
      await rm(join(dir, n), { force: true });
      removed.push(n);
    }
  }
  return removed;
}
