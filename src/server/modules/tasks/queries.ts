import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';
import type { Pillar } from '../../../core/tasks/pillars';
import type { BucketKey, TaskStatus } from '../../../core/tasks/status';
import { foldVietnamese } from '../../../core/text/fold';

/** Every statement of the tasks module. Rows are typed from src/db/tables.ts (generated). */

type Tasks = Tables['tasks'];
type Documents = Tables['documents'];
type Units = Tables['units'];

// ─── Reading tasks ───────────────────────────────────────────────────────────

export type TaskRow = Pick<
  Tasks,
  | 'id' | 'document_id' | 'title' | 'description' | 'lead_unit_id' | 'lead_group_text' | 'assigned_on' | 'deadline' | 'original_deadline'
  | 'deadline_text' | 'recurrence' | 'pillar' | 'source_text' | 'source_start' | 'source_end' | 'progress_percent' | 'last_progress_at'
  | 'completed_on' | 'cancelled_at' | 'cancel_reason' | 'sample' | 'created_at' | 'updated_at' | 'version'
> & {
  // From left joins: null when the task has no document, no open occurrence, no pending extension.
  doc_number: Documents['doc_number'];
  doc_type: Documents['doc_type'] | null;
  doc_issued_on: Documents['issued_on'];
  doc_summary: Documents['summary'];
  lead_unit_name: Units['name'];
  coordinator_ids: string[];
  coordinator_names: string[];
  next_occurrence: string | null;
  pending_extension_id: string | null;
  pending_extension_deadline: string | null;
};

const SELECT_COLUMNS = `
  select t.id, t.document_id, d.doc_number, d.doc_type, d.issued_on as doc_issued_on, d.summary as doc_summary,
         t.title, t.description, t.lead_unit_id, lu.name as lead_unit_name, t.lead_group_text,
         coalesce(c.ids, '{}') as coordinator_ids, coalesce(c.names, '{}') as coordinator_names,
         t.assigned_on, t.deadline, t.original_deadline, t.deadline_text, t.recurrence, t.pillar,
         t.source_text, t.source_start, t.source_end, t.progress_percent, t.last_progress_at, t.completed_on,
         (select min(o.due_on) from task_occurrences o where o.task_id = t.id and o.reported_on is null) as next_occurrence,
         x.id as pending_extension_id, x.requested_deadline as pending_extension_deadline,
         t.cancelled_at, t.cancel_reason, t.sample, t.created_at, t.updated_at, t.version`;

/** The joins of a task row, over `source` (the tasks table or one page of it). */
function fromTasks(source: string): string {
  return `
    from ${source} t
    join units lu on lu.id = t.lead_unit_id
    left join documents d on d.id = t.document_id
    left join lateral (
      select array_agg(tc.unit_id::text order by cu.name) as ids, array_agg(cu.name order by cu.name) as names
        from task_coordinators tc join units cu on cu.id = tc.unit_id where tc.task_id = t.id
    ) c on true
    left join task_extensions x on x.task_id = t.id and x.status = 'pending'`;
}
const SELECT_TASKS = `${SELECT_COLUMNS} ${fromTasks('tasks')}`;

const ORDER = 't.completed_on is not null, t.deadline asc nulls last, t.assigned_on desc, t.title, t.id';

/**
 * core/tasks/status in SQL, for `today` (a date parameter): `taskStatus`, `overdueDays` (so the
 * buckets of `overdueBucketOf`) and `isStale`. test/integration/task-status-sql.test.ts checks
 * that these equal core's functions on a generated set of tasks, on both engines. Vietnam has
 * no daylight saving, so an instant's Vietnamese date is its UTC time + 7 h.
 */
export function statusSql(today: string) {
  const vnDate = (col: string) => `((${col} at time zone 'UTC') + interval '7 hours')::date`;
  return {
    status: `case when t.completed_on is not null then
                   case when t.deadline is null then 'done_no_deadline'
                        when t.completed_on <= t.deadline then
                          case when t.original_deadline is not null and t.completed_on > t.original_deadline then 'done_on_time_extended' else 'done_on_time' end
                        else 'done_late' end
                  when t.deadline is null then 'no_deadline_in_progress'
                  when ${today} <= t.deadline then 'in_progress_on_time' else 'in_progress_overdue' end`,
    days: `case when t.deadline is null then 0 else greatest(0, coalesce(t.completed_on, ${today}) - t.deadline) end`,
    stale: `(t.deadline is null and t.completed_on is null
             and (${vnDate('coalesce(t.last_progress_at, t.created_at)')} + interval '3 months')::date <= ${today})`,
  };
}

export interface TaskFilter {
  /** Unit roles see only tasks their units lead or coordinate; null = everything. */
  visibleTo?: readonly string[] | null;
  leadUnitIds?: readonly string[];
  coordinatorUnitId?: string;
  /** Lead or coordinator: a unit's inbox. */
  involvingUnitIds?: readonly string[];
  documentId?: string;
  /** Tasks closed with their withdrawn directive are left out, except on that directive's page. */
  includeCancelled?: boolean;
  pillar?: Pillar;
  deadlineFrom?: string;
  deadlineTo?: string;
  assignedFrom?: string;
  assignedTo?: string;
  q?: string;
}

/** Filters on what is computed from the dates as of `today` (see statusSql). */
export interface ComputedFilter {
  today: string;
  statuses?: readonly TaskStatus[];
  /** Open tasks only / finished only. */
  state?: 'open' | 'done';
  /** Late by this bucket; gt30 includes gt120. */
  bucket?: BucketKey;
  stale?: boolean;
  pendingExtension?: boolean;
}

function whereOf(f: TaskFilter & Partial<ComputedFilter>, params: unknown[]): string {
  const where: string[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.visibleTo) {
    const ids = p(f.visibleTo);
    where.push(`(t.lead_unit_id = any(${ids}::uuid[]) or exists (select 1 from task_coordinators v where v.task_id = t.id and v.unit_id = any(${ids}::uuid[])))`);
  }
  if (f.involvingUnitIds) {
    const ids = p(f.involvingUnitIds);
    where.push(`(t.lead_unit_id = any(${ids}::uuid[]) or exists (select 1 from task_coordinators v where v.task_id = t.id and v.unit_id = any(${ids}::uuid[])))`);
  }
  if (f.leadUnitIds) where.push(`t.lead_unit_id = any(${p(f.leadUnitIds)}::uuid[])`);
  if (f.coordinatorUnitId) where.push(`exists (select 1 from task_coordinators k where k.task_id = t.id and k.unit_id = ${p(f.coordinatorUnitId)})`);
  if (f.documentId) where.push(`t.document_id = ${p(f.documentId)}`);
  if (!f.includeCancelled) where.push('t.cancelled_at is null');
  if (f.pillar) where.push(`t.pillar = ${p(f.pillar)}`);
  if (f.deadlineFrom) where.push(`t.deadline >= ${p(f.deadlineFrom)}`);
  if (f.deadlineTo) where.push(`t.deadline <= ${p(f.deadlineTo)}`);
  if (f.assignedFrom) where.push(`t.assigned_on >= ${p(f.assignedFrom)}`);
  if (f.assignedTo) where.push(`t.assigned_on <= ${p(f.assignedTo)}`);
  // Every word of the query, diacritics ignored ("bao cao" finds "báo cáo").
  for (const word of foldVietnamese(f.q ?? '').split(' ').filter(Boolean).slice(0, 8)) {
    where.push(`t.search_folded like ${p(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  }
  if (f.today && (f.statuses?.length || f.bucket || f.stale !== undefined)) {
    // The date is a parameter only when a filter reads it: an unused one has no type.
    const s = statusSql(`${p(f.today)}::date`);
    if (f.statuses?.length) where.push(`(${s.status}) = any(${p(f.statuses)}::text[])`);
    if (f.bucket) where.push(`(${s.days}) ${f.bucket === 'le30' ? 'between 1 and 30' : f.bucket === 'gt30' ? '> 30' : '> 120'}`);
    if (f.stale !== undefined) where.push(`${f.stale ? '' : 'not '}${s.stale}`);
  }
  if (f.state) where.push(f.state === 'done' ? 't.completed_on is not null' : 't.completed_on is null');
  if (f.pendingExtension !== undefined) {
    where.push(`${f.pendingExtension ? '' : 'not '}exists (select 1 from task_extensions pe where pe.task_id = t.id and pe.status = 'pending')`);
  }
  return where.length ? `where ${where.join(' and ')}` : '';
}

/** Every matching task, in the list's order (an export, a document's tasks, an inbox). */
export async function selectTasks(db: Queryable, f: TaskFilter & Partial<ComputedFilter>): Promise<TaskRow[]> {
  const params: unknown[] = [];
  return db.query<TaskRow>(`${SELECT_TASKS} ${whereOf(f, params)} order by ${ORDER}`, params);
}

/** One page of the matching tasks: filtered, ordered and cut in the database, joined after. */
export async function selectTaskPage(db: Queryable, f: TaskFilter & ComputedFilter, limit: number, offset: number): Promise<TaskRow[]> {
  const params: unknown[] = [];
  const where = whereOf(f, params);
  params.push(limit, offset);
  const page = `(select t.* from tasks t ${where} order by ${ORDER} limit $${params.length - 1} offset $${params.length})`;
  return db.query<TaskRow>(`${SELECT_COLUMNS} ${fromTasks(page)} order by ${ORDER}`, params);
}

/**
 * The number that moves on every committed change to what a task row shows (migration 0023's
 * triggers, in any process): the task list's answers are reused while it stays the same.
 */
export async function taskChangeVersion(db: Queryable): Promise<string> {
  const rows = await db.query<{ v: string }>(`select last_value::text || ':' || is_called::text as v from tasks_change_seq`);
  return rows[0]!.v;
}

export interface TaskCountRow {
  status: TaskStatus;
  bucket: BucketKey | null;
  stale: boolean;
  done: boolean;
  n: number;
}

/** Counts of the matching tasks by status, bucket (of days late) and the stale flag. */
export async function countTasks(db: Queryable, f: TaskFilter & ComputedFilter): Promise<TaskCountRow[]> {
  const params: unknown[] = [];
  const where = whereOf(f, params);
  const s = statusSql(`$${params.length + 1}::date`);
  params.push(f.today);
  return db.query<TaskCountRow>(
    `select status, case when days > 120 then 'gt120' when days > 30 then 'gt30' when days > 0 then 'le30' end as bucket, stale, done, count(*)::int as n
       from (select ${s.status} as status, ${s.days} as days, ${s.stale} as stale, t.completed_on is not null as done from tasks t ${where}) x
      group by 1, 2, 3, 4`,
    params,
  );
}

export interface TaskUnitStatusRow {
  lead_unit_id: Tasks['lead_unit_id'];
  lead_unit_name: Units['name'];
  status: TaskStatus;
  n: number;
}

/** Tasks by lead unit and status as of a date: what the summary counts. */
export async function countTasksByUnit(db: Queryable, f: TaskFilter, asOf: string): Promise<TaskUnitStatusRow[]> {
  const params: unknown[] = [];
  const where = whereOf(f, params);
  const s = statusSql(`$${params.length + 1}::date`);
  params.push(asOf);
  return db.query<TaskUnitStatusRow>(
    `select x.lead_unit_id, u.name as lead_unit_name, x.status, x.n
       from (select t.lead_unit_id, ${s.status} as status, count(*)::int as n from tasks t ${where} group by 1, 2) x
       join units u on u.id = x.lead_unit_id`,
    params,
  );
}

export async function taskRowById(db: Queryable, id: string): Promise<TaskRow | undefined> {
  return (await db.query<TaskRow>(`${SELECT_TASKS} where t.id = $1`, [id]))[0];
}

/** The folded text search reads: title, description, units, document number. */
export async function refreshSearch(tx: Queryable, taskId: string): Promise<void> {
  await refreshSearchOf(tx, [taskId]);
}

export type UnitValidity = Pick<Units, 'id' | 'name' | 'valid_from' | 'valid_to'>;

export async function unitsByIds(db: Queryable, ids: readonly string[]): Promise<UnitValidity[]> {
  if (ids.length === 0) return [];
  return db.query<UnitValidity>('select id, name, valid_from, valid_to from units where id = any($1::uuid[])', [[...new Set(ids)]]);
}

/** Units valid on a date with their aliases and groups: what directive matching reads. */
export type RegistryRow = Pick<Units, 'id' | 'name' | 'kind' | 'groups' | 'level'> & { aliases: string[] };

export function registryUnits(db: Queryable, asOf: string): Promise<RegistryRow[]> {
  return db.query<RegistryRow>(
    `select u.id, u.name, u.kind, u.groups, u.level,
            coalesce((select array_agg(a.alias order by a.alias) from unit_aliases a where a.unit_id = u.id), '{}') as aliases
       from units u where u.valid_from <= $1 and (u.valid_to is null or u.valid_to >= $1)
      order by u.level, u.name`,
    [asOf],
  );
}

/** Documents by number, for an import that names them. */
export function documentNumbers(db: Queryable): Promise<Array<{ id: string; doc_number: string }>> {
  return db.query('select id, doc_number from documents where doc_number is not null');
}

// ─── The task's record ───────────────────────────────────────────────────────

export type TaskUpdateRow = Pick<Tables['task_updates'], 'id' | 'kind' | 'percent' | 'note' | 'file_id' | 'author_name' | 'sample' | 'created_at'> & {
  filename: Tables['files']['filename'] | null;
  size_bytes: Tables['files']['size_bytes'] | null;
  unit_name: Units['name'] | null;
};

export function taskUpdateRows(db: Queryable, taskId: string): Promise<TaskUpdateRow[]> {
  return db.query<TaskUpdateRow>(
    `select u.id, u.kind, u.percent, u.note, u.file_id, f.filename, f.size_bytes, u.author_name, n.name as unit_name, u.sample, u.created_at
       from task_updates u left join files f on f.id = u.file_id left join units n on n.id = u.unit_id
      where u.task_id = $1 order by u.created_at desc, u.id`,
    [taskId],
  );
}

export type ExtensionRow = Pick<
  Tables['task_extensions'],
  'id' | 'previous_deadline' | 'requested_deadline' | 'reason' | 'status' | 'requested_by_name' | 'requested_at' | 'decided_by_name' | 'decided_at' | 'decision_note'
>;

export function extensionRows(db: Queryable, taskId: string): Promise<ExtensionRow[]> {
  return db.query<ExtensionRow>(
    `select id, previous_deadline, requested_deadline, reason, status, requested_by_name, requested_at, decided_by_name, decided_at, decision_note
       from task_extensions where task_id = $1 order by requested_at desc`,
    [taskId],
  );
}

export function occurrenceRows(db: Queryable, taskId: string): Promise<Array<Pick<Tables['task_occurrences'], 'due_on' | 'reported_on'>>> {
  return db.query('select due_on, reported_on from task_occurrences where task_id = $1 order by due_on', [taskId]);
}

export type TaskAuditRow = Pick<Tables['audit_log'], 'at' | 'actor_name' | 'action'> & { before: Record<string, unknown> | null; after: Record<string, unknown> | null };

export function taskAuditRows(db: Queryable, taskId: string): Promise<TaskAuditRow[]> {
  return db.query<TaskAuditRow>(`select at, actor_name, action, before, after from audit_log where entity = 'task' and entity_id = $1 order by id`, [taskId]);
}

/** An attachment of one of the task's progress reports (and only of this task). */
export async function taskFile(db: Queryable, taskId: string, fileId: string): Promise<Pick<Tables['files'], 'filename' | 'mime_type' | 'content'> | undefined> {
  return (await db.query<Pick<Tables['files'], 'filename' | 'mime_type' | 'content'>>(
    `select f.filename, f.mime_type, f.content from files f join task_updates u on u.file_id = f.id where u.task_id = $1 and f.id = $2`,
    [taskId, fileId],
  ))[0];
}

// ─── Writing ─────────────────────────────────────────────────────────────────

export type NewTaskRow = Pick<
  Tasks,
  | 'document_id' | 'title' | 'description' | 'lead_unit_id' | 'lead_group_text' | 'assigned_on' | 'deadline' | 'deadline_text' | 'recurrence'
  | 'pillar' | 'source_text' | 'source_start' | 'source_end' | 'sample' | 'created_by'
>;

/** The original deadline starts as the deadline; created_at and updated_at as `at`. */
export async function insertTaskRow(tx: Queryable, t: NewTaskRow, at: string): Promise<string> {
  const rows = await tx.query<Pick<Tasks, 'id'>>(
    `insert into tasks (province_id, document_id, title, description, lead_unit_id, lead_group_text, assigned_on, deadline, original_deadline, deadline_text,
                        recurrence, pillar, source_text, source_start, source_end, sample, created_by, created_at, updated_at)
     values ((select province_id from units where id = $4), $1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) returning id`,
    [t.document_id, t.title, t.description, t.lead_unit_id, t.lead_group_text, t.assigned_on, t.deadline, t.deadline_text, t.recurrence, t.pillar,
      t.source_text, t.source_start, t.source_end, t.sample, t.created_by, at],
  );
  return rows[0]!.id;
}

/** Claims the version: false when another change was made from the same one. */
export async function claimTaskVersion(tx: Queryable, id: string, version: number, at: string): Promise<boolean> {
  return (await tx.query('update tasks set version = version + 1, updated_at = $3 where id = $1 and version = $2 returning id', [id, version, at])).length > 0;
}

export type TaskEdit = Pick<Tasks, 'title' | 'description' | 'pillar' | 'lead_unit_id' | 'deadline' | 'deadline_text' | 'recurrence' | 'lead_group_text'>;

/** A first deadline set on a task without one becomes its original deadline. */
export async function updateTaskRow(tx: Queryable, id: string, e: TaskEdit): Promise<void> {
  await tx.query(
    `update tasks set title = $2, description = $3, pillar = $4, lead_unit_id = $5, deadline = $6,
            original_deadline = coalesce(original_deadline, $6), deadline_text = $7, recurrence = $8, lead_group_text = $9
      where id = $1`,
    [id, e.title, e.description, e.pillar, e.lead_unit_id, e.deadline, e.deadline_text, e.recurrence, e.lead_group_text],
  );
}

export async function replaceCoordinators(tx: Queryable, taskId: string, unitIds: readonly string[]): Promise<void> {
  await tx.query('delete from task_coordinators where task_id = $1', [taskId]);
  if (unitIds.length === 0) return;
  await tx.query('insert into task_coordinators (task_id, unit_id) select $1, u from unnest($2::uuid[]) as u on conflict do nothing', [taskId, [...new Set(unitIds)]]);
}

export async function removeCoordinator(tx: Queryable, taskId: string, unitId: string): Promise<void> {
  await tx.query('delete from task_coordinators where task_id = $1 and unit_id = $2', [taskId, unitId]);
}

/** The occurrences not yet reported are replaced by `dates` (reported ones stay as the record). */
export async function replaceOpenOccurrences(tx: Queryable, taskId: string, dates: readonly string[]): Promise<void> {
  await tx.query('delete from task_occurrences where task_id = $1 and reported_on is null', [taskId]);
  if (dates.length === 0) return;
  await tx.query('insert into task_occurrences (task_id, due_on) select $1, d from unnest($2::date[]) as d on conflict do nothing', [taskId, dates]);
}

/** The given occurrence, or the earliest open one, is marked reported; returns its due date. */
export async function reportOccurrence(tx: Queryable, taskId: string, dueOn: string | null, on: string): Promise<string | null> {
  const o = await tx.query<Pick<Tables['task_occurrences'], 'due_on'>>(
    `update task_occurrences set reported_on = $3
      where task_id = $1 and due_on = coalesce($2::date, (select min(due_on) from task_occurrences where task_id = $1 and reported_on is null))
        and reported_on is null returning due_on`,
    [taskId, dueOn, on],
  );
  return o[0]?.due_on ?? null;
}

export type NewFileRow = Pick<Tables['files'], 'filename' | 'mime_type' | 'size_bytes' | 'sha256' | 'content' | 'uploaded_by' | 'uploaded_at'>;

export async function insertFile(tx: Queryable, f: NewFileRow): Promise<string> {
  const rows = await tx.query<Pick<Tables['files'], 'id'>>(
    'insert into files (filename, mime_type, size_bytes, sha256, content, uploaded_by, uploaded_at) values ($1, $2, $3, $4, $5, $6, $7) returning id',
    [f.filename, f.mime_type, f.size_bytes, f.sha256, f.content, f.uploaded_by, f.uploaded_at],
  );
  return rows[0]!.id;
}

export type NewTaskUpdateRow = Pick<Tables['task_updates'], 'task_id' | 'kind' | 'percent' | 'note' | 'file_id' | 'author_id' | 'author_name' | 'unit_id' | 'created_at'>;

export async function insertTaskUpdate(tx: Queryable, u: NewTaskUpdateRow): Promise<string> {
  const rows = await tx.query<Pick<Tables['task_updates'], 'id'>>(
    `insert into task_updates (task_id, kind, percent, note, file_id, author_id, author_name, unit_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [u.task_id, u.kind, u.percent, u.note, u.file_id, u.author_id, u.author_name, u.unit_id, u.created_at],
  );
  return rows[0]!.id;
}

/** A report was made at `at`; the lead unit's report also moves the task's percentage. */
export async function recordProgress(tx: Queryable, taskId: string, at: string, movesPercent: boolean, percent: number): Promise<void> {
  await tx.query(`update tasks set last_progress_at = $2, progress_percent = case when $3 then $4 else progress_percent end where id = $1`, [taskId, at, movesPercent, percent]);
}

export async function markCompleted(tx: Queryable, taskId: string, on: string, at: string): Promise<void> {
  await tx.query('update tasks set completed_on = $2, progress_percent = 100, last_progress_at = $3 where id = $1', [taskId, on, at]);
}

export async function markReopened(tx: Queryable, taskId: string): Promise<void> {
  await tx.query('update tasks set completed_on = null where id = $1', [taskId]);
}

/** A finished task no longer waits for a new deadline: its pending request is refused by the system. */
export async function refusePendingExtensions(tx: Queryable, taskId: string, at: string): Promise<void> {
  await tx.query(
    `update task_extensions set status = 'refused', decided_at = $2, decided_by_name = 'hệ thống', decision_note = 'Nhiệm vụ đã hoàn thành' where task_id = $1 and status = 'pending'`,
    [taskId, at],
  );
}

export type NewExtensionRow = Pick<Tables['task_extensions'], 'task_id' | 'previous_deadline' | 'requested_deadline' | 'reason' | 'requested_by' | 'requested_by_name' | 'requested_at'>;

export async function insertExtension(tx: Queryable, x: NewExtensionRow): Promise<string> {
  const rows = await tx.query<Pick<Tables['task_extensions'], 'id'>>(
    `insert into task_extensions (task_id, previous_deadline, requested_deadline, reason, requested_by, requested_by_name, requested_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [x.task_id, x.previous_deadline, x.requested_deadline, x.reason, x.requested_by, x.requested_by_name, x.requested_at],
  );
  return rows[0]!.id;
}

export async function extensionOfTask(tx: Queryable, extensionId: string, taskId: string): Promise<Pick<Tables['task_extensions'], 'requested_deadline' | 'status'> | undefined> {
  return (await tx.query<Pick<Tables['task_extensions'], 'requested_deadline' | 'status'>>('select requested_deadline, status from task_extensions where id = $1 and task_id = $2', [extensionId, taskId]))[0];
}

export async function decideExtensionRow(
  tx: Queryable,
  extensionId: string,
  d: Pick<Tables['task_extensions'], 'status' | 'decided_by' | 'decided_by_name' | 'decided_at' | 'decision_note'>,
): Promise<void> {
  await tx.query(
    `update task_extensions set status = $2, decided_by = $3, decided_by_name = $4, decided_at = $5, decision_note = $6 where id = $1`,
    [extensionId, d.status, d.decided_by, d.decided_by_name, d.decided_at, d.decision_note],
  );
}

/** An approved extension: the new deadline is in force, the first one is kept as the original. */
export async function extendDeadline(tx: Queryable, taskId: string, deadline: string, previous: string | null): Promise<void> {
  await tx.query('update tasks set deadline = $2, original_deadline = coalesce(original_deadline, $3) where id = $1', [taskId, deadline, previous]);
}

// ─── Several tasks at once (bulk actions) ────────────────────────────────────

export interface BulkRequest {
  ids: readonly string[];
  versions: readonly number[];
}

export type BulkCheckRow = { id: string; title: Tasks['title'] | null; reason: string | null; recurrence: Tasks['recurrence'] | null; assigned_on: Tasks['assigned_on'] | null };

/**
 * Why each requested task would be left alone by the action (null: it can be changed), in the
 * order requested. The update re-checks the same conditions and the version in one statement,
 * so a task changed between the two is still reported as changed meanwhile, never overwritten.
 */
export function classifyBulk(db: Queryable, req: BulkRequest, extra: { sql: string; params: unknown[] }): Promise<BulkCheckRow[]> {
  return db.query<BulkCheckRow>(
    `select r.id::text as id, t.title, t.recurrence, t.assigned_on,
            case when t.id is null then 'not_found'
                 when t.cancelled_at is not null then 'closed'
                 when t.version <> r.version then 'stale'
                 when t.completed_on is not null then 'done'
                 ${extra.sql}
                 else null end as reason
       from unnest($1::uuid[], $2::int[]) with ordinality as r(id, version, n)
       left join tasks t on t.id = r.id
      order by r.n`,
    [req.ids, req.versions, ...extra.params],
  );
}

export const BULK_CHECK = {
  reassign: (leadUnitId: string, today: string) => ({
    sql: `when t.lead_unit_id = $3::uuid then 'same_lead'
          when not exists (select 1 from units u where u.id = $3::uuid and u.valid_from <= t.assigned_on
                             and (u.valid_to is null or (u.valid_to >= t.assigned_on and u.valid_to >= $4::date))) then 'unit_inactive'`,
    params: [leadUnitId, today],
  }),
  extend: (deadline: string) => ({
    sql: `when t.deadline is null then 'no_deadline' when t.deadline >= $3::date then 'not_later'`,
    params: [deadline],
  }),
  close: () => ({ sql: '', params: [] }),
};

interface BulkActor {
  actorId: string | null;
  actorName: string;
  ip: string | null;
  at: string;
}

/** The version claim, the change and one audit row per task, in one statement; returns the ids changed. */
async function bulkUpdate(tx: Queryable, req: BulkRequest, a: BulkActor, action: string, set: string, guard: string, audit: { before: string; after: string; returning: string }, params: unknown[]): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `with req as (select * from unnest($1::uuid[], $2::int[]) as r(id, version)),
          old as (select t.* from tasks t join req on req.id = t.id),
          upd as (update tasks t set ${set}, version = t.version + 1, updated_at = $3::timestamptz
                    from req
                   where t.id = req.id and t.version = req.version and t.cancelled_at is null and t.completed_on is null ${guard}
               returning t.id, t.version, ${audit.returning}),
          aud as (insert into audit_log (actor_id, actor_name, action, entity, entity_id, before, after, ip)
                  select $4::uuid, $5, '${action}', 'task', upd.id::text,
                         jsonb_build_object(${audit.before}, 'version', old.version),
                         jsonb_build_object(${audit.after}, 'version', upd.version), $6
                    from upd join old on old.id = upd.id)
     select upd.id::text as id from upd`,
    [req.ids, req.versions, a.at, a.actorId, a.actorName, a.ip, ...params],
  );
  return rows.map((r) => r.id);
}

export function bulkReassign(tx: Queryable, req: BulkRequest, a: BulkActor, leadUnitId: string): Promise<string[]> {
  return bulkUpdate(
    tx, req, a, 'bulk_reassign',
    'lead_unit_id = $7::uuid, lead_group_text = null',
    'and t.lead_unit_id <> $7::uuid',
    {
      returning: 't.lead_unit_id',
      before: `'leadUnit', jsonb_build_object('id', old.lead_unit_id, 'name', (select name from units where id = old.lead_unit_id))`,
      after: `'leadUnit', jsonb_build_object('id', upd.lead_unit_id, 'name', (select name from units where id = upd.lead_unit_id))`,
    },
    [leadUnitId],
  );
}

export function bulkExtend(tx: Queryable, req: BulkRequest, a: BulkActor, deadline: string): Promise<string[]> {
  return bulkUpdate(
    tx, req, a, 'bulk_extend',
    'deadline = $7::date, original_deadline = coalesce(t.original_deadline, t.deadline)',
    'and t.deadline < $7::date',
    {
      returning: 't.deadline, t.original_deadline',
      before: `'deadline', old.deadline, 'originalDeadline', old.original_deadline`,
      after: `'deadline', upd.deadline, 'originalDeadline', upd.original_deadline`,
    },
    [deadline],
  );
}

export function bulkClose(tx: Queryable, req: BulkRequest, a: BulkActor, reason: string): Promise<string[]> {
  return bulkUpdate(
    tx, req, a, 'bulk_close',
    'cancelled_at = $3::timestamptz, cancel_reason = $7',
    '',
    {
      returning: 't.cancelled_at, t.cancel_reason',
      before: `'cancelReason', old.cancel_reason`,
      after: `'cancelReason', upd.cancel_reason`,
    },
    [reason],
  );
}

/** A new lead unit is no longer also a coordinator of the tasks it now leads. */
export async function removeCoordinatorFromTasks(tx: Queryable, taskIds: readonly string[], unitId: string): Promise<void> {
  await tx.query('delete from task_coordinators where task_id = any($1::uuid[]) and unit_id = $2', [taskIds, unitId]);
}

/** Closed tasks no longer wait for a new deadline. */
export async function refusePendingExtensionsOf(tx: Queryable, taskIds: readonly string[], at: string): Promise<void> {
  await tx.query(
    `update task_extensions set status = 'refused', decided_at = $2, decided_by_name = 'hệ thống', decision_note = 'Nhiệm vụ đã đóng' where task_id = any($1::uuid[]) and status = 'pending'`,
    [taskIds, at],
  );
}

/** The folded search text of many tasks: one read, the folding in TypeScript, one write. */
export async function refreshSearchOf(tx: Queryable, taskIds: readonly string[]): Promise<void> {
  if (taskIds.length === 0) return;
  const rows = await tx.query<Pick<Tasks, 'id' | 'title' | 'description'> & { lead: string; coords: string | null; doc: string | null; summary: string | null; grp: string | null }>(
    `select t.id::text as id, t.title, t.description, lu.name as lead, t.lead_group_text as grp,
            (select string_agg(cu.name, ' ') from task_coordinators tc join units cu on cu.id = tc.unit_id where tc.task_id = t.id) as coords,
            d.doc_number as doc, d.summary
       from tasks t join units lu on lu.id = t.lead_unit_id left join documents d on d.id = t.document_id where t.id = any($1::uuid[])`,
    [taskIds],
  );
  const folded = rows.map((r) => foldVietnamese([r.title, r.description, r.lead, r.grp, r.coords, r.doc, r.summary].filter(Boolean).join(' ')));
  await tx.query('update tasks t set search_folded = x.f from unnest($1::uuid[], $2::text[]) as x(id, f) where t.id = x.id', [rows.map((r) => r.id), folded]);
}
