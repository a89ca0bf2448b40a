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
import { projectRowById, replaceProjectTasks, selectEvents } from './queries';
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
  const u = (await tx.query<{ name: string; valid_from: string; valid_to: string | null }>('select name, valid_from, valid_to from units where id = $1', [unitId]))[0];
  if (!u) throw new AppError('VALIDATION', 'Đơn vị không tồn tại', 'unitId');
  if (u.valid_from > on || (u.valid_to !== null && u.valid_to < on)) {
    throw new AppError('VALIDATION', `${u.name} không còn hoạt động vào ngày ${formatVnDate(on)}`, 'unitId');
  }
}

async function checkTasks(tx: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx.query<{ id: string }>('select id from tasks where id = any($1::uuid[])', [[...new Set(ids)]]);
  if (found.length !== new Set(ids).size) throw new AppError('VALIDATION', 'Có nhiệm vụ được liên kết không tồn tại', 'taskIds');
}

function checkRange(rules: Rules, templateId: string, estimate: number): void {
  const t = rules.templates.get(templateId);
  if (!t) return;
  const problem = amountOutOfRange(t.template, dong(estimate));
  if (problem) throw new AppError('VALIDATION', problem, 'estimate');
}

async function view(tx: Queryable, rules: Rules, id: string, today: string) {
  const row = (await projectRowById(tx, id))!;
  return presentItem(rules, load(rules, row, await selectEvents(tx, [id]), today));
}

const auditShape = (p: ReturnType<typeof presentItem>) => ({
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
  const rows = await tx.query<{ id: string }>(
    `insert into projects (name, description, unit_id, kind, fiscal_year, funding_source, estimate, started_on, template_id,
                           step_index, step_code, step_started_on, search_folded, sample, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $8, $11, $12, $13) returning id`,
    [name, input.description ? normalizeText(input.description) : null, input.unitId, input.kind, input.fiscalYear, input.fundingSource,
      input.estimate, input.startedOn, templateId, template.steps[0]?.code ?? null, foldVietnamese(name), input.sample ?? false, input.createdBy ?? null],
  );
  const id = rows[0]!.id;
  await replaceProjectTasks(tx, id, input.taskIds ?? []);
  await recordAudit(tx, ctx, { action: 'create', entity: 'project', entityId: id, after: auditShape(await view(tx, rules, id, today)) });
  return id;
}

export async function createProject(deps: Deps, ctx: AuditContext, input: NewProject, today: string) {
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

export async function updateProject(deps: Deps, ctx: AuditContext, id: string, patch: ProjectPatch, today: string) {
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
    await tx.query(
      `update projects set name = $2, description = $3, fiscal_year = $4, funding_source = $5, estimate = $6, search_folded = $7,
              version = version + 1, updated_at = now()
        where id = $1`,
      [id, name, patch.description === undefined ? current.description : patch.description ? normalizeText(patch.description) : null,
        patch.fiscalYear ?? current.fiscal_year, patch.fundingSource ?? current.funding_source, estimate, foldVietnamese(name)],
    );
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
export async function closeProject(deps: Deps, ctx: AuditContext, id: string, input: ClosingInput, today: string) {
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
    await tx.query(
      `update projects set carried_over = $2, cancelled = $3, closed_on = $4, closing_note = $5, version = version + 1, updated_at = now() where id = $1`,
      [id, input.carriedOver, input.cancelled, input.closedOn, input.note ? normalizeText(input.note) : null],
    );
    const after = await view(tx, rules, id, today);
    await recordAudit(tx, ctx, { action: input.closedOn ? 'close' : 'reopen', entity: 'project', entityId: id, before, after: auditShape(after) });
    return after;
  });
}
