import { z } from 'zod';
import { PILLARS } from '../core/tasks/pillars';
import { RECURRENCES } from '../core/tasks/recurrence';
import { BULK_ACTIONS, BULK_SKIP_REASONS } from '../core/tasks/bulk';
import { BUCKET_KEYS, TASK_STATUSES, type BucketKey, type TaskStatus } from '../core/tasks/status';
import { ZDay, ZId, ZInstant, ZIsoDate, ZName, ZRate, ZUnitRef, ZVersion, ZFreeText, ZTextLine } from './common';

/** Tasks assigned by directives (QĐ 42/2014, NĐ 39/2022): /api/tasks. */

// ─── Requests ────────────────────────────────────────────────────────────────

export const ZTaskTitle = ZTextLine(2000, { joinLines: true }).min(1, 'Không được để trống');
export const ZNote = ZFreeText(5000);
export const ZRecurrence = z.enum(RECURRENCES);
export const ZPillar = z.enum(PILLARS);
export const ZTaskStatus = z.enum(TASK_STATUSES);
const BUCKETS = Object.keys(BUCKET_KEYS) as [BucketKey, ...BucketKey[]];
export const ZBucketKey = z.enum(BUCKETS);
export const ZPercent = z.number().int().min(0, 'Tiến độ từ 0 đến 100').max(100, 'Tiến độ từ 0 đến 100');

export { ZVersion };

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
  /** Comma-separated statuses. */
  status: ZStatusList.optional(),
  state: z.enum(['open', 'done']).optional(),
  bucket: ZBucketKey.optional(),
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
/** The filters as the server reads them (statuses parsed): what a screen keeps in its state. */
export type TTaskFilter = z.infer<typeof ZTaskExportQuery>;

export const ZInboxQuery = z.strictObject({ state: z.enum(['open', 'done', 'all']).default('open') });

export const ZSummaryQuery = z.strictObject({
  from: ZIsoDate,
  to: ZIsoDate,
  asOf: ZIsoDate.optional(),
  leadUnitId: ZId.optional(),
  pillar: ZPillar.optional(),
  documentId: ZId.optional(),
});

export const ZTaskParams = z.strictObject({ id: ZId });
export const ZTaskFileParams = z.strictObject({ id: ZId, fileId: ZId });
export const ZExtensionParams = z.strictObject({ id: ZId, extensionId: ZId });

export const ZTaskCreate = z.strictObject({
  title: ZTaskTitle,
  description: ZNote.nullish(),
  leadUnitId: ZId,
  coordinatorUnitIds: z.array(ZId).max(200).default([]),
  documentId: ZId.nullish(),
  assignedOn: ZIsoDate.optional(),
  deadline: ZIsoDate.nullish(),
  deadlineText: ZTextLine(300, { joinLines: true }).nullish(),
  recurrence: ZRecurrence.nullish(),
  pillar: ZPillar.nullish(),
});
export type TTaskCreate = z.input<typeof ZTaskCreate>;

export const ZTaskUpdate = z.strictObject({
  version: ZVersion,
  title: ZTaskTitle.optional(),
  description: ZNote.nullish(),
  pillar: ZPillar.nullish(),
  leadUnitId: ZId.optional(),
  coordinatorUnitIds: z.array(ZId).max(200).optional(),
  deadline: ZIsoDate.nullish(),
  deadlineText: ZTextLine(300, { joinLines: true }).nullish(),
  recurrence: ZRecurrence.nullish(),
});
export type TTaskUpdate = z.input<typeof ZTaskUpdate>;

export const ZProgress = z.strictObject({
  version: ZVersion,
  percent: ZPercent,
  note: ZNote.pipe(z.string().min(1, 'Hãy ghi nội dung báo cáo tiến độ')),
  occurrenceDueOn: ZIsoDate.nullish(),
});
export type TProgress = z.input<typeof ZProgress>;

/** The same, from the text fields of a multipart form (POST /api/tasks/:id/progress-file). */
export const ZProgressFields = z.strictObject({
  version: z.coerce.number().int().min(1),
  percent: z.coerce.number().int().min(0, 'Tiến độ từ 0 đến 100').max(100, 'Tiến độ từ 0 đến 100'),
  note: ZNote.pipe(z.string().min(1, 'Hãy ghi nội dung báo cáo tiến độ')),
  occurrenceDueOn: ZIsoDate.optional(),
});

export const ZComplete = z.strictObject({ version: ZVersion, completedOn: ZIsoDate.optional(), note: ZNote.optional() });
export type TComplete = z.input<typeof ZComplete>;
export const ZReopen = z.strictObject({ version: ZVersion, note: ZNote.pipe(z.string().min(1, 'Hãy ghi lý do mở lại')) });
export type TReopen = z.input<typeof ZReopen>;
export const ZExtensionRequest = z.strictObject({ version: ZVersion, requestedDeadline: ZIsoDate, reason: ZNote.pipe(z.string().min(1, 'Hãy ghi lý do đề nghị gia hạn')) });
export type TExtensionRequest = z.input<typeof ZExtensionRequest>;
export const ZExtensionDecision = z.strictObject({ version: ZVersion, approve: z.boolean(), note: ZNote.optional() });
export type TExtensionDecision = z.input<typeof ZExtensionDecision>;
/** Several tasks at once (POST /api/tasks/bulk): each named with the version the screen showed. */
const ZBulkTasks = z
  .array(z.strictObject({ id: ZId, version: ZVersion }))
  .min(1, 'Hãy chọn ít nhất một nhiệm vụ')
  .max(500, 'Mỗi lần chỉ thao tác tối đa 500 nhiệm vụ');
export const ZTaskBulk = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('reassign'), tasks: ZBulkTasks, leadUnitId: ZId }),
  z.strictObject({ action: z.literal('extend'), tasks: ZBulkTasks, deadline: ZIsoDate }),
  z.strictObject({ action: z.literal('close'), tasks: ZBulkTasks, reason: ZNote.pipe(z.string().min(1, 'Hãy ghi lý do đóng nhiệm vụ')) }),
]);
export type TTaskBulk = z.input<typeof ZTaskBulk>;
export const ZBulkAction = z.enum(BULK_ACTIONS);
export const ZBulkSkipReason = z.enum(BULK_SKIP_REASONS);

export const ZTaskSettingsInput = z.strictObject({ escalateAfterOverdueDays: z.number().int().min(1, 'Tối thiểu 1 ngày').max(365, 'Tối đa 365 ngày') });

// ─── Responses ───────────────────────────────────────────────────────────────

export const ZTask = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  document: z.object({ id: z.string(), number: z.string().nullable(), type: z.string().nullable(), issuedOn: ZDay.nullable(), summary: z.string().nullable() }).nullable(),
  leadUnit: ZUnitRef,
  /** The phrase the lead was written as ("các Sở, ngành, địa phương") when it came from a group. */
  leadGroupText: z.string().nullable(),
  coordinators: z.array(ZUnitRef),
  assignedOn: ZDay,
  /** The deadline in force (after approved extensions) … */
  deadline: ZDay.nullable(),
  /** … and as first assigned. */
  originalDeadline: ZDay.nullable(),
  extended: z.boolean(),
  /** As written: 'trước ngày 25/3/2020', 'trong quý II/2022'. */
  deadlineText: z.string().nullable(),
  recurrence: ZRecurrence.nullable(),
  recurrenceLabel: z.string().nullable(),
  nextOccurrence: ZDay.nullable(),
  pillar: ZPillar.nullable(),
  pillarLabel: z.string().nullable(),
  /** The sentence of the document the task was read from, with its offsets. */
  source: z.object({ text: z.string(), start: z.number().int().nullable(), end: z.number().int().nullable() }).nullable(),
  progressPercent: z.number().int(),
  lastProgressAt: ZInstant.nullable(),
  completedOn: ZDay.nullable(),
  /** Computed for today by src/core/tasks/status.ts; never stored. */
  status: ZTaskStatus,
  statusLabel: z.string(),
  done: z.boolean(),
  overdueDays: z.number().int(),
  overdueBucket: ZBucketKey.nullable(),
  /** No deadline and no progress report for 3 months. */
  stale: z.boolean(),
  pendingExtension: z.object({ id: z.string(), requestedDeadline: ZDay }).nullable(),
  /** Closed because its directive was withdrawn (issue 9): kept for the record, counted nowhere. */
  cancelled: z.object({ at: ZInstant, reason: z.string() }).nullable(),
  sample: z.boolean(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
  version: z.number().int(),
});
export type TTask = z.infer<typeof ZTask>;

export const ZTaskList = z.object({
  /** Matching tasks in all; `items` is one page of them. */
  total: z.number().int(),
  counts: z.object({
    byStatus: z.record(ZTaskStatus, z.number().int()),
    /** Open tasks past their deadline, by days overdue. */
    byBucket: z.record(ZBucketKey, z.number().int()),
    stale: z.number().int(),
  }),
  items: z.array(ZTask),
});
export type TTaskList = z.infer<typeof ZTaskList>;

export const ZTaskUpdateEntry = z.object({
  id: z.string(),
  kind: z.enum(['progress', 'complete', 'reopen']),
  percent: z.number().int().nullable(),
  note: z.string().nullable(),
  file: z.object({ id: z.string(), name: z.string(), size: z.number().int() }).nullable(),
  authorName: z.string(),
  unitName: z.string().nullable(),
  sample: z.boolean(),
  at: ZInstant,
});
export type TTaskUpdateEntry = z.infer<typeof ZTaskUpdateEntry>;

export const ZExtension = z.object({
  id: z.string(),
  previousDeadline: ZDay.nullable(),
  requestedDeadline: ZDay,
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'refused']),
  requestedByName: z.string(),
  requestedAt: ZInstant,
  decidedByName: z.string().nullable(),
  decidedAt: ZInstant.nullable(),
  decisionNote: z.string().nullable(),
});
export type TExtension = z.infer<typeof ZExtension>;

export const ZOccurrence = z.object({ dueOn: ZDay, reportedOn: ZDay.nullable() });
export type TOccurrence = z.infer<typeof ZOccurrence>;

export const ZTaskDetail = z.object({
  task: ZTask,
  updates: z.array(ZTaskUpdateEntry),
  extensions: z.array(ZExtension),
  occurrences: z.array(ZOccurrence),
  /** What the screens may offer; the routes check again on every request. */
  can: z.object({ update: z.boolean(), progress: z.boolean(), manage: z.boolean() }),
});
export type TTaskDetail = z.infer<typeof ZTaskDetail>;

export const ZHistoryEntry = z.object({
  at: ZInstant,
  actorName: z.string(),
  action: z.string(),
  label: z.string(),
  /** Fields that changed, old → new (for edits). */
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  update: ZTaskUpdateEntry.nullable(),
  extension: ZExtension.nullable(),
});
export type THistoryEntry = z.infer<typeof ZHistoryEntry>;

export const ZTaskHistory = z.object({ items: z.array(ZHistoryEntry) });
export type TTaskHistory = z.infer<typeof ZTaskHistory>;

export const ZInbox = z.object({
  unit: ZUnitRef,
  counts: z.object({ lead: z.number().int(), coordinating: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int(), stale: z.number().int() }),
  lead: z.array(ZTask),
  coordinating: z.array(ZTask),
});
export type TInbox = z.infer<typeof ZInbox>;

/** The three rates the city reports on its tasks (src/core/tasks/summary.ts). */
export const ZTaskRates = z.object({
  /** Overdue (finished late or still open past the deadline) among all tasks … */
  overdueRateAll: ZRate,
  /** … and among the tasks that have a deadline. */
  overdueRateWithDeadline: ZRate,
  /** Done by the deadline in force (an approved extension included) among tasks finished or past their deadline … */
  onTimeRate: ZRate,
  /** … and done by the original deadline, without an extension. */
  onTimeWithoutExtensionRate: ZRate,
});

/** Counts and rates of a set of tasks. */
export const ZTaskCounts = ZTaskRates.extend({
  total: z.number().int(),
  withDeadline: z.number().int(),
  byStatus: z.record(ZTaskStatus, z.number().int()),
  overdue: z.number().int(),
});
export type TTaskCounts = z.infer<typeof ZTaskCounts>;

export const ZTaskSummary = z.object({
  from: ZDay,
  to: ZDay,
  asOf: ZDay,
  total: ZTaskCounts,
  byUnit: z.array(z.object({ unitId: z.string(), unitName: z.string(), counts: ZTaskCounts })),
});
export type TTaskSummary = z.infer<typeof ZTaskSummary>;

/** A progress report: the task after it, and what was recorded. */
export const ZProgressRecorded = z.object({
  task: ZTask,
  update: z.object({
    updateId: z.string(),
    percent: z.number().int(),
    note: z.string(),
    fileId: z.string().nullable(),
    fileName: z.string().nullable(),
    /** The occurrence of a recurring task this report answered. */
    occurrence: ZDay.nullable(),
  }),
});
export type TProgressRecorded = z.infer<typeof ZProgressRecorded>;

/** A refused import answers 400 with the error body and its `rows` (src/contracts/common.ts). */
export const ZTaskImported = z.object({ created: z.number().int(), message: z.string() });
export type TTaskImported = z.infer<typeof ZTaskImported>;

/** What a bulk action did: the tasks changed, and each one left alone with why (a task changed meanwhile is reported, never overwritten). */
export const ZTaskBulkResult = z.object({
  action: ZBulkAction,
  requested: z.number().int(),
  changed: z.number().int(),
  changedIds: z.array(z.string()),
  skipped: z.array(z.object({ id: z.string(), title: z.string().nullable(), reason: ZBulkSkipReason })),
  /** One Vietnamese sentence: "Đã gia hạn 12 nhiệm vụ; 1 nhiệm vụ đã bị người khác sửa, chưa đổi". */
  message: z.string(),
});
export type TTaskBulkResult = z.infer<typeof ZTaskBulkResult>;

export const ZTaskSettings = z.object({ escalateAfterOverdueDays: z.number().int() });
export type TTaskSettings = z.infer<typeof ZTaskSettings>;

export { ZId, ZName };
