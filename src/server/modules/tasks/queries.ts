import type { Queryable } from '../../../db/client';
import type { Pillar } from '../../../core/tasks/pillars';
import { foldVietnamese } from '../../../core/text/fold';
import type { TaskRow } from './model';

const SELECT_TASKS = `
  select t.id, t.document_id, d.doc_number, d.doc_type, d.issued_on as doc_issued_on, d.summary as doc_summary,
         t.title, t.description, t.lead_unit_id, lu.name as lead_unit_name, t.lead_group_text,
         coalesce(c.ids, '{}') as coordinator_ids, coalesce(c.names, '{}') as coordinator_names,
         t.assigned_on, t.deadline, t.original_deadline, t.deadline_text, t.recurrence, t.pillar,
         t.source_text, t.source_start, t.source_end, t.progress_percent, t.last_progress_at, t.completed_on,
         (select min(o.due_on) from task_occurrences o where o.task_id = t.id and o.reported_on is null) as next_occurrence,
         x.id as pending_extension_id, x.requested_deadline as pending_extension_deadline,
         t.sample, t.created_at, t.updated_at, t.version
    from tasks t
    join units lu on lu.id = t.lead_unit_id
    left join documents d on d.id = t.document_id
    left join lateral (
      select array_agg(tc.unit_id::text order by cu.name) as ids, array_agg(cu.name order by cu.name) as names
        from task_coordinators tc join units cu on cu.id = tc.unit_id where tc.task_id = t.id
    ) c on true
    left join task_extensions x on x.task_id = t.id and x.status = 'pending'`;

export interface TaskFilter {
  /** Unit roles see only tasks their units lead or coordinate; null = everything. */
  visibleTo?: readonly string[] | null;
  leadUnitIds?: readonly string[];
  coordinatorUnitId?: string;
  /** Lead or coordinator: a unit's inbox. */
  involvingUnitIds?: readonly string[];
  documentId?: string;
  pillar?: Pillar;
  deadlineFrom?: string;
  deadlineTo?: string;
  assignedFrom?: string;
  assignedTo?: string;
  q?: string;
}

/** SQL filters; status, buckets and the stale flag are computed afterwards (core/tasks/status). */
export async function selectTasks(db: Queryable, f: TaskFilter): Promise<TaskRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
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
  if (f.pillar) where.push(`t.pillar = ${p(f.pillar)}`);
  if (f.deadlineFrom) where.push(`t.deadline >= ${p(f.deadlineFrom)}`);
  if (f.deadlineTo) where.push(`t.deadline <= ${p(f.deadlineTo)}`);
  if (f.assignedFrom) where.push(`t.assigned_on >= ${p(f.assignedFrom)}`);
  if (f.assignedTo) where.push(`t.assigned_on <= ${p(f.assignedTo)}`);
  // Every word of the query, diacritics ignored ("bao cao" finds "báo cáo").
  for (const word of foldVietnamese(f.q ?? '').split(' ').filter(Boolean).slice(0, 8)) {
    where.push(`t.search_folded like ${p(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  }
  const sql = `${SELECT_TASKS} ${where.length ? `where ${where.join(' and ')}` : ''}
    order by t.completed_on is not null, t.deadline asc nulls last, t.assigned_on desc, t.title`;
  return db.query<TaskRow>(sql, params);
}

export async function taskRowById(db: Queryable, id: string): Promise<TaskRow | undefined> {
  return (await db.query<TaskRow>(`${SELECT_TASKS} where t.id = $1`, [id]))[0];
}

/** The folded text search reads: title, description, units, document number. */
export async function refreshSearch(tx: Queryable, taskId: string): Promise<void> {
  const r = (await tx.query<{ title: string; description: string | null; lead: string; coords: string | null; doc: string | null; summary: string | null; grp: string | null }>(
    `select t.title, t.description, lu.name as lead, t.lead_group_text as grp,
            (select string_agg(cu.name, ' ') from task_coordinators tc join units cu on cu.id = tc.unit_id where tc.task_id = t.id) as coords,
            d.doc_number as doc, d.summary
       from tasks t join units lu on lu.id = t.lead_unit_id left join documents d on d.id = t.document_id where t.id = $1`,
    [taskId],
  ))[0];
  if (!r) return;
  const text = [r.title, r.description, r.lead, r.grp, r.coords, r.doc, r.summary].filter(Boolean).join(' ');
  await tx.query('update tasks set search_folded = $2 where id = $1', [taskId, foldVietnamese(text)]);
}

export async function replaceCoordinators(tx: Queryable, taskId: string, unitIds: readonly string[]): Promise<void> {
  await tx.query('delete from task_coordinators where task_id = $1', [taskId]);
  if (unitIds.length === 0) return;
  await tx.query('insert into task_coordinators (task_id, unit_id) select $1, u from unnest($2::uuid[]) as u on conflict do nothing', [taskId, [...new Set(unitIds)]]);
}

export interface UnitRef {
  id: string;
  name: string;
  valid_from: string;
  valid_to: string | null;
}

export async function unitsByIds(db: Queryable, ids: readonly string[]): Promise<UnitRef[]> {
  if (ids.length === 0) return [];
  return db.query<UnitRef>('select id, name, valid_from, valid_to from units where id = any($1::uuid[])', [[...new Set(ids)]]);
}

/** The actor's unit and its subtree as of today (scope) — used for inbox and visibility. */
export function scopeIds(scope: ReadonlySet<string>): string[] {
  return [...scope];
}
