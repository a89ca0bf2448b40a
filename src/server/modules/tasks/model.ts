import type { TTask } from '../../../contracts/tasks';
import { vnToday } from '../../../core/calendar/timestamps';
import { PILLAR_LABEL_VI } from '../../../core/tasks/pillars';
import { RECURRENCE_LABEL_VI } from '../../../core/tasks/recurrence';
import { bucketKeyOf, isDone, isStale, overdueBucket, overdueDays, TASK_STATUS_LABEL_VI, taskStatus } from '../../../core/tasks/status';
import type { TaskRow } from './queries';

/** Row → API shape; status, overdue days, bucket and the stale flag are computed for `today`. */
export function presentTask(r: TaskRow, today: string): TTask {
  const dates = { deadline: r.deadline, completedAt: r.completed_on };
  const status = taskStatus(dates, today);
  const stale = isStale(
    { ...dates, lastProgressAt: r.last_progress_at ? vnToday(r.last_progress_at) : null, createdAt: vnToday(r.created_at) },
    today,
  );
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    document: r.document_id ? { id: r.document_id, number: r.doc_number, type: r.doc_type, issuedOn: r.doc_issued_on, summary: r.doc_summary } : null,
    leadUnit: { id: r.lead_unit_id, name: r.lead_unit_name },
    leadGroupText: r.lead_group_text,
    coordinators: r.coordinator_ids.map((id, i) => ({ id, name: r.coordinator_names[i] ?? '' })),
    assignedOn: r.assigned_on,
    deadline: r.deadline,
    originalDeadline: r.original_deadline,
    extended: r.original_deadline !== null && r.deadline !== r.original_deadline,
    deadlineText: r.deadline_text,
    recurrence: r.recurrence,
    recurrenceLabel: r.recurrence ? RECURRENCE_LABEL_VI[r.recurrence] : null,
    nextOccurrence: r.next_occurrence,
    pillar: r.pillar,
    pillarLabel: r.pillar ? PILLAR_LABEL_VI[r.pillar] : null,
    source: r.source_text ? { text: r.source_text, start: r.source_start, end: r.source_end } : null,
    progressPercent: r.progress_percent,
    lastProgressAt: r.last_progress_at,
    completedOn: r.completed_on,
    status,
    statusLabel: TASK_STATUS_LABEL_VI[status],
    done: isDone(status),
    overdueDays: overdueDays(dates, today),
    overdueBucket: bucketKeyOf(overdueBucket(dates, today)),
    stale,
    pendingExtension: r.pending_extension_id ? { id: r.pending_extension_id, requestedDeadline: r.pending_extension_deadline! } : null,
    cancelled: r.cancelled_at ? { at: r.cancelled_at, reason: r.cancel_reason ?? '' } : null,
    sample: r.sample,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** What the audit keeps of a task: its own fields, no computed ones. */
export function auditShape(t: TTask) {
  return {
    title: t.title,
    description: t.description,
    documentId: t.document?.id ?? null,
    leadUnit: t.leadUnit,
    coordinators: t.coordinators,
    assignedOn: t.assignedOn,
    deadline: t.deadline,
    originalDeadline: t.originalDeadline,
    deadlineText: t.deadlineText,
    recurrence: t.recurrence,
    pillar: t.pillar,
    progressPercent: t.progressPercent,
    completedOn: t.completedOn,
    version: t.version,
  };
}
