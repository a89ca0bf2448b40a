import type { Queryable } from '../../../db/client';
import type { ActorRole, PipelineStep, PipelineTemplate, ProjectKind } from '../../../core/projects/pipeline';
import type { RoleUnitAssignment } from '../../../core/projects/role-units';

export interface TemplateRow {
  id: string;
  code: string;
  law: string;
  name: string;
  kind: ProjectKind;
  valid_from: string;
  valid_to: string | null;
  amount_min_exclusive: number | null;
  amount_max_inclusive: number | null;
  steps: PipelineStep[];
  note: string | null;
  version: number;
  updated_at: string;
  projects: number;
}

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

/** The row as core's PipelineTemplate: the state machine reads nothing else. */
export function toCoreTemplate(r: TemplateRow): PipelineTemplate {
  const hasRange = r.amount_min_exclusive !== null || r.amount_max_inclusive !== null;
  return {
    code: r.code,
    law: r.law,
    name: r.name,
    kind: r.kind,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    ...(hasRange ? { amountRange: { minExclusive: r.amount_min_exclusive, maxInclusive: r.amount_max_inclusive } } : {}),
    steps: r.steps,
    ...(r.note ? { note: r.note } : {}),
  };
}

export function presentTemplate(r: TemplateRow) {
  return {
    id: r.id,
    code: r.code,
    law: r.law,
    name: r.name,
    kind: r.kind,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    amountMinExclusive: r.amount_min_exclusive,
    amountMaxInclusive: r.amount_max_inclusive,
    steps: r.steps,
    note: r.note,
    projects: r.projects,
    version: r.version,
    updatedAt: r.updated_at,
  };
}
export type TemplateView = ReturnType<typeof presentTemplate>;

export interface RoleUnitRow {
  id: string;
  role: Exclude<ActorRole, 'owner'>;
  kinds: ProjectKind[] | null;
  unit_id: string;
  unit_name: string;
  valid_from: string;
  valid_to: string | null;
  basis: string;
  version: number;
}

export function listRoleUnitRows(db: Queryable): Promise<RoleUnitRow[]> {
  return db.query<RoleUnitRow>(
    `select r.id, r.role, r.kinds, r.unit_id, u.name as unit_name, r.valid_from, r.valid_to, r.basis, r.version
       from pipeline_role_units r join units u on u.id = r.unit_id
      order by r.role, r.valid_from, u.name`,
  );
}

export async function roleUnitRowById(db: Queryable, id: string): Promise<RoleUnitRow | undefined> {
  return (await db.query<RoleUnitRow>(
    `select r.id, r.role, r.kinds, r.unit_id, u.name as unit_name, r.valid_from, r.valid_to, r.basis, r.version
       from pipeline_role_units r join units u on u.id = r.unit_id where r.id = $1`,
    [id],
  ))[0];
}

/** Core keys the holder by `unitCode`; the server uses the unit's id there, so it can authorise on it. */
export function toCoreRoleUnit(r: RoleUnitRow): RoleUnitAssignment {
  return {
    role: r.role,
    ...(r.kinds && r.kinds.length > 0 ? { kinds: r.kinds } : {}),
    unitCode: r.unit_id,
    unitName: r.unit_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    basis: r.basis,
  };
}

export function presentRoleUnit(r: RoleUnitRow) {
  return {
    id: r.id,
    role: r.role,
    kinds: r.kinds ?? [],
    unitId: r.unit_id,
    unitName: r.unit_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    basis: r.basis,
    version: r.version,
  };
}
export type RoleUnitView = ReturnType<typeof presentRoleUnit>;
