import type { Queryable } from '../../../db/client';
import type { ProjectKind } from '../../../core/projects/pipeline';
import type { FundingSource } from '../../../core/projects/risk';
import type { EventRow, ProjectRow } from './model';

export interface ProjectFilter {
  fiscalYear?: number;
  fundingSource?: FundingSource;
  /** The unit and everything below it. */
  unitId?: string;
  kind?: ProjectKind;
  /** Folded text to find in the name. */
  q?: string;
  ids?: readonly string[];
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
      order by p.fiscal_year desc, p.estimate desc, p.id`,
    [f.fiscalYear ?? null, f.fundingSource ?? null, f.unitId ?? null, f.kind ?? null, f.q || null, f.ids ? [...f.ids] : null],
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

export async function unitNames(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; name: string }>('select id, name from units where id = any($1::uuid[])', [[...new Set(ids)]]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function taskTitles(db: Queryable, ids: readonly string[]): Promise<Array<{ id: string; title: string; leadUnitName: string; deadline: string | null }>> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ id: string; title: string; lead_unit_name: string; deadline: string | null }>(
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
