import { z } from 'zod';

/**
 * File imports that run as jobs (indicator values, the one-stop-shop dossier feed): the job
 * the upload answers with, polled by the screen for progress, and cancelled from it.
 */
export const IMPORT_KINDS = ['indicator_values', 'dossiers'] as const;
export type TImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = ['running', 'done', 'failed', 'cancelled'] as const;
export type TImportStatus = (typeof IMPORT_STATUSES)[number];

/** reading: opening and checking the file; validating: reading rows, checking and staging them; writing: the merge. */
export const IMPORT_PHASES = ['reading', 'validating', 'writing', 'done'] as const;
export type TImportPhase = (typeof IMPORT_PHASES)[number];

/** The reason a job whose server process stopped is failed with, as the uploader reads it. */
export const INTERRUPTED_MESSAGE = 'Lần nhập bị gián đoạn, vui lòng tải lại';

export const ZImportError = z.object({
  /** Row number as the user sees it (Excel's row, or the CSV line where the record starts). */
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type TImportError = z.infer<typeof ZImportError>;

export const ZImportJob = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  phase: z.enum(IMPORT_PHASES),
  /** Rows in the file when known (CSV lines, the sheet's declared size); null until then. */
  totalRows: z.number().int().nullable(),
  processedRows: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(ZImportError),
  message: z.string().nullable(),
  summary: z.record(z.string(), z.number()).nullable(),
  /** A cancel was asked for and the job has not stopped yet. */
  cancelRequested: z.boolean(),
  cancelledBy: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TImportJob = z.infer<typeof ZImportJob>;

export const ZImportJobList = z.array(ZImportJob);
