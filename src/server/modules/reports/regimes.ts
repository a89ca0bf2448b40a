import type { Queryable } from '../../../db/client';
import type { HolidaySet } from '../../../core/calendar/holiday-set';
import { cutoffWindow } from '../../../core/periods/cutoff';
import { assertDeadlineRule, reportDeadline, type DeadlineRule } from '../../../core/periods/deadline';
import { RuleError } from '../../../core/errors';
import { isPeriodKey, parsePeriodKey, periodLabel, type PeriodType } from '../../../core/periods/period-key';
import { periodRange, periodsWithin } from '../../../core/periods/period-range';
import { normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import { presentRegime, regimeById, regimeFields, regimeUnits, type RegimeRow, type ReportKind } from './queries';

export interface FieldInput {
  kind: 'indicator' | 'text';
  indicatorId?: string | null;
  label?: string | null;
  required?: boolean;
}

export interface RegimeInput {
  code: string;
  title: string;
  content?: string;
  reportKind: ReportKind;
  periodType: PeriodType;
  deadlineRule: DeadlineRule;
  receivingUnitId: string;
  sendingMethod: string;
  legalBasis?: string | null;
  validFrom: string;
  validTo?: string | null;
  unitIds: string[];
  fields: FieldInput[];
  sample?: boolean;
}

export async function loadRegime(db: Queryable, id: string) {
  const r = await regimeById(db, id);
  if (!r) throw notFound('chế độ báo cáo');
  return presentRegime(r, await regimeFields(db, id), await regimeUnits(db, id));
}
export type TRegime = Awaited<ReturnType<typeof loadRegime>>;

/**
 * The rule must give a deadline after the cut-off for the regime's period type (NĐ 09 khoản 5
 * Điều 8). Holidays only ever move a deadline later, so checking one period without them is enough.
 */
function checkRule(rule: DeadlineRule, periodType: PeriodType, validFrom: string) {
  try {
    assertDeadlineRule(rule);
    const first = periodsWithin(validFrom.slice(0, 4), periodType)[0];
    if (first) reportDeadline(first, rule, new Set());
  } catch (err) {
    if (err instanceof RuleError) throw new AppError('VALIDATION', err.message, 'deadlineRule');
    throw err;
  }
}

async function writeFieldsAndUnits(tx: Queryable, regimeId: string, periodType: PeriodType, input: Pick<RegimeInput, 'fields' | 'unitIds'>) {
  await tx.query('delete from report_regime_fields where regime_id = $1', [regimeId]);
  for (const [i, f] of input.fields.entries()) {
    let label = f.label?.trim() ?? '';
    if (f.kind === 'indicator') {
      const ind = (await tx.query<{ name: string; code: string; kind: string; periodicity: string }>('select name, code, kind, periodicity from indicators where id = $1', [f.indicatorId ?? null]))[0];
      if (!ind) throw new AppError('VALIDATION', `Trường thứ ${i + 1}: chỉ số không tồn tại`, `fields.${i}.indicatorId`);
      if (ind.kind === 'formula') throw new AppError('VALIDATION', `Trường thứ ${i + 1}: chỉ số ${ind.code} tính theo công thức, đơn vị không nhập`, `fields.${i}.indicatorId`);
      // A value is stored for the report's own period, so the indicator must be reported on the same cycle.
      if (ind.periodicity !== periodType) throw new AppError('VALIDATION', `Trường thứ ${i + 1}: chỉ số ${ind.code} có kỳ báo cáo khác kỳ của chế độ báo cáo`, `fields.${i}.indicatorId`);
      label ||= `${ind.code}. ${ind.name}`;
    } else if (!label) {
      throw new AppError('VALIDATION', `Trường thứ ${i + 1}: phần nội dung cần tiêu đề`, `fields.${i}.label`);
    }
    await tx.query('insert into report_regime_fields (regime_id, position, kind, indicator_id, label, required) values ($1, $2, $3, $4, $5, $6)', [
      regimeId, i + 1, f.kind, f.kind === 'indicator' ? f.indicatorId : null, normalizeText(label), f.required ?? false,
    ]);
  }
  await tx.query('delete from report_regime_units where regime_id = $1', [regimeId]);
  const units = [...new Set(input.unitIds)];
  const found = await tx.query<{ id: string }>('select id from units where id = any($1::uuid[])', [units]);
  if (found.length !== units.length) throw new AppError('VALIDATION', 'Có đơn vị báo cáo không tồn tại', 'unitIds');
  await tx.query('insert into report_regime_units (regime_id, unit_id) select $1, unnest($2::uuid[])', [regimeId, units]);
}

export async function createRegime(deps: Deps, ctx: AuditContext, input: RegimeInput) {
  checkRule(input.deadlineRule, input.periodType, input.validFrom);
  if (input.validTo && input.validTo < input.validFrom) throw new AppError('VALIDATION', 'Ngày hết hiệu lực không được trước ngày có hiệu lực', 'validTo');
  return deps.db.transaction(async (tx) => {
    const receiving = (await tx.query<{ province_id: string }>('select province_id from units where id = $1', [input.receivingUnitId]))[0];
    if (!receiving) throw new AppError('VALIDATION', 'Đơn vị nhận báo cáo không tồn tại', 'receivingUnitId');
    const rows = await tx.query<{ id: string }>(
      `insert into report_regimes (province_id, code, title, content, report_kind, period_type, deadline_rule, receiving_unit_id, sending_method,
                                   legal_basis, valid_from, valid_to, sample)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) on conflict (code) do nothing returning id`,
      [
        receiving.province_id, input.code, normalizeText(input.title), input.content?.trim() ?? '', input.reportKind, input.periodType,
        JSON.stringify(input.deadlineRule), input.receivingUnitId, input.sendingMethod, input.legalBasis ?? null, input.validFrom,
        input.validTo ?? null, input.sample ?? false,
      ],
    );
    if (!rows[0]) throw new AppError('DUPLICATE', `Mã chế độ báo cáo "${input.code}" đã tồn tại`, 'code');
    await writeFieldsAndUnits(tx, rows[0].id, input.periodType, input);
    const after = await loadRegime(tx, rows[0].id);
    await recordAudit(tx, ctx, { action: 'create', entity: 'report_regime', entityId: after.id, after });
    return after;
  });
}

export type RegimeUpdate = Partial<Omit<RegimeInput, 'code' | 'periodType' | 'reportKind' | 'sample'>> & { version: number };

/** Period type and code are fixed; the form's fields only change while nobody has started a report. */
export async function updateRegime(deps: Deps, ctx: AuditContext, id: string, input: RegimeUpdate) {
  return deps.db.transaction(async (tx) => {
    const current = await regimeById(tx, id);
    if (!current) throw notFound('chế độ báo cáo');
    if (input.deadlineRule) checkRule(input.deadlineRule, current.period_type, input.validFrom ?? current.valid_from);
    if (current.version !== input.version) throw staleVersion();
    const before = await loadRegime(tx, id);
    const validFrom = input.validFrom ?? current.valid_from;
    const validTo = input.validTo === undefined ? current.valid_to : input.validTo;
    if (validTo && validTo < validFrom) throw new AppError('VALIDATION', 'Ngày hết hiệu lực không được trước ngày có hiệu lực', 'validTo');
    if (input.receivingUnitId && !(await tx.query('select 1 from units where id = $1', [input.receivingUnitId])).length) {
      throw new AppError('VALIDATION', 'Đơn vị nhận báo cáo không tồn tại', 'receivingUnitId');
    }
    // The version is checked by the update itself: of two edits from one version, one is kept.
    const updated = await tx.query(
      `update report_regimes set title = $2, content = $3, deadline_rule = $4, receiving_unit_id = $5, sending_method = $6, legal_basis = $7,
              valid_from = $8, valid_to = $9, version = version + 1, updated_at = now()
        where id = $1 and version = $10 returning id`,
      [
        id, input.title ? normalizeText(input.title) : current.title, input.content?.trim() ?? current.content,
        JSON.stringify(input.deadlineRule ?? current.deadline_rule), input.receivingUnitId ?? current.receiving_unit_id,
        input.sendingMethod ?? current.sending_method, input.legalBasis === undefined ? current.legal_basis : input.legalBasis, validFrom, validTo, input.version,
      ],
    );
    if (updated.length === 0) throw staleVersion();
    if (input.fields) {
      const started = await tx.query('select 1 from report_submissions where regime_id = $1 limit 1', [id]);
      if (started.length) throw new AppError('VALIDATION', 'Đã có đơn vị lập báo cáo theo chế độ này: không sửa được biểu mẫu. Hãy tạo chế độ báo cáo mới.', 'fields');
    }
    if (input.fields || input.unitIds) {
      await writeFieldsAndUnits(tx, id, current.period_type, {
        fields: input.fields ?? before.fields.map((f) => ({ kind: f.kind, indicatorId: f.indicatorId, label: f.label, required: f.required })),
        unitIds: input.unitIds ?? before.units.map((u) => u.id),
      });
    }
    const after = await loadRegime(tx, id);
    await recordAudit(tx, ctx, { action: 'update', entity: 'report_regime', entityId: id, before, after });
    return after;
  });
}

export interface PeriodInfo {
  period: string;
  label: string;
  cutoffStart: string;
  cutoffEnd: string;
  deadline: string;
}

/** Cut-off window (NĐ 09 Điều 12) and deadline (regime rule, working days with holidays as data) of a period. */
export function periodInfo(regime: Pick<RegimeRow, 'deadline_rule'>, period: string, holidays: HolidaySet): PeriodInfo {
  const w = cutoffWindow(period);
  let deadline: string;
  try {
    deadline = reportDeadline(period, regime.deadline_rule, holidays);
  } catch (err) {
    // A rule stored before it was checked (or edited in the database) must not break every page.
    if (err instanceof RuleError) throw new AppError('VALIDATION', err.message, 'deadlineRule');
    throw err;
  }
  return { period, label: periodLabel(period), cutoffStart: w.start, cutoffEnd: w.end, deadline };
}

/** The regime's periods in a year, limited to its validity. */
export function periodsOfYear(regime: Pick<RegimeRow, 'period_type' | 'valid_from' | 'valid_to'>, year: number): string[] {
  return periodsWithin(String(year), regime.period_type).filter((p) => {
    const r = periodRange(p);
    return r.end >= regime.valid_from && (regime.valid_to === null || r.start <= regime.valid_to);
  });
}

export function assertRegimePeriod(regime: Pick<RegimeRow, 'period_type' | 'valid_from' | 'valid_to'>, period: string) {
  if (!isPeriodKey(period) || parsePeriodKey(period).type !== regime.period_type) {
    throw new AppError('VALIDATION', `Kỳ "${period}" không phải kỳ của chế độ báo cáo này`, 'period');
  }
  if (!periodsOfYear(regime, parsePeriodKey(period).year).includes(period)) {
    throw new AppError('VALIDATION', `Chế độ báo cáo không có hiệu lực trong kỳ ${period}`, 'period');
  }
}
