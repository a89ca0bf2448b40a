import type { Queryable } from '../../../db/client';
import type { HolidaySet } from '../../../core/calendar/working-days';
import type { PipelineTemplate } from '../../../core/projects/pipeline';
import type { RoleUnitAssignment } from '../../../core/projects/role-units';
import { loadHolidaySet } from '../calendar/holidays';
import { toCoreRoleUnit, toCoreTemplate } from '../pipelines/model';
import { listRoleUnitRows, listTemplateRows, type TemplateRow } from '../pipelines/queries';

/** Everything the pure rules need, read once per request: templates, role holders, holidays. */
export interface Rules {
  templates: ReadonlyMap<string, { row: TemplateRow; template: PipelineTemplate }>;
  coreTemplates: readonly PipelineTemplate[];
  roleUnits: readonly RoleUnitAssignment[];
  holidays: HolidaySet;
}

export async function loadRules(db: Queryable): Promise<Rules> {
  const rows = await listTemplateRows(db);
  const templates = new Map(rows.map((row) => [row.id, { row, template: toCoreTemplate(row) }]));
  const roleUnits = (await listRoleUnitRows(db)).map(toCoreRoleUnit);
  return { templates, coreTemplates: [...templates.values()].map((t) => t.template), roleUnits, holidays: await loadHolidaySet(db) };
}

/** Template of a project; a missing one means the database was edited by hand. */
export function templateOf(rules: Rules, templateId: string): { row: TemplateRow; template: PipelineTemplate } {
  const t = rules.templates.get(templateId);
  if (!t) throw new Error(`Quy trình ${templateId} không tồn tại`);
  return t;
}
