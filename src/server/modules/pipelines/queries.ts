import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';
import type { PipelineStep, ProjectKind } from '../../../core/projects/pipeline';

/** Every statement of the pipelines module. Rows are typed from src/db/tables.ts (generated). */

type Templates = Tables['pipeline_templates'];
type RoleUnits = Tables['pipeline_role_units'];

export type TemplateRow = Pick<Templates, 'id' | 'code' | 'law' | 'name' | 'kind' | 'valid_from' | 'valid_to' | 'amount_min_exclusive' | 'amount_max_inclusive' | 'note' | 'version' | 'updated_at'> & {
  /** jsonb, written only from checked steps. */
  steps: PipelineStep[];
  /** Projects that follow the template. */
  projects: number;
};

const SELECT_TEMPLATES = `
  select t.id, t.code, t.law, t.name, t.kind, t.valid_from, t.valid_to, t.amount_min_exclusive, t.amount_max_inclusive,
         t.steps, t.note, t.version, t.updated_at,
         (select count(*)::int from projects p where p.template_id = t.id) as projects
    from pipeline_templates t`;

export function listTemplateRows(db: Queryable): Promise<TemplateRow[]> {
  return db.query<TemplateRow>(`${SELECT_TEMPLATES} order by t.kind, t.valid_from, t.code`);
}

export async function templateRowById(db: Queryable, id: string): Promise<TemplateRow | undefined> {
  return (await db.query<TemplateRow>(`${SELECT_TEMPLATES} where t.id = $1`, [id]))[0];
}

export type NewTemplateRow = Pick<Templates, 'code' | 'law' | 'name' | 'kind' | 'valid_from' | 'valid_to' | 'amount_min_exclusive' | 'amount_max_inclusive' | 'note'> & {
  steps: readonly PipelineStep[];
};

/** Returns the new id, or null when `skipExisting` and the code is taken. */
export async function insertTemplate(tx: Queryable, t: NewTemplateRow, skipExisting = false): Promise<string | null> {
  const rows = await tx.query<Pick<Templates, 'id'>>(
    `insert into pipeline_templates (code, law, name, kind, valid_from, valid_to, amount_min_exclusive, amount_max_inclusive, steps, note)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)${skipExisting ? ' on conflict (code) do nothing' : ''} returning id`,
    [t.code, t.law, t.name, t.kind, t.valid_from, t.valid_to, t.amount_min_exclusive, t.amount_max_inclusive, JSON.stringify(t.steps), t.note],
  );
  return rows[0]?.id ?? null;
}

/** Claims the version: false when someone else changed the template since it was read. */
export async function updateTemplateRow(tx: Queryable, id: string, version: number, t: Omit<NewTemplateRow, 'code' | 'kind'>): Promise<boolean> {
  const updated = await tx.query(
    `update pipeline_templates set law = $2, name = $3, valid_from = $4, valid_to = $5, amount_min_exclusive = $6, amount_max_inclusive = $7,
            steps = $8, note = $9, version = version + 1, updated_at = now()
      where id = $1 and version = $10 returning id`,
    [id, t.law, t.name, t.valid_from, t.valid_to, t.amount_min_exclusive, t.amount_max_inclusive, JSON.stringify(t.steps), t.note, version],
  );
  return updated.length > 0;
}

/** Start dates of the projects that follow a template: its validity must keep covering them. */
export async function templateUsage(tx: Queryable, id: string): Promise<{ first: string | null; last: string | null }> {
  const r = (await tx.query<{ first: string | null; last: string | null }>('select min(started_on) as first, max(started_on) as last from projects where template_id = $1', [id]))[0];
  return { first: r?.first ?? null, last: r?.last ?? null };
}

export type RoleUnitRow = Pick<RoleUnits, 'id' | 'role' | 'unit_id' | 'valid_from' | 'valid_to' | 'basis' | 'version'> & {
  kinds: ProjectKind[] | null;
  unit_name: Tables['units']['name'];
};

const SELECT_ROLE_UNITS = `
  select r.id, r.role, r.kinds, r.unit_id, u.name as unit_name, r.valid_from, r.valid_to, r.basis, r.version
    from pipeline_role_units r join units u on u.id = r.unit_id`;

export function listRoleUnitRows(db: Queryable): Promise<RoleUnitRow[]> {
  return db.query<RoleUnitRow>(`${SELECT_ROLE_UNITS} order by r.role, r.valid_from, u.name`);
}

export async function roleUnitRowById(db: Queryable, id: string): Promise<RoleUnitRow | undefined> {
  return (await db.query<RoleUnitRow>(`${SELECT_ROLE_UNITS} where r.id = $1`, [id]))[0];
}

export type NewRoleUnitRow = Pick<RoleUnits, 'role' | 'unit_id' | 'valid_from' | 'valid_to' | 'basis'> & { kinds: readonly ProjectKind[] | null };

export async function insertRoleUnit(tx: Queryable, r: NewRoleUnitRow): Promise<string> {
  const rows = await tx.query<Pick<RoleUnits, 'id'>>(
    `insert into pipeline_role_units (role, kinds, unit_id, valid_from, valid_to, basis) values ($1, $2, $3, $4, $5, $6) returning id`,
    [r.role, r.kinds, r.unit_id, r.valid_from, r.valid_to, r.basis],
  );
  return rows[0]!.id;
}

export async function updateRoleUnitRow(tx: Queryable, id: string, version: number, r: Omit<NewRoleUnitRow, 'role'>): Promise<boolean> {
  const updated = await tx.query(
    `update pipeline_role_units set kinds = $2, unit_id = $3, valid_from = $4, valid_to = $5, basis = $6, version = version + 1, updated_at = now()
      where id = $1 and version = $7 returning id`,
    [id, r.kinds, r.unit_id, r.valid_from, r.valid_to, r.basis, version],
  );
  return updated.length > 0;
}

export async function unitExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('select 1 from units where id = $1', [id])).length > 0;
}

/**
 * The unit a holder of core's table names ("Sở Thông tin và Truyền thông"), by folded name or
 * alias: preferring one valid when the assignment starts and, among those, the one nearest
 * the root (the city committee before a ward of the same name).
 */
export async function unitByFoldedName(db: Queryable, folded: string, validFrom: string, validTo: string | null): Promise<string | null> {
  const rows = await db.query<Pick<Tables['units'], 'id'>>(
    `select u.id from units u
      where u.name_folded = $1 or exists (select 1 from unit_aliases x where x.unit_id = u.id and x.alias_folded = $1)
      order by (u.valid_from <= $2::date and (u.valid_to is null or u.valid_to >= $2::date)) desc,
               (u.valid_to is null or u.valid_to >= coalesce($3::date, '9999-12-31'::date)) desc,
               u.level, u.valid_from
      limit 1`,
    [folded, validFrom, validTo],
  );
  return rows[0]?.id ?? null;
}

/** Seeding transactions of several processes take turns on one advisory lock. */
export async function lockSeeding(tx: Queryable, key: number): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [key]);
}

