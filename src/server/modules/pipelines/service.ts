import type { TPipelineTemplate, TRoleUnit } from '../../../contracts/pipelines';
import type { Queryable } from '../../../db/client';
import { validateTemplate, type PipelineStep, type PipelineTemplate, type ProjectKind } from '../../../core/projects/pipeline';
import { normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import { presentRoleUnit, presentTemplate, toCoreTemplate } from './model';
import {
  insertRoleUnit,
  insertTemplate,
  roleUnitRowById,
  templateRowById,
  templateUsage,
  unitExists,
  updateRoleUnitRow,
  updateTemplateRow,
  type RoleUnitRow,
  type TemplateRow,
} from './queries';

export interface TemplateInput {
  code: string;
  law: string;
  name: string;
  kind: ProjectKind;
  validFrom: string;
  validTo?: string | null;
  amountMinExclusive?: number | null;
  amountMaxInclusive?: number | null;
  steps: PipelineStep[];
  note?: string | null;
}

export interface TemplatePatch {
  version: number;
  law?: string;
  name?: string;
  validFrom?: string;
  validTo?: string | null;
  amountMinExclusive?: number | null;
  amountMaxInclusive?: number | null;
  steps?: PipelineStep[];
  note?: string | null;
}

function checkSound(t: PipelineTemplate): void {
  const problems = validateTemplate(t);
  if (problems.length > 0) throw new AppError('VALIDATION', problems.join(' '), 'steps');
  const range = t.amountRange;
  if (range && range.minExclusive !== null && range.maxInclusive !== null && range.maxInclusive <= range.minExclusive) {
    throw new AppError('VALIDATION', 'Mức kinh phí tối đa phải lớn hơn mức tối thiểu.', 'amountMaxInclusive');
  }
}

function cleanSteps(steps: readonly PipelineStep[]): PipelineStep[] {
  return steps.map((s) => ({
    ...s,
    name: normalizeText(s.name),
    requiredDocuments: s.requiredDocuments.map(normalizeText).filter(Boolean),
    ...(s.basis !== undefined ? { basis: normalizeText(s.basis) } : {}),
  }));
}

/** What the state machine depends on: order, codes, actors, actions, where a return goes. */
function structure(steps: readonly PipelineStep[]): string {
  return JSON.stringify(steps.map((s) => [s.code, s.actorRole, s.action, s.returnTo ?? null]));
}

const templateAudit = (r: TemplateRow) => {
  const { projects: _projects, updatedAt: _updatedAt, ...rest } = presentTemplate(r);
  return rest;
};

export async function createTemplate(deps: Deps, ctx: AuditContext, input: TemplateInput): Promise<TPipelineTemplate> {
  return deps.db.transaction(async (tx) => {
    const steps = cleanSteps(input.steps);
    const core: PipelineTemplate = {
      code: input.code,
      law: normalizeText(input.law),
      name: normalizeText(input.name),
      kind: input.kind,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      amountRange: { minExclusive: input.amountMinExclusive ?? null, maxInclusive: input.amountMaxInclusive ?? null },
      steps,
    };
    checkSound(core);
    const id = await insertTemplate(tx, {
      code: core.code,
      law: core.law,
      name: core.name,
      kind: core.kind,
      valid_from: core.validFrom,
      valid_to: core.validTo,
      amount_min_exclusive: input.amountMinExclusive ?? null,
      amount_max_inclusive: input.amountMaxInclusive ?? null,
      steps,
      note: input.note ? normalizeText(input.note) : null,
    }).catch((err: { code?: string }) => {
      if (err.code === '23505') throw new AppError('DUPLICATE', `Mã quy trình "${input.code}" đã tồn tại`, 'code');
      throw err;
    });
    const row = (await templateRowById(tx, id!))!;
    await recordAudit(tx, ctx, { action: 'create', entity: 'pipeline_template', entityId: row.id, after: templateAudit(row) });
    return presentTemplate(row);
  });
}

export async function updateTemplate(deps: Deps, ctx: AuditContext, id: string, patch: TemplatePatch): Promise<TPipelineTemplate> {
  return deps.db.transaction(async (tx) => {
    const current = await templateRowById(tx, id);
    if (!current) throw notFound('quy trình');
    if (current.version !== patch.version) throw staleVersion();
    const steps = patch.steps ? cleanSteps(patch.steps) : current.steps;
    const next: TemplateRow = {
      ...current,
      law: patch.law !== undefined ? normalizeText(patch.law) : current.law,
      name: patch.name !== undefined ? normalizeText(patch.name) : current.name,
      valid_from: patch.validFrom ?? current.valid_from,
      valid_to: patch.validTo === undefined ? current.valid_to : patch.validTo,
      amount_min_exclusive: patch.amountMinExclusive === undefined ? current.amount_min_exclusive : patch.amountMinExclusive,
      amount_max_inclusive: patch.amountMaxInclusive === undefined ? current.amount_max_inclusive : patch.amountMaxInclusive,
      steps,
      note: patch.note === undefined ? current.note : patch.note ? normalizeText(patch.note) : null,
    };
    checkSound(toCoreTemplate(next));
    if (current.projects > 0) {
      if (structure(steps) !== structure(current.steps)) {
        throw new AppError(
          'VALIDATION',
          `Quy trình đang được ${current.projects} hồ sơ sử dụng: chỉ sửa được tên bước, hồ sơ cần có và thời hạn. Muốn đổi trình tự, hãy thêm quy trình mới với ngày hiệu lực mới.`,
          'steps',
        );
      }
      const used = await templateUsage(tx, id);
      if ((used.first && next.valid_from > used.first) || (used.last && next.valid_to && next.valid_to < used.last)) {
        throw new AppError('VALIDATION', 'Thời gian hiệu lực mới không còn bao gồm ngày bắt đầu của các hồ sơ đang áp dụng quy trình này.', 'validFrom');
      }
    }
    const claimed = await updateTemplateRow(tx, id, patch.version, {
      law: next.law,
      name: next.name,
      valid_from: next.valid_from,
      valid_to: next.valid_to,
      amount_min_exclusive: next.amount_min_exclusive,
      amount_max_inclusive: next.amount_max_inclusive,
      steps,
      note: next.note,
    });
    if (!claimed) throw staleVersion();
    const row = (await templateRowById(tx, id))!;
    await recordAudit(tx, ctx, { action: 'update', entity: 'pipeline_template', entityId: id, before: templateAudit(current), after: templateAudit(row) });
    return presentTemplate(row);
  });
}

export interface RoleUnitInput {
  role: RoleUnitRow['role'];
  kinds?: ProjectKind[] | null;
  unitId: string;
  validFrom: string;
  validTo?: string | null;
  basis?: string;
}

export interface RoleUnitPatch {
  version: number;
  kinds?: ProjectKind[] | null;
  unitId?: string;
  validFrom?: string;
  validTo?: string | null;
  basis?: string;
}

async function checkUnit(tx: Queryable, unitId: string): Promise<void> {
  if (!(await unitExists(tx, unitId))) throw new AppError('VALIDATION', 'Đơn vị không tồn tại', 'unitId');
}

function checkDates(from: string, to: string | null): void {
  if (to !== null && to < from) throw new AppError('VALIDATION', 'Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực', 'validTo');
}

export async function createRoleUnit(deps: Deps, ctx: AuditContext, input: RoleUnitInput): Promise<TRoleUnit> {
  return deps.db.transaction(async (tx) => {
    await checkUnit(tx, input.unitId);
    checkDates(input.validFrom, input.validTo ?? null);
    const id = await insertRoleUnit(tx, {
      role: input.role,
      kinds: input.kinds && input.kinds.length > 0 ? input.kinds : null,
      unit_id: input.unitId,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      basis: normalizeText(input.basis ?? ''),
    });
    const row = presentRoleUnit((await roleUnitRowById(tx, id))!);
    await recordAudit(tx, ctx, { action: 'create', entity: 'pipeline_role_unit', entityId: row.id, after: row });
    return row;
  });
}

export async function updateRoleUnit(deps: Deps, ctx: AuditContext, id: string, patch: RoleUnitPatch): Promise<TRoleUnit> {
  return deps.db.transaction(async (tx) => {
    const current = await roleUnitRowById(tx, id);
    if (!current) throw notFound('phân công vai trò');
    if (current.version !== patch.version) throw staleVersion();
    const unitId = patch.unitId ?? current.unit_id;
    if (patch.unitId) await checkUnit(tx, unitId);
    const validFrom = patch.validFrom ?? current.valid_from;
    const validTo = patch.validTo === undefined ? current.valid_to : patch.validTo;
    checkDates(validFrom, validTo);
    const kinds = patch.kinds === undefined ? current.kinds : patch.kinds && patch.kinds.length > 0 ? patch.kinds : null;
    const claimed = await updateRoleUnitRow(tx, id, patch.version, {
      kinds,
      unit_id: unitId,
      valid_from: validFrom,
      valid_to: validTo,
      basis: patch.basis !== undefined ? normalizeText(patch.basis) : current.basis,
    });
    if (!claimed) throw staleVersion();
    const before = presentRoleUnit(current);
    const after = presentRoleUnit((await roleUnitRowById(tx, id))!);
    await recordAudit(tx, ctx, { action: 'update', entity: 'pipeline_role_unit', entityId: id, before, after });
    return after;
  });
}
