import { z } from 'zod';

/** One backup file in BACKUP_DIR, as the administrator's list shows it. */
export const ZBackupFile = z.object({
  name: z.string(),
  sizeBytes: z.number().int(),
  /** When the backup was taken (from the file's header; the file time if unreadable). */
  createdAt: z.string(),
  /** The file ends with its completion marker (row counts and checksums readable). */
  complete: z.boolean(),
  engine: z.enum(['pglite', 'postgres']).nullable(),
  schemaVersion: z.string().nullable(),
  rows: z.number().int().nullable(),
  tables: z.array(z.object({ name: z.string(), rows: z.number().int() })),
});
export type TBackupFile = z.infer<typeof ZBackupFile>;

export const ZBackupRun = z.object({
  day: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  ok: z.boolean().nullable(),
  message: z.string().nullable(),
});
export type TBackupRun = z.infer<typeof ZBackupRun>;

export const ZBackupList = z.object({
  /** Scheduled backups run only when BACKUP_DIR is set. */
  enabled: z.boolean(),
  directory: z.string().nullable(),
  keep: z.number().int(),
  /** Vietnam hour from which the day's backup is taken. */
  hour: z.number().int(),
  lastRun: ZBackupRun.nullable(),
  files: z.array(ZBackupFile),
});
export type TBackupList = z.infer<typeof ZBackupList>;
