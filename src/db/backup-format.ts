import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * A backup file is UTF-8 text, one item per line (gzip-compressed when its name ends in .gz):
 *
 *   HAIDANG-BACKUP 2 {"created":…,"engine":…,"schemaVersion":…}
 *   TABLE units ["id","province_id",…]          the columns a restore inserts
 *   {"id":"…","province_id":"HP",…}             one row: row_to_json of the table's row
 *   …
 *   SEQUENCES {"audit_log_id_seq":{"lastValue":463,"isCalled":true},…}
 *   END {"rows":…,"tables":{"units":{"rows":99,"checksum":"…"},…},"sha256":"…"}
 *
 * END is the completion marker: it is written last, and its sha256 covers every byte
 * before it. A file without it was cut short; a file whose bytes or rows do not match it
 * was altered. Compressed files hold the END line in a gzip member of its own, so that
 * the list of backups can read it from the end of the file without inflating the rest.
 */
export const MAGIC = 'HAIDANG-BACKUP';
export const FORMAT_VERSION = 2;

export const ZBackupHeader = z.object({
  created: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  schemaVersion: z.string().nullable(),
});
export type TBackupHeader = z.infer<typeof ZBackupHeader>;

export const ZTableSum = z.object({ rows: z.number().int().min(0), checksum: z.string().regex(/^\d+$/) });
export type TTableSum = z.infer<typeof ZTableSum>;

export const ZBackupFooter = z.object({
  rows: z.number().int().min(0),
  tables: z.record(z.string(), ZTableSum),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TBackupFooter = z.infer<typeof ZBackupFooter>;

export const ZSequences = z.record(z.string(), z.object({ lastValue: z.number().int(), isCalled: z.boolean() }));

/** A refusal a person reads: one short Vietnamese line, never the file's content. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** The writer's and the reader's running sum over row lines (see tableChecksum). */
export class RowChecksum {
  rows = 0;
  private sum = 0n;
  add(line: string) {
    this.rows++;
    this.sum += BigInt(`0x${createHash('md5').update(line, 'utf8').digest('hex').slice(0, 15)}`);
  }
  get value(): TTableSum {
    return { rows: this.rows, checksum: this.sum.toString() };
  }
}

export const headerLine = (h: TBackupHeader) => `${MAGIC} ${FORMAT_VERSION} ${JSON.stringify(h)}\n`;
export const tableLine = (name: string, columns: readonly string[]) => `TABLE ${name} ${JSON.stringify(columns)}\n`;
export const sequencesLine = (s: z.infer<typeof ZSequences>) => `SEQUENCES ${JSON.stringify(s)}\n`;
export const endLine = (f: TBackupFooter) => `END ${JSON.stringify(f)}\n`;

/** Parses `WORD rest`, keeping `rest` as text. */
export function splitControl(line: string): [string, string] {
  const i = line.indexOf(' ');
  return i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 1)];
}

/**
 * `haidang-backup-2026-11-22-0200.hdb.gz`: Vietnam time, sortable, and the pattern by
 * which scheduled retention recognises its own files (it never touches anything else).
 */
export function backupFileName(now: Date): string {
  const vn = new Date(now.getTime() + 7 * 3_600_000).toISOString();
  return `haidang-backup-${vn.slice(0, 10)}-${vn.slice(11, 13)}${vn.slice(14, 16)}${vn.slice(17, 19)}.hdb.gz`;
}
export const BACKUP_FILE_PATTERN = /^haidang-backup-\d{4}-\d{2}-\d{2}-\d{6}\.hdb(\.gz)?$/;
