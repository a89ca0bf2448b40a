import type { TProjectItem } from '../../../contracts/projects';
import type { Queryable } from '../../../db/client';
import { formatVnDate } from '../../../core/calendar/dates';
import { formatMoneyVi } from '../../../core/projects/money';
import { amountOutOfRange, templateInForce, type ProjectKind } from '../../../core/projects/pipeline';
import { PROJECT_KIND_LABEL_VI } from '../../../core/projects/pipeline-labels';
import type { FundingSource } from '../../../core/projects/risk';
import { foldVietnamese, normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import { dong } from './model';
import { presentItem } from './portfolio';
import { closeProjectRow, countTasks, insertProjectRow, projectRowById, replaceProjectTasks, selectEvents, unitValidity, updateProjectRow } from './queries';
import { loadRules, type Rules } from './rules';
import { load } from './state';

export interface NewProject {
  unitId: string;
  name: string;
  description?: string | null;
  kind: ProjectKind;
  fiscalYear: number;
  fundingSource: FundingSource;
  estimate: number;
  startedOn: string;
  taskIds?: readonly string[];
  sample?: boolean;
  createdBy?: string | null;
}

async function checkUnitOn(tx: Queryable, unitId: string, on: string): Promise<void> {
  const u = await unitValidity(tx, unitId);
  if (!u) throw new AppError('VALIDATION', 'Đơn vị không tồn tại', 'unitId');
  if (u.valid_from > on || (u.valid_to !== null && u.valid_to < on)) {
    throw new AppError('VALIDATION', `${u.name} không còn hoạt động vào ngày ${formatVnDate(on)}`, 'unitId');
  }
}

async function checkTasks(tx: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  if ((await countTasks(tx, ids)) !== new Set(ids).size) throw new AppError('VALIDATION', 'Có nhiệm vụ được liên kết không tồn tại', 'taskIds');
}

function checkRange(rules: Rules, templateId: string, estimate: number): void {
  const t = rules.templates.get(templateId);
  if (!t) return;
  const problem = amountOutOfRange(t.template, dong(estimate));
  if (problem) throw new AppError('VALIDATION', problem, 'estimate');
}

async function view(tx: Queryable, rules: Rules, id: string, today: string): Promise<TProjectItem> {
  const row = (await projectRowById(tx, id))!;
  return presentItem(rules, load(rules, row, await selectEvents(tx, [id]), today));
}

const auditShape = (p: TProjectItem) => ({
  name: p.name,
  unitId: p.unitId,
  kind: p.kind,
  fiscalYear: p.fiscalYear,
  fundingSource: p.fundingSource,
  estimate: p.estimate,
  template: p.template.code,
  startedOn: p.startedOn,
  taskIds: p.taskIds,
  carriedOver: p.carriedOver,
  cancelled: p.cancelled,
  closedOn: p.closedOn,
});

/** Inserts a project in the caller's transaction: the template in force on its start date is its rule set for life. */
export async function insertProject(tx: Queryable, ctx: AuditContext, input: NewProject, today: string): Promise<string> {
  const name = normalizeText(input.name);
  if (!name) throw new AppError('VALIDATION', 'Tên dự án không được để trống', 'name');
  if (input.startedOn > today) throw new AppError('VALIDATION', 'Ngày bắt đầu không được sau ngày hôm nay', 'startedOn');
  await checkUnitOn(tx, input.unitId, input.startedOn);
  await checkTasks(tx, input.taskIds ?? []);
  const rules = await loadRules(tx);
  const template = templateInForce(rules.coreTemplates, input.kind, input.startedOn);
  if (!template) {
    throw new AppError('VALIDATION', `Chưa có quy trình cho loại «${PROJECT_KIND_LABEL_VI[input.kind]}» có hiệu lực ngày ${formatVnDate(input.startedOn)}.`, 'kind');
  }
  const templateId = [...rules.templates.values()].find((t) => t.template.code === template.code)!.row.id;
  checkRange(rules, templateId, input.estimate);
  const id = await insertProjectRow(tx, {
    name,
    description: input.description ? normalizeText(input.description) : null,
    unit_id: input.unitId,
    kind: input.kind,
    fiscal_year: input.fiscalYear,
    funding_source: input.fundingSource,
    estimate: input.estimate,
    started_on: input.startedOn,
    template_id: templateId,
    step_code: template.steps[0]?.code ?? null,
    search_folded: foldVietnamese(name),
    sample: input.sample ?? false,
    created_by: input.createdBy ?? null,
  });
  await replaceProjectTasks(tx, id, input.taskIds ?? []);
  await recordAudit(tx, ctx, { action: 'create', entity: 'project', entityId: id, after: auditShape(await view(tx, rules, id, today)) });
  return id;
}

export async function createProject(deps: Deps, ctx: AuditContext, input: NewProject, today: string): Promise<TProjectItem> {
  return deps.db.transaction(async (tx) => {
    const id = await insertProject(tx, ctx, input, today);
    return view(tx, await loadRules(tx), id, today);
  });
}

export interface ProjectPatch {
  version: number;
  name?: string;
  description?: string | null;
  fiscalYear?: number;
  fundingSource?: FundingSource;
  estimate?: number;
  taskIds?: readonly string[];
}

export async function updateProject(deps: Deps, ctx: AuditContext, id: string, patch: ProjectPatch, today: string): Promise<TProjectItem> {
  return deps.db.transaction(async (tx) => {
    const current = await projectRowById(tx, id, true);
    if (!current) throw notFound('dự án');
    if (current.version !== patch.version) throw staleVersion();
    const rules = await loadRules(tx);
    const before = auditShape(await view(tx, rules, id, today));
    const name = patch.name !== undefined ? normalizeText(patch.name) : current.name;
    const estimate = patch.estimate ?? current.estimate;
    if (patch.estimate !== undefined) checkRange(rules, current.template_id, estimate);
    if (patch.taskIds) await checkTasks(tx, patch.taskIds);
    await updateProjectRow(tx, id, {
      name,
      description: patch.description === undefined ? current.description : patch.description ? normalizeText(patch.description) : null,
      fiscal_year: patch.fiscalYear ?? current.fiscal_year,
      funding_source: patch.fundingSource ?? current.funding_source,
      estimate,
      search_folded: foldVietnamese(name),
    });
    if (patch.taskIds) await replaceProjectTasks(tx, id, patch.taskIds);
    const after = await view(tx, rules, id, today);
    await recordAudit(tx, ctx, { action: 'update', entity: 'project', entityId: id, before, after: auditShape(after) });
    return after;
  });
}

export interface ClosingInput {
  version: number;
  /** null reopens the year (both amounts must then be 0). */
  closedOn: string | null;
  carriedOver: number;
  cancelled: number;
  note?: string | null;
}

/**
 * Year-end outcome entered by finance: what was not disbursed is carried over (chuyển nguồn) or
 * cancelled (huỷ nguồn). Disbursed + carried + cancelled can never exceed what was allocated,
 * so the budget's totals always add up.
 */
export async function closeProject(deps: Deps, ctx: AuditContext, id: string, input: ClosingInput, today: string): Promise<TProjectItem> {
  return deps.db.transaction(async (tx) => {
    const current = await projectRowById(tx, id, true);
    if (!current) throw notFound('dự án');
    if (current.version !== input.version) throw staleVersion();
    const carried = dong(input.carriedOver);
    const cancelled = dong(input.cancelled);
    if (input.closedOn === null && carried + cancelled > 0n) {
      throw new AppError('VALIDATION', 'Mở lại năm ngân sách thì số chuyển nguồn và huỷ nguồn phải bằng 0.', 'carriedOver');
    }
    if (input.closedOn !== null && (input.closedOn > today || input.closedOn < current.started_on)) {
      throw new AppError('VALIDATION', 'Ngày khoá sổ phải trong khoảng từ ngày bắt đầu dự án đến hôm nay.', 'closedOn');
    }
    const allocated = dong(current.allocated);
    const used = dong(current.disbursed) + carried + cancelled;
    if (carried + cancelled > 0n && used > allocated) {
      throw new AppError(
        'VALIDATION',
        `Giải ngân (${formatMoneyVi(dong(current.disbursed))}) cộng chuyển nguồn và huỷ nguồn (${formatMoneyVi(carried + cancelled)}) vượt số đã phân bổ (${formatMoneyVi(allocated)}).`,
        'carriedOver',
      );
    }
    const rules = await loadRules(tx);
    const before = auditShape(await view(tx, rules, id, today));
    await closeProjectRow(tx, id, { carried_over: input.carriedOver, cancelled: input.cancelled, closed_on: input.closedOn, closing_note: input.note ? normalizeText(input.note) : null });
    const after = await view(tx, rules, id, today);
    await recordAudit(tx, ctx, { action: input.closedOn ? 'close' : 'reopen', entity: 'project', entityId: id, before, after: auditShape(after) });
    return after;
  });
}
