import { normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import { criteriaInForce, validateCriterion, type Criterion } from '../../../core/evaluation/criteria';
import {
  listCriterionRows,
  listThresholdRows,
  presentCriterion,
  presentThresholds,
  thresholdsInForce,
  toCriterion,
  type CriterionRow,
} from './queries';
import type { CriterionView, MeasureSource, RulesView } from '../../../contracts/evaluation';
import { vnToday } from '../../../core/calendar/timestamps';

export async function rulesView(deps: Deps): Promise<RulesView> {
  const today = vnToday(deps.now());
  const rows = await listCriterionRows(deps.db);
  const current = new Set(criteriaInForce(rows.map(toCriterion), today).map((c) => `${c.code}|${c.validFrom}`));
  const thresholds = await listThresholdRows(deps.db);
  const t = thresholdsInForce(thresholds, today);
  return {
    criteria: rows.map((r) => presentCriterion(r, current.has(`${r.code}|${r.valid_from}`))),
    classThresholds: thresholds.map((r) => presentThresholds(r, today, t?.validFrom ?? null)),
  };
}

export interface CriterionInput {
  code: string;
  name: string;
  weight: number;
  direction: Criterion['direction'];
  unit: Criterion['unit'];
  thresholds: { zero: number; full: number };
  validFrom: string;
  validTo?: string | null;
  note?: string | null;
}

function check(c: Criterion): void {
  const problems = validateCriterion(c);
  if (problems.length > 0) throw new AppError('VALIDATION', problems.join(' '), 'thresholds');
}

/** A new criterion, or a new version of one (same code, later validFrom): history is rows, never overwritten. */
export async function createCriterion(deps: Deps, ctx: AuditContext, input: CriterionInput): Promise<CriterionView> {
  const c: Criterion = { ...input, name: normalizeText(input.name), validTo: input.validTo ?? null };
  check(c);
  return deps.db.transaction(async (tx) => {
    const dup = await tx.query('select 1 from evaluation_criteria where code = $1 and valid_from = $2', [c.code, c.validFrom]);
    if (dup.length > 0) throw new AppError('DUPLICATE', `Tiêu chí «${c.code}» đã có phiên bản áp dụng từ ngày ${c.validFrom}.`, 'validFrom');
    const [row] = await tx.query<CriterionRow>(
      `insert into evaluation_criteria (code, name, weight, direction, unit, threshold_zero, threshold_full, valid_from, valid_to, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       returning id, code, name, weight, direction, unit, threshold_zero, threshold_full, valid_from, valid_to, note, sample, version`,
      [c.code, c.name, c.weight, c.direction, c.unit, c.thresholds.zero, c.thresholds.full, c.validFrom, c.validTo, input.note ?? null],
    );
    await recordAudit(tx, ctx, { action: 'create', entity: 'evaluation_criterion', entityId: row!.id, after: input });
    return presentCriterion(row!, false);
  });
}

export interface CriterionPatch {
  version: number;
  name?: string;
  weight?: number;
  thresholds?: { zero: number; full: number };
  validTo?: string | null;
  note?: string | null;
}

export async function updateCriterion(deps: Deps, ctx: AuditContext, id: string, patch: CriterionPatch): Promise<CriterionView> {
  return deps.db.transaction(async (tx) => {
    const before = (await tx.query<CriterionRow>(
      `select id, code, name, weight, direction, unit, threshold_zero, threshold_full, valid_from, valid_to, note, sample, version
         from evaluation_criteria where id = $1 for update`,
      [id],
    ))[0];
    if (!before) throw notFound('tiêu chí');
    if (before.version !== patch.version) throw staleVersion();
    const next: Criterion = {
      ...toCriterion(before),
      name: patch.name ? normalizeText(patch.name) : before.name,
      weight: patch.weight ?? before.weight,
      thresholds: patch.thresholds ?? { zero: before.threshold_zero, full: before.threshold_full },
      validTo: patch.validTo === undefined ? before.valid_to : patch.validTo,
    };
    check(next);
    if (next.validTo && next.validTo < next.validFrom) throw new AppError('VALIDATION', 'Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.', 'validTo');
    const [row] = await tx.query<CriterionRow>(
      `update evaluation_criteria set name = $2, weight = $3, threshold_zero = $4, threshold_full = $5, valid_to = $6, note = $7,
              version = version + 1, updated_at = now()
        where id = $1
        returning id, code, name, weight, direction, unit, threshold_zero, threshold_full, valid_from, valid_to, note, sample, version`,
      [id, next.name, next.weight, next.thresholds.zero, next.thresholds.full, next.validTo, patch.note === undefined ? before.note : patch.note],
    );
    await recordAudit(tx, ctx, { action: 'update', entity: 'evaluation_criterion', entityId: id, before, after: row });
    return presentCriterion(row!, false);
  });
}

export interface ThresholdsInput {
  ghiNhanFrom: number;
  pheBinhBelow: number;
  validFrom: string;
  note?: string | null;
}

/** New class bands from a date; the previous bands end the day before. */
export async function createThresholds(deps: Deps, ctx: AuditContext, input: ThresholdsInput) {
  if (!(input.pheBinhBelow <= input.ghiNhanFrom)) {
    throw new AppError('VALIDATION', 'Ngưỡng phê bình phải nhỏ hơn hoặc bằng ngưỡng ghi nhận.', 'pheBinhBelow');
  }
  await deps.db.transaction(async (tx) => {
    const dup = await tx.query('select 1 from evaluation_class_thresholds where valid_from = $1', [input.validFrom]);
    if (dup.length > 0) throw new AppError('DUPLICATE', `Đã có ngưỡng xếp loại áp dụng từ ngày ${input.validFrom}.`, 'validFrom');
    const [row] = await tx.query<{ id: string }>(
      `insert into evaluation_class_thresholds (ghi_nhan_from, phe_binh_below, valid_from, note) values ($1, $2, $3, $4) returning id`,
      [input.ghiNhanFrom, input.pheBinhBelow, input.validFrom, input.note ?? null],
    );
    await recordAudit(tx, ctx, { action: 'create', entity: 'evaluation_thresholds', entityId: row!.id, after: input });
  });
  return rulesView(deps);
}

export interface MeasureInput {
  unitId: string;
  code: string;
  /** null: the measure does not apply to this unit. */
  value: number | null;
  note?: string | null;
}

/** The coordinator's own figures for a period; they win over sample and collected ones in the next run. */
export async function putManualMeasures(deps: Deps, ctx: AuditContext, period: string, rows: readonly MeasureInput[], source: Extract<MeasureSource, 'manual'> = 'manual') {
  return deps.db.transaction(async (tx) => {
    const units = new Set((await tx.query<{ id: string }>('select id from units where id = any($1::uuid[])', [rows.map((r) => r.unitId)])).map((u) => u.id));
    const unknown = rows.filter((r) => !units.has(r.unitId));
    if (unknown.length > 0) throw new AppError('VALIDATION', `Không tìm thấy đơn vị: ${unknown.map((u) => u.unitId).join(', ')}`, 'unitId');
    for (const r of rows) {
      await tx.query(
        `insert into evaluation_measures (period_key, unit_id, code, source, value, note, entered_by, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, now())
         on conflict (period_key, unit_id, code, source) do update set value = excluded.value, note = excluded.note, entered_by = excluded.entered_by, updated_at = now()`,
        [period, r.unitId, r.code, source, r.value, r.note ?? null, ctx.actorId],
      );
    }
    await recordAudit(tx, ctx, { action: 'update', entity: 'evaluation_measures', entityId: period, after: rows });
    return { saved: rows.length };
  });
}
