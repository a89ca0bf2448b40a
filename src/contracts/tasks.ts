import { z } from 'zod';
import { PILLARS } from '../core/tasks/pillars';
import { RECURRENCES } from '../core/tasks/recurrence';
import { BUCKET_KEYS, TASK_STATUSES, type BucketKey, type TaskStatus } from '../core/tasks/status';
import { ZId, ZIsoDate, ZName } from './common';

const ZText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Quá dài (tối đa ${max} ký tự)`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'Có ký tự điều khiển không hợp lệ');

export const ZTaskTitle = ZText(2000).pipe(z.string().min(1, 'Không được để trống'));
export const ZNote = ZText(5000);
export const ZVersion = z.number().int().min(1);
export const ZRecurrence = z.enum(RECURRENCES as unknown as [string, ...string[]]).transform((s) => s as (typeof RECURRENCES)[number]);
export const ZPillar = z.enum(PILLARS);

const ZStatusList = z
  .string()
  .max(300)
  .transform((s, ctx) => {
    const parts = s.split(',').map((p) => p.trim()).filter(Boolean);
    for (const p of parts) {
      if (!(TASK_STATUSES as readonly string[]).includes(p)) {
        ctx.addIssue({ code: 'custom', message: `Tình trạng "${p}" không hợp lệ` });
        return z.NEVER;
      }
    }
    return parts as TaskStatus[];
  });

/** Filters shared by the list, the export and the summary. */
export const ZTaskFilter = {
  q: z.string().trim().max(200).optional(),
  status: ZStatusList.optional(),
  state: z.enum(['open', 'done']).optional(),
  bucket: z.enum(Object.keys(BUCKET_KEYS) as [BucketKey, ...BucketKey[]]).optional(),
  stale: z.enum(['true', 'false']).optional(),
  pendingExtension: z.enum(['true', 'false']).optional(),
  leadUnitId: ZId.optional(),
  coordinatorUnitId: ZId.optional(),
  documentId: ZId.optional(),
  pillar: ZPillar.optional(),
  deadlineFrom: ZIsoDate.optional(),
  deadlineTo: ZIsoDate.optional(),
  assignedFrom: ZIsoDate.optional(),
  assignedTo: ZIsoDate.optional(),
};

export const ZTaskListQuery = z.strictObject({
  ...ZTaskFilter,
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;

export const ZTaskExportQuery = z.strictObject(ZTaskFilter);

export const ZSummaryQuery = z.strictObject({
  from: ZIsoDate,
  to: ZIsoDate,
  asOf: ZIsoDate.optional(),
  leadUnitId: ZId.optional(),
  pillar: ZPillar.optional(),
  documentId: ZId.optional(),
});

export const ZTaskCreate = z.strictObject({
  title: ZTaskTitle,
  description: ZNote.nullish(),
  leadUnitId: ZId,
  coordinatorUnitIds: z.array(ZId).max(200).default([]),
  documentId: ZId.nullish(),
  assignedOn: ZIsoDate.optional(),
  deadline: ZIsoDate.nullish(),
  deadlineText: ZText(300).nullish(),
  recurrence: ZRecurrence.nullish(),
  pillar: ZPillar.nullish(),
});

export const ZTaskUpdate = z.strictObject({
  version: ZVersion,
  title: ZTaskTitle.optional(),
  description: ZNote.nullish(),
  pillar: ZPillar.nullish(),
  leadUnitId: ZId.optional(),
  coordinatorUnitIds: z.array(ZId).max(200).optional(),
  deadline: ZIsoDate.nullish(),
  deadlineText: ZText(300).nullish(),
  recurrence: ZRecurrence.nullish(),
});

export const ZProgress = z.strictObject({
  version: ZVersion,
  percent: z.number().int().min(0, 'Tiến độ từ 0 đến 100').max(100, 'Tiến độ từ 0 đến 100'),
  note: ZNote.pipe(z.string().min(1, 'Hãy ghi nội dung báo cáo tiến độ')),
  occurrenceDueOn: ZIsoDate.nullish(),
});

/** The same, from the text fields of a multipart form. */
export const ZProgressFields = z.strictObject({
  version: z.coerce.number().int().min(1),
  percent: z.coerce.number().int().min(0, 'Tiến độ từ 0 đến 100').max(100, 'Tiến độ từ 0 đến 100'),
  note: ZNote.pipe(z.string().min(1, 'Hãy ghi nội dung báo cáo tiến độ')),
  occurrenceDueOn: ZIsoDate.optional(),
});

export const ZComplete = z.strictObject({ version: ZVersion, completedOn: ZIsoDate.optional(), note: ZNote.optional() });
export const ZReopen = z.strictObject({ version: ZVersion, note: ZNote.pipe(z.string().min(1, 'Hãy ghi lý do mở lại')) });
export const ZExtensionRequest = z.strictObject({ version: ZVersion, requestedDeadline: ZIsoDate, reason: ZNote.pipe(z.string().min(1, 'Hãy ghi lý do đề nghị gia hạn')) });
export const ZExtensionDecision = z.strictObject({ version: ZVersion, approve: z.boolean(), note: ZNote.optional() });
export const ZTaskSettings = z.strictObject({ escalateAfterOverdueDays: z.number().int().min(1, 'Tối thiểu 1 ngày').max(365, 'Tối đa 365 ngày') });

export { ZId, ZName };
