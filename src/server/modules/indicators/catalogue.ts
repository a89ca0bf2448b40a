import type { Queryable } from '../../../db/client';
import type { AggregationRule } from '../../../core/indicators/aggregate';
import { formulaCodes, formulaEvaluationOrder } from '../../../core/indicators/formula';
import { RuleError } from '../../../core/errors';
import type { TargetDirection } from '../../../core/indicators/targets';
import type { PeriodType } from '../../../core/periods/period-key';
import { foldVietnamese, normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import { indicatorById, presentIndicator, type IndicatorKind, type IndicatorRow, type Pillar, type PlanPillar } from './queries';

export interface CatalogueInput {
  code: string;
  name: string;
  issuer?: string | null;
  documentRef?: string | null;
  validFrom: string;
  validTo?: string | null;
  sample?: boolean;
  /** The plan's own pillars; the seeds' four when not given. */
  pillars?: PlanPillar[];
  sources?: string[];
  note?: string | null;
}

/** The seeds' four pillars (KH 74/KH-UBND), the default of a catalogue: the column's default too. */
export const DEFAULT_PLAN_PILLARS: readonly PlanPillar[] = [
  { key: 'digital_government', name: 'Chính quyền số' },
  { key: 'digital_economy', name: 'Kinh tế số' },
  { key: 'digital_society', name: 'Xã hội số' },
  { key: 'digital_infrastructure', name: 'Hạ tầng số' },
];

export async function createCatalogue(deps: Deps, ctx: AuditContext, input: CatalogueInput) {
  return deps.db.transaction((tx) => insertCatalogue(tx, ctx, input));
}

/** Inside the caller's transaction, so a catalogue and its indicators land together. */
export async function insertCatalogue(tx: Queryable, ctx: AuditContext, input: CatalogueInput) {
  if (input.validTo && input.validTo < input.validFrom) throw new AppError('VALIDATION', 'Ngày hết hiệu lực không được trước ngày có hiệu lực', 'validTo');
  const pillars = (input.pillars ?? DEFAULT_PLAN_PILLARS).map((p) => ({ key: p.key, name: normalizeText(p.name) }));
  if (new Set(pillars.map((p) => p.key)).size !== pillars.length) throw new AppError('VALIDATION', 'Mã trụ cột bị trùng', 'pillars');
  const rows = await tx.query<{ id: string }>(
    `insert into indicator_catalogues (code, name, issuer, document_ref, valid_from, valid_to, sample, pillars, sources, note)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) on conflict (code) do nothing returning id`,
    [
      input.code, normalizeText(input.name), input.issuer ?? null, input.documentRef ?? null, input.validFrom, input.validTo ?? null,
      input.sample ?? false, JSON.stringify(pillars), input.sources ?? [], input.note ?? null,
    ],
  );
  if (!rows[0]) throw new AppError('DUPLICATE', `Mã bộ chỉ số "${input.code}" đã tồn tại`, 'code');
  const after = { id: rows[0].id, ...input, pillars };
  await recordAudit(tx, ctx, { action: 'create', entity: 'indicator_catalogue', entityId: rows[0].id, after });
  return after;
}

export interface IndicatorInput {
  catalogueId: string;
  code: string;
  name: string;
  pillar: Pillar;
  /** Key of one of the catalogue's own pillars. */
  planPillar?: string | null;
  parentId?: string | null;
  unitOfMeasure: string;
  kind: IndicatorKind;
  numeratorLabel?: string | null;
  denominatorLabel?: string | null;
  formula?: string | null;
  ratioScale?: number;
  unitRule: AggregationRule;
  timeRule: AggregationRule;
  direction: TargetDirection;
  periodicity: PeriodType;
  sourceAgency: string;
  maxPoints?: number | null;
  ragGreen?: number | null;
  ragAmber?: number | null;
  description?: string | null;
  sortOrder?: number;
  validFrom: string;
  validTo?: string | null;
  sample?: boolean;
}

/** The cross-field rules a form cannot express, with the field each one belongs to. */
function checkDefinition(d: Omit<IndicatorInput, 'catalogueId' | 'code'> & { code: string }) {
  const fail = (message: string, field: string) => {
    throw new AppError('VALIDATION', message, field);
  };
  if (d.kind !== 'ratio' && (d.unitRule === 'ratio' || d.timeRule === 'ratio')) {
    fail('Quy tắc "tỷ lệ" (tổng tử số / tổng mẫu số) chỉ dùng cho chỉ số loại tỷ lệ', d.unitRule === 'ratio' ? 'unitRule' : 'timeRule');
  }
  if (d.timeRule === 'ratio' && d.unitRule !== 'ratio') fail('Tổng hợp theo thời gian bằng tỷ lệ cần tổng hợp theo đơn vị cũng bằng tỷ lệ', 'unitRule');
  // A rate combined by averaging is the mistake the product exists to prevent.
  if (d.kind === 'ratio' && d.unitRule !== 'ratio') fail('Chỉ số tỷ lệ phải cộng tử số và mẫu số khi tổng hợp theo đơn vị (không lấy trung bình các tỷ lệ)', 'unitRule');
  if (d.kind === 'formula' && !d.formula?.trim()) fail('Chỉ số loại công thức cần công thức', 'formula');
  if (d.kind !== 'formula' && d.formula) fail('Chỉ số không phải loại công thức thì không có công thức', 'formula');
  if (d.validTo && d.validTo < d.validFrom) fail('Ngày hết hiệu lực không được trước ngày có hiệu lực', 'validTo');
  if (d.ragGreen != null && d.ragAmber != null && d.ragAmber > d.ragGreen) fail('Ngưỡng vàng phải nhỏ hơn hoặc bằng ngưỡng xanh', 'ragAmber');
}

/** An indicator's plan pillar is one of its catalogue's own pillars. */
async function checkPlanPillar(tx: Queryable, catalogueId: string, key: string) {
  const pillars = (await tx.query<{ pillars: PlanPillar[] }>('select pillars from indicator_catalogues where id = $1', [catalogueId]))[0]?.pillars ?? [];
  if (pillars.some((p) => p.key === key)) return;
  const known = pillars.map((p) => `${p.name} (${p.key})`).join(', ') || 'bộ chỉ số chưa có trụ cột nào';
  throw new AppError('VALIDATION', `Trụ cột "${key}" không có trong bộ chỉ số: ${known}`, 'planPillar');
}

/** Formulas may only read existing indicators, and never in a loop. */
async function checkFormula(tx: Queryable, code: string, formula: string) {
  let codes: string[];
  try {
    codes = formulaCodes(formula);
  } catch (err) {
    if (err instanceof RuleError) throw new AppError('VALIDATION', err.message, 'formula');
    throw err;
  }
  if (codes.includes(code)) throw new AppError('VALIDATION', `Công thức không được dùng chính chỉ số ${code}`, 'formula');
  const known = await tx.query<{ code: string; formula: string | null }>('select code, formula from indicators where code = any($1::text[]) or formula is not null', [codes]);
  const missing = codes.filter((c) => !known.some((k) => k.code === c));
  if (missing.length) throw new AppError('VALIDATION', `Công thức dùng mã chỉ số không tồn tại: ${missing.join(', ')}`, 'formula');
  const formulas: Record<string, string> = Object.fromEntries(known.filter((k) => k.formula).map((k) => [k.code, k.formula!]));
  formulas[code] = formula;
  try {
    formulaEvaluationOrder(formulas);
  } catch (err) {
    if (err instanceof RuleError) throw new AppError('VALIDATION', err.message, 'formula');
    throw err;
  }
}

export async function createIndicator(deps: Deps, ctx: AuditContext, input: IndicatorInput) {
  checkDefinition(input);
  return deps.db.transaction(async (tx) => {
    const cat = (await tx.query('select 1 from indicator_catalogues where id = $1', [input.catalogueId]))[0];
    if (!cat) throw new AppError('VALIDATION', 'Bộ chỉ số không tồn tại', 'catalogueId');
    if (input.planPillar) await checkPlanPillar(tx, input.catalogueId, input.planPillar);
    if (input.parentId && !(await indicatorById(tx, input.parentId))) throw new AppError('VALIDATION', 'Chỉ số cha không tồn tại', 'parentId');
    if (input.kind === 'formula') await checkFormula(tx, input.code, input.formula!);
    const name = normalizeText(input.name);
    const rows = await tx.query<{ id: string }>(
      `insert into indicators (catalogue_id, code, name, name_folded, pillar, parent_id, unit_of_measure, kind, numerator_label, denominator_label,
                               formula, ratio_scale, unit_rule, time_rule, direction, periodicity, source_agency, max_points, rag_green, rag_amber,
                               description, sort_order, valid_from, valid_to, sample, plan_pillar)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)
       on conflict (code) do nothing returning id`,
      [
        input.catalogueId, input.code, name, foldVietnamese(name), input.pillar, input.parentId ?? null, input.unitOfMeasure, input.kind,
        input.numeratorLabel ?? null, input.denominatorLabel ?? null, input.formula?.trim() || null, input.ratioScale ?? 100, input.unitRule,
        input.timeRule, input.direction, input.periodicity, normalizeText(input.sourceAgency), input.maxPoints ?? null, input.ragGreen ?? null,
        input.ragAmber ?? null, input.description ?? null, input.sortOrder ?? 0, input.validFrom, input.validTo ?? null, input.sample ?? false,
        input.planPillar ?? null,
      ],
    );
    if (!rows[0]) throw new AppError('DUPLICATE', `Mã chỉ số "${input.code}" đã tồn tại`, 'code');
    const after = presentIndicator((await indicatorById(tx, rows[0].id))!);
    await recordAudit(tx, ctx, { action: 'create', entity: 'indicator', entityId: after.id, after });
    return after;
  });
}

export type IndicatorUpdate = Partial<Omit<IndicatorInput, 'catalogueId' | 'code' | 'kind'>> & { version: number };

/**
 * Code and kind are fixed once values may exist: changing them would silently change the
 * meaning of every stored value. Periodicity is fixed once the indicator has values.
 */
export async function updateIndicator(deps: Deps, ctx: AuditContext, id: string, input: IndicatorUpdate) {
  return deps.db.transaction(async (tx) => {
    const current = await indicatorById(tx, id);
    if (!current) throw notFound('chỉ số');
    if (current.version !== input.version) throw staleVersion();
    const merged = mergeIndicator(current, input);
    checkDefinition(merged);
    if (merged.periodicity !== current.periodicity) {
      const has = await tx.query('select 1 from indicator_values where indicator_id = $1 limit 1', [id]);
      if (has.length) throw new AppError('VALIDATION', 'Chỉ số đã có số liệu: không đổi được kỳ báo cáo', 'periodicity');
    }
    if (merged.kind === 'formula' && merged.formula !== current.formula) await checkFormula(tx, current.code, merged.formula!);
    if (merged.parentId === id) throw new AppError('VALIDATION', 'Chỉ số không thể là cha của chính nó', 'parentId');
    if (merged.planPillar && merged.planPillar !== current.plan_pillar) await checkPlanPillar(tx, current.catalogue_id, merged.planPillar);
    const name = normalizeText(merged.name);
    const updated = await tx.query(
      `update indicators set name = $2, name_folded = $3, pillar = $4, parent_id = $5, unit_of_measure = $6, numerator_label = $7,
              denominator_label = $8, formula = $9, ratio_scale = $10, unit_rule = $11, time_rule = $12, direction = $13, periodicity = $14,
              source_agency = $15, max_points = $16, rag_green = $17, rag_amber = $18, description = $19, sort_order = $20,
              valid_from = $21, valid_to = $22, plan_pillar = $24, version = version + 1, updated_at = now()
        where id = $1 and version = $23 returning id`,
      [
        id, name, foldVietnamese(name), merged.pillar, merged.parentId ?? null, merged.unitOfMeasure, merged.numeratorLabel ?? null,
        merged.denominatorLabel ?? null, merged.formula ?? null, merged.ratioScale ?? 100, merged.unitRule, merged.timeRule, merged.direction,
        merged.periodicity, normalizeText(merged.sourceAgency), merged.maxPoints ?? null, merged.ragGreen ?? null, merged.ragAmber ?? null,
        merged.description ?? null, merged.sortOrder ?? 0, merged.validFrom, merged.validTo ?? null, input.version, merged.planPillar ?? null,
      ],
    );
    if (updated.length === 0) throw staleVersion();
    const after = presentIndicator((await indicatorById(tx, id))!);
    await recordAudit(tx, ctx, { action: 'update', entity: 'indicator', entityId: id, before: presentIndicator(current), after });
    return after;
  });
}

function mergeIndicator(c: IndicatorRow, u: IndicatorUpdate) {
  const pick = <T>(next: T | undefined, cur: T): T => (next === undefined ? cur : next);
  return {
    code: c.code,
    kind: c.kind,
    name: pick(u.name, c.name),
    pillar: pick(u.pillar, c.pillar),
    planPillar: pick(u.planPillar, c.plan_pillar),
    parentId: pick(u.parentId, c.parent_id),
    unitOfMeasure: pick(u.unitOfMeasure, c.unit_of_measure),
    numeratorLabel: pick(u.numeratorLabel, c.numerator_label),
    denominatorLabel: pick(u.denominatorLabel, c.denominator_label),
    formula: pick(u.formula, c.formula),
    ratioScale: pick(u.ratioScale, c.ratio_scale),
    unitRule: pick(u.unitRule, c.unit_rule),
    timeRule: pick(u.timeRule, c.time_rule),
    direction: pick(u.direction, c.direction),
    periodicity: pick(u.periodicity, c.periodicity),
    sourceAgency: pick(u.sourceAgency, c.source_agency),
    maxPoints: pick(u.maxPoints, c.max_points),
    ragGreen: pick(u.ragGreen, c.rag_green),
    ragAmber: pick(u.ragAmber, c.rag_amber),
    description: pick(u.description, c.description),
    sortOrder: pick(u.sortOrder, c.sort_order),
    validFrom: pick(u.validFrom, c.valid_from),
    validTo: pick(u.validTo, c.valid_to),
  };
}
