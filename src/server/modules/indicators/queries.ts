import type { Queryable } from '../../../db/client';
import type { AggregationRule } from '../../../core/indicators/aggregate';
import type { TargetDirection } from '../../../core/indicators/targets';
import type { PeriodType } from '../../../core/periods/period-key';

export const PILLARS = ['infrastructure', 'government', 'economy', 'society', 'other'] as const;
export type Pillar = (typeof PILLARS)[number];
export const INDICATOR_KINDS = ['raw', 'ratio', 'formula'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export const VALUE_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];
/** What a rollup counts: values a unit has sent, not drafts or values sent back. */
export const COUNTED_STATUSES: readonly ValueStatus[] = ['submitted', 'approved'];

export interface IndicatorRow {
  id: string;
  catalogue_id: string;
  catalogue_code: string;
  catalogue_name: string;
  code: string;
  name: string;
  pillar: Pillar;
  plan_pillar: string | null;
  parent_id: string | null;
  unit_of_measure: string;
  kind: IndicatorKind;
  numerator_label: string | null;
  denominator_label: string | null;
  formula: string | null;
  ratio_scale: number;
  unit_rule: AggregationRule;
  time_rule: AggregationRule;
  direction: TargetDirection;
  periodicity: PeriodType;
  source_agency: string;
  max_points: number | null;
  rag_green: number | null;
  rag_amber: number | null;
  description: string | null;
  sort_order: number;
  valid_from: string;
  valid_to: string | null;
  sample: boolean;
  version: number;
}

const SELECT_INDICATORS = `
  select i.id, i.catalogue_id, c.code as catalogue_code, c.name as catalogue_name, i.code, i.name, i.pillar, i.plan_pillar, i.parent_id,
         i.unit_of_measure, i.kind, i.numerator_label, i.denominator_label, i.formula, i.ratio_scale, i.unit_rule, i.time_rule,
         i.direction, i.periodicity, i.source_agency, i.max_points, i.rag_green, i.rag_amber, i.description, i.sort_order,
         i.valid_from, i.valid_to, i.sample, i.version
    from indicators i join indicator_catalogues c on c.id = i.catalogue_id`;

export function listIndicators(db: Queryable, filter: { catalogueId?: string; pillar?: string } = {}): Promise<IndicatorRow[]> {
  return db.query<IndicatorRow>(
    `${SELECT_INDICATORS}
      where ($1::uuid is null or i.catalogue_id = $1) and ($2::text is null or i.pillar = $2)
      order by c.valid_from, c.code, i.sort_order, i.code`,
    [filter.catalogueId ?? null, filter.pillar ?? null],
  );
}

export async function indicatorById(db: Queryable, id: string): Promise<IndicatorRow | undefined> {
  return (await db.query<IndicatorRow>(`${SELECT_INDICATORS} where i.id = $1`, [id]))[0];
}

export async function indicatorsByCodes(db: Queryable, codes: readonly string[]): Promise<IndicatorRow[]> {
  return db.query<IndicatorRow>(`${SELECT_INDICATORS} where i.code = any($1::text[])`, [codes]);
}

export function presentIndicator(i: IndicatorRow) {
  return {
    id: i.id,
    catalogueId: i.catalogue_id,
    catalogueCode: i.catalogue_code,
    catalogueName: i.catalogue_name,
    code: i.code,
    name: i.name,
    pillar: i.pillar,
    planPillar: i.plan_pillar,
    parentId: i.parent_id,
    unitOfMeasure: i.unit_of_measure,
    kind: i.kind,
    numeratorLabel: i.numerator_label,
    denominatorLabel: i.denominator_label,
    formula: i.formula,
    ratioScale: i.ratio_scale,
    unitRule: i.unit_rule,
    timeRule: i.time_rule,
    direction: i.direction,
    periodicity: i.periodicity,
    sourceAgency: i.source_agency,
    maxPoints: i.max_points,
    ragGreen: i.rag_green,
    ragAmber: i.rag_amber,
    description: i.description,
    sortOrder: i.sort_order,
    validFrom: i.valid_from,
    validTo: i.valid_to,
    sample: i.sample,
    version: i.version,
  };
}
export type TIndicator = ReturnType<typeof presentIndicator>;

export interface CatalogueRow {
  id: string;
  code: string;
  name: string;
  issuer: string | null;
  document_ref: string | null;
  valid_from: string;
  valid_to: string | null;
  sample: boolean;
  pillars: PlanPillar[];
  sources: string[];
  note: string | null;
  indicators: number;
}

/** One of a catalogue's own pillars (the plan's grouping). */
export interface PlanPillar {
  key: string;
  name: string;
}

export function listCatalogues(db: Queryable): Promise<CatalogueRow[]> {
  return db.query<CatalogueRow>(
    `select c.id, c.code, c.name, c.issuer, c.document_ref, c.valid_from, c.valid_to, c.sample, c.pillars, c.sources, c.note,
            (select count(*)::int from indicators i where i.catalogue_id = c.id) as indicators
       from indicator_catalogues c order by c.valid_from, c.code`,
  );
}

export function presentCatalogue(c: CatalogueRow) {
  return {
    id: c.id, code: c.code, name: c.name, issuer: c.issuer, documentRef: c.document_ref, validFrom: c.valid_from, validTo: c.valid_to, sample: c.sample,
    pillars: c.pillars, sources: c.sources, note: c.note, indicators: c.indicators,
  };
}

/** Units as the value checks need them: validity, province, and the level targets use. */
export interface UnitInfo {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  province_id: string;
  valid_from: string;
  valid_to: string | null;
}

export async function unitInfo(db: Queryable, id: string): Promise<UnitInfo | undefined> {
  return (await db.query<UnitInfo>('select id, code, name, short_name, kind, province_id, valid_from, valid_to from units where id = $1', [id]))[0];
}

/** The level of a plan target (KH 74): departments and agencies count as city level. */
export function targetLevelOf(kind: string): 'city' | 'district' | 'commune' {
  if (kind === 'district') return 'district';
  if (kind === 'commune') return 'commune';
  return 'city';
}
