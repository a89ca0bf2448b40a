import type { TPipelineTemplate, TRoleUnit } from '../../../contracts/pipelines';
import type { PipelineTemplate } from '../../../core/projects/pipeline';
import type { RoleUnitAssignment } from '../../../core/projects/role-units';
import type { RoleUnitRow, TemplateRow } from './queries';

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

export function presentTemplate(r: TemplateRow): TPipelineTemplate {
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

export function presentRoleUnit(r: RoleUnitRow): TRoleUnit {
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
