import { vnToday } from '../../../core/calendar/timestamps';
import { PILLAR_LABEL_VI, type Pillar } from '../../../core/tasks/pillars';
import { RECURRENCE_LABEL_VI, type Recurrence } from '../../../core/tasks/recurrence';
import {
  bucketKeyOf,
  isDone,
  isStale,
  overdueBucket,
  overdueDays,
  TASK_STATUS_LABEL_VI,
  taskStatus,
  type BucketKey,
  type TaskStatus,
} from '../../../core/tasks/status';

/** The Vietnam calendar date of a timestamp (UTC+7, no daylight saving). */

export interface TaskRow {
  id: string;
  document_id: string | null;
  doc_number: string | null;
  doc_type: string | null;
  doc_issued_on: string | null;
  doc_summary: string | null;
  title: string;
  description: string | null;
  lead_unit_id: string;
  lead_unit_name: string;
  lead_group_text: string | null;
  coordinator_ids: string[];
  coordinator_names: string[];
  assigned_on: string;
  deadline: string | null;
  original_deadline: string | null;
  deadline_text: string | null;
  recurrence: Recurrence | null;
  pillar: Pillar | null;
  source_text: string | null;
  source_start: number | null;
  source_end: number | null;
  progress_percent: number;
  last_progress_at: string | null;
  completed_on: string | null;
  next_occurrence: string | null;
  pending_extension_id: string | null;
  pending_extension_deadline: string | null;
  sample: boolean;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TaskView {
  id: string;
  title: string;
  description: string | null;
  document: { id: string; number: string | null; type: string | null; issuedOn: string | null; summary: string | null } | null;
  leadUnit: { id: string; name: string };
  leadGroupText: string | null;
  coordinators: Array<{ id: string; name: string }>;
  assignedOn: string;
  deadline: string | null;
  originalDeadline: string | null;
  extended: boolean;
  deadlineText: string | null;
  recurrence: Recurrence | null;
  recurrenceLabel: string | null;
  nextOccurrence: string | null;
  pillar: Pillar | null;
  pillarLabel: string | null;
  source: { text: string; start: number | null; end: number | null } | null;
  progressPercent: number;
  lastProgressAt: string | null;
  completedOn: string | null;
  status: TaskStatus;
  statusLabel: string;
  done: boolean;
  overdueDays: number;
  overdueBucket: BucketKey | null;
  stale: boolean;
  pendingExtension: { id: string; requestedDeadline: string } | null;
  sample: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Row → API shape; status, overdue days, bucket and the stale flag are computed for `today`. */
export function presentTask(r: TaskRow, today: string): TaskView {
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
    sample: r.sample,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** What the audit keeps of a task: its own fields, no computed ones. */
export function auditShape(t: TaskView) {
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
