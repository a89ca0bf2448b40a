import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';
import type { ProjectKind } from '../../../core/projects/pipeline';
import type { FundingSource } from '../../../core/projects/risk';

/** Every statement of the projects module. Rows are typed from src/db/tables.ts (generated). */

type Projects = Tables['projects'];
type Events = Tables['project_events'];
type Units = Tables['units'];

export type ProjectRow = Pick<
  Projects,
  | 'id' | 'name' | 'description' | 'unit_id' | 'kind' | 'fiscal_year' | 'funding_source' | 'estimate' | 'started_on' | 'template_id' | 'step_index'
  | 'step_code' | 'step_started_on' | 'revisions' | 'allocated' | 'contracted' | 'disbursed' | 'finished_on' | 'carried_over' | 'cancelled'
  | 'closed_on' | 'closing_note' | 'sample' | 'version' | 'created_at' | 'updated_at'
> & {
  unit_name: Units['name'];
  task_ids: string[];
};

export type EventRow = Pick<
  Events,
  | 'id' | 'project_id' | 'seq' | 'action' | 'step_code' | 'from_step' | 'to_step' | 'actor_role' | 'date' | 'document_number' | 'comment'
  | 'amount' | 'final' | 'actor_id' | 'actor_name' | 'actor_unit_id' | 'created_at'
> & { actor_unit_name: Units['name'] | null };

export interface ProjectFilter {
  fiscalYear?: number;
  fundingSource?: FundingSource;
  /** The unit and everything below it. */
  unitId?: string;
  kind?: ProjectKind;
  /** Folded text to find in the name. */
  q?: string;
  ids?: readonly string[];
  /** One province's projects (the wall of that province). */
  provinceId?: string;
}

const SELECT_PROJECTS = `
  select p.id, p.name, p.description, p.unit_id, u.name as unit_name, p.kind, p.fiscal_year, p.funding_source, p.estimate,
         p.started_on, p.template_id, p.step_index, p.step_code, p.step_started_on, p.revisions, p.allocated, p.contracted,
         p.disbursed, p.finished_on, p.carried_over, p.cancelled, p.closed_on, p.closing_note, p.sample, p.version,
         p.created_at, p.updated_at,
         coalesce((select array_agg(pt.task_id::text order by pt.task_id) from project_tasks pt where pt.project_id = p.id), '{}') as task_ids
    from projects p join units u on u.id = p.unit_id`;

/** Served by projects_budget_idx (year, source, unit) and projects_unit_idx. */
export function selectProjects(db: Queryable, f: ProjectFilter = {}): Promise<ProjectRow[]> {
  return db.query<ProjectRow>(
    `${SELECT_PROJECTS}
      where ($1::int is null or p.fiscal_year = $1)
        and ($2::text is null or p.funding_source = $2)
        and ($3::uuid is null or p.unit_id in (select c.descendant_id from unit_closure c where c.ancestor_id = $3))
        and ($4::text is null or p.kind = $4)
        and ($5::text is null or p.search_folded like '%' || $5 || '%')
        and ($6::uuid[] is null or p.id = any($6::uuid[]))
        and ($7::text is null or p.province_id = $7)
      order by p.fiscal_year desc, p.estimate desc, p.id`,
    [f.fiscalYear ?? null, f.fundingSource ?? null, f.unitId ?? null, f.kind ?? null, f.q || null, f.ids ? [...f.ids] : null, f.provinceId ?? null],
  );
}

export async function projectRowById(db: Queryable, id: string, lock = false): Promise<ProjectRow | undefined> {
  // FOR UPDATE makes a concurrent transition wait, then see the new version and answer 409.
  return (await db.query<ProjectRow>(`${SELECT_PROJECTS} where p.id = $1${lock ? ' for update of p' : ''}`, [id]))[0];
}

export function selectEvents(db: Queryable, projectIds: readonly string[] | null): Promise<EventRow[]> {
  return db.query<EventRow>(
    `select e.id, e.project_id, e.seq, e.action, e.step_code, e.from_step, e.to_step, e.actor_role, e.date, e.document_number,
            e.comment, e.amount, e.final, e.actor_id, e.actor_name, e.actor_unit_id, un.name as actor_unit_name, e.created_at
       from project_events e left join units un on un.id = e.actor_unit_id
      where $1::uuid[] is null or e.project_id = any($1::uuid[])
      order by e.project_id, e.seq`,
    [projectIds ? [...projectIds] : null],
  );
}

export function groupEvents(events: readonly EventRow[]): Map<string, EventRow[]> {
  const out = new Map<string, EventRow[]>();
  for (const e of events) {
    const list = out.get(e.project_id);
    if (list) list.push(e);
    else out.set(e.project_id, [e]);
  }
  return out;
}

export async function taskTitles(db: Queryable, ids: readonly string[]): Promise<Array<{ id: string; title: string; leadUnitName: string; deadline: string | null }>> {
  if (ids.length === 0) return [];
  const rows = await db.query<Pick<Tables['tasks'], 'id' | 'title' | 'deadline'> & { lead_unit_name: Units['name'] }>(
    `select t.id, t.title, u.name as lead_unit_name, t.deadline from tasks t join units u on u.id = t.lead_unit_id
      where t.id = any($1::uuid[]) order by t.assigned_on, t.title`,
    [[...new Set(ids)]],
  );
  return rows.map((r) => ({ id: r.id, title: r.title, leadUnitName: r.lead_unit_name, deadline: r.deadline }));
}

export async function replaceProjectTasks(tx: Queryable, projectId: string, taskIds: readonly string[]): Promise<void> {
  await tx.query('delete from project_tasks where project_id = $1', [projectId]);
  if (taskIds.length === 0) return;
  await tx.query('insert into project_tasks (project_id, task_id) select $1, unnest($2::uuid[]) on conflict do nothing', [projectId, [...new Set(taskIds)]]);
}

/** Tasks a project may be linked to: the 200 latest matching the folded text; the caller keeps those the person may read. */
export function taskOptionRows(db: Queryable, folded: string | null) {
  return db.query<Pick<Tables['tasks'], 'id' | 'title' | 'lead_unit_id' | 'assigned_on'> & { lead_unit_name: Units['name']; coordinators: string[] }>(
    `select t.id, t.title, t.lead_unit_id, u.name as lead_unit_name, t.assigned_on,
            coalesce((select array_agg(c.unit_id::text) from task_coordinators c where c.task_id = t.id), '{}') as coordinators
       from tasks t join units u on u.id = t.lead_unit_id
      where $1::text is null or t.search_folded like '%' || $1 || '%'
      order by t.assigned_on desc, t.title limit 200`,
    [folded],
  );
}

export async function unitValidity(db: Queryable, id: string): Promise<Pick<Units, 'name' | 'valid_from' | 'valid_to'> | undefined> {
  return (await db.query<Pick<Units, 'name' | 'valid_from' | 'valid_to'>>('select name, valid_from, valid_to from units where id = $1', [id]))[0];
}

/** How many of the given tasks exist (each counted once). */
export async function countTasks(db: Queryable, ids: readonly string[]): Promise<number> {
  return (await db.query('select id from tasks where id = any($1::uuid[])', [[...new Set(ids)]])).length;
}

export type NewProjectRow = Pick<
  Projects,
  'name' | 'description' | 'unit_id' | 'kind' | 'fiscal_year' | 'funding_source' | 'estimate' | 'started_on' | 'template_id' | 'step_code' | 'search_folded' | 'sample' | 'created_by'
>;

/** At the first step of its template, entered on its start date. */
export async function insertProjectRow(tx: Queryable, p: NewProjectRow): Promise<string> {
  const rows = await tx.query<Pick<Projects, 'id'>>(
    `insert into projects (province_id, name, description, unit_id, kind, fiscal_year, funding_source, estimate, started_on, template_id,
                           step_index, step_code, step_started_on, search_folded, sample, created_by)
     values ((select province_id from units where id = $3), $1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $8, $11, $12, $13) returning id`,
    [p.name, p.description, p.unit_id, p.kind, p.fiscal_year, p.funding_source, p.estimate, p.started_on, p.template_id, p.step_code, p.search_folded, p.sample, p.created_by],
  );
  return rows[0]!.id;
}

export async function updateProjectRow(tx: Queryable, id: string, p: Pick<Projects, 'name' | 'description' | 'fiscal_year' | 'funding_source' | 'estimate' | 'search_folded'>): Promise<void> {
  await tx.query(
    `update projects set name = $2, description = $3, fiscal_year = $4, funding_source = $5, estimate = $6, search_folded = $7,
            version = version + 1, updated_at = now()
      where id = $1`,
    [id, p.name, p.description, p.fiscal_year, p.funding_source, p.estimate, p.search_folded],
  );
}

export async function closeProjectRow(tx: Queryable, id: string, c: Pick<Projects, 'carried_over' | 'cancelled' | 'closed_on' | 'closing_note'>): Promise<void> {
  await tx.query(
    `update projects set carried_over = $2, cancelled = $3, closed_on = $4, closing_note = $5, version = version + 1, updated_at = now() where id = $1`,
    [id, c.carried_over, c.cancelled, c.closed_on, c.closing_note],
  );
}

export type NewEventRow = Pick<
  Events,
  'project_id' | 'seq' | 'action' | 'step_code' | 'from_step' | 'to_step' | 'actor_role' | 'date' | 'document_number' | 'comment' | 'amount' | 'final' | 'actor_id' | 'actor_name' | 'actor_unit_id'
>;

export async function insertEvent(tx: Queryable, e: NewEventRow): Promise<void> {
  await tx.query(
    `insert into project_events (project_id, seq, action, step_code, from_step, to_step, actor_role, date, document_number, comment, amount, final,
                                 actor_id, actor_name, actor_unit_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [e.project_id, e.seq, e.action, e.step_code, e.from_step, e.to_step, e.actor_role, e.date, e.document_number, e.comment, e.amount, e.final, e.actor_id, e.actor_name, e.actor_unit_id],
  );
}

/** The columns that mirror the replayed state, so lists and sums need no replay. */
export async function storeProjectState(
  tx: Queryable,
  id: string,
  s: Pick<Projects, 'step_index' | 'step_code' | 'step_started_on' | 'revisions' | 'allocated' | 'contracted' | 'disbursed' | 'finished_on'>,
): Promise<void> {
  await tx.query(
    `update projects set step_index = $2, step_code = $3, step_started_on = $4, revisions = $5, allocated = $6, contracted = $7, disbursed = $8,
            finished_on = $9, version = version + 1, updated_at = now()
      where id = $1`,
    [id, s.step_index, s.step_code, s.step_started_on, s.revisions, s.allocated, s.contracted, s.disbursed, s.finished_on],
  );
}
