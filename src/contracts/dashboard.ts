import { z } from 'zod';
import { ZDay, ZInstant, ZOk, ZYearParam } from './common';
import { ZTaskRates } from './tasks';

/**
 * The leaders' wall (/api/dashboard): panels computed from the raw rows by a refresh, stored,
 * and served as they were stored. Each panel's payload is checked against its schema here
 * when it is computed (src/server/modules/dashboard/refresh.ts), so the stored JSON the
 * route sends is already the contract's.
 */

export const PANEL_KEYS = ['pillars', 'tasks', 'budget', 'reports', 'units', 'attention', 'trends', 'evaluation'] as const;
export const ZPanelKey = z.enum(PANEL_KEYS);
export type TPanelKey = z.infer<typeof ZPanelKey>;

/** ok: figures; no_data: the capability has not landed or holds nothing for the year; error: see message. */
export const ZPanelStatus = z.enum(['ok', 'no_data', 'error']);
export type TPanelStatus = z.infer<typeof ZPanelStatus>;

export const ZRag = z.enum(['green', 'amber', 'red']);
export type TRag = z.infer<typeof ZRag>;
export const PILLAR_KEYS = ['digital_infrastructure', 'digital_government', 'digital_economy', 'digital_society'] as const;
export const ZPillarKey = z.enum(PILLAR_KEYS);
export type TPillarKey = z.infer<typeof ZPillarKey>;
const ZDirection = z.enum(['higher_better', 'lower_better']);

// ─── Requests ────────────────────────────────────────────────────────────────

export const ZDashboardQuery = z.strictObject({ year: ZYearParam.optional() });
export const ZStreamQuery = z.strictObject({ once: z.enum(['1']).optional() });
export const ZPanelParams = z.strictObject({ key: ZPanelKey });

// ─── Payloads, one per panel ─────────────────────────────────────────────────

export const ZPillarIndicator = z.object({
  id: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  direction: ZDirection,
  /** Percent of the target reached. */
  achievement: z.number().nullable(),
  rag: ZRag.nullable(),
  period: z.string().nullable(),
  link: z.string(),
});
export type TPillarIndicator = z.infer<typeof ZPillarIndicator>;

export const ZPillarsPayload = z.object({
  pillars: z.array(z.object({ key: ZPillarKey, name: z.string(), indicators: z.array(ZPillarIndicator), counts: z.record(ZRag, z.number().int()) })),
});
export type TPillarsPayload = z.infer<typeof ZPillarsPayload>;

export const ZTasksPayload = ZTaskRates.extend({
  from: ZDay,
  to: ZDay,
  asOf: ZDay,
  total: z.number().int(),
  withDeadline: z.number().int(),
  doneOnTime: z.number().int(),
  /** Done after the original deadline but within an approved extension: counted apart. */
  doneOnTimeExtended: z.number().int(),
  doneLate: z.number().int(),
  doneNoDeadline: z.number().int(),
  inProgressOnTime: z.number().int(),
  inProgressOverdue: z.number().int(),
  noDeadlineInProgress: z.number().int(),
  /** Open tasks past their deadline, by days overdue. */
  buckets: z.object({ le30: z.number().int(), gt30: z.number().int(), gt120: z.number().int() }),
  /** No deadline and no progress report for 3 months. */
  stale: z.number().int(),
});
export type TTasksPayload = z.infer<typeof ZTasksPayload>;

/** Money in integer đồng (below 2^53). */
export const ZBudgetPayload = z.object({
  year: z.number().int(),
  planned: z.number(),
  allocated: z.number(),
  disbursed: z.number(),
  carriedOver: z.number(),
  cancelled: z.number(),
  atRisk: z.number(),
  atRiskCount: z.number().int(),
  disbursementRate: z.number().nullable(),
  bySource: z.array(z.object({ source: z.string(), label: z.string(), planned: z.number(), allocated: z.number(), disbursed: z.number() })),
});
export type TBudgetPayload = z.infer<typeof ZBudgetPayload>;

export const ZReportsPayload = z.object({
  period: z.string().nullable(),
  periodLabel: z.string().nullable(),
  deadline: ZDay.nullable(),
  expected: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  onTimeRate: z.number().nullable(),
  regimes: z.array(z.object({ id: z.string(), title: z.string(), expected: z.number().int(), onTime: z.number().int(), late: z.number().int(), missing: z.number().int(), link: z.string() })),
});
export type TReportsPayload = z.infer<typeof ZReportsPayload>;

export const ZUnitMetric = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  /** Which way is good, to colour the map. */
  direction: ZDirection,
  /** The city's target for the year, when the figure has one: the map is then coloured against target (rag). */
  target: z.number().nullable().optional(),
});
export type TUnitMetric = z.infer<typeof ZUnitMetric>;

export const ZUnitFigures = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  /** Matches a map feature's properties.hd_key. */
  mapKey: z.string(),
  kind: z.string(),
  values: z.record(z.string(), z.number().nullable()),
  /** Per metric with a target: the unit's value judged against its own level's target (đạt / cần theo dõi / chưa đạt). */
  rag: z.record(z.string(), ZRag.nullable()).optional(),
});
export type TUnitFigures = z.infer<typeof ZUnitFigures>;

export const ZUnitsPayload = z.object({
  /** The level the map shows: districts before 01/07/2025, communes after. */
  level: z.enum(['district', 'commune']),
  metrics: z.array(ZUnitMetric),
  units: z.array(ZUnitFigures),
});
export type TUnitsPayload = z.infer<typeof ZUnitsPayload>;

export const ZAttentionItem = z.object({
  unitId: z.string(),
  unitName: z.string(),
  /** Higher = more urgent. */
  weight: z.number(),
  reasons: z.array(z.string()),
  link: z.string(),
});
export type TAttentionItem = z.infer<typeof ZAttentionItem>;
export const ZAttentionPayload = z.object({ items: z.array(ZAttentionItem) });
export type TAttentionPayload = z.infer<typeof ZAttentionPayload>;

export const ZTrendSeries = z.object({ key: z.string(), name: z.string(), unit: z.string(), values: z.array(z.number().nullable()) });
export type TTrendSeries = z.infer<typeof ZTrendSeries>;
export const ZTrendsPayload = z.object({ months: z.array(z.string()), series: z.array(ZTrendSeries) });
export type TTrendsPayload = z.infer<typeof ZTrendsPayload>;

export const ZEvaluationPanelPayload = z.object({
  runId: z.string().nullable(),
  period: z.string().nullable(),
  createdAt: ZInstant.nullable(),
  counts: z.object({ ghi_nhan: z.number().int(), rut_kinh_nghiem: z.number().int(), phe_binh: z.number().int(), unclassed: z.number().int() }),
  lowest: z.array(z.object({ unitId: z.string(), unitName: z.string(), score: z.number().nullable(), rank: z.number().int(), class: z.string().nullable() })),
});
export type TEvaluationPanelPayload = z.infer<typeof ZEvaluationPanelPayload>;

/** The payload schema of each panel: what a refresh checks before it stores. */
export const PANEL_PAYLOADS = {
  pillars: ZPillarsPayload,
  tasks: ZTasksPayload,
  budget: ZBudgetPayload,
  reports: ZReportsPayload,
  units: ZUnitsPayload,
  attention: ZAttentionPayload,
  trends: ZTrendsPayload,
  evaluation: ZEvaluationPanelPayload,
} as const satisfies Record<TPanelKey, z.ZodType>;
export type TPanelPayload<K extends TPanelKey> = z.infer<(typeof PANEL_PAYLOADS)[K]>;

// ─── Responses ───────────────────────────────────────────────────────────────

/** A panel without its figures: its state, freshness and the page behind it. */
export const ZPanelMeta = z.object({
  key: ZPanelKey,
  scope: z.string(),
  status: ZPanelStatus,
  /** Vietnamese: why there is nothing to show, or what failed. */
  message: z.string().nullable(),
  /** When the figures were last computed from the data: their freshness. */
  computedAt: ZInstant,
  /** When they last changed. */
  changedAt: ZInstant,
  /** The detail page behind the figures. */
  link: z.string(),
});
export type TPanelMeta = z.infer<typeof ZPanelMeta>;

/** A panel with its figures (null when its computation failed). */
const panelOf = <K extends TPanelKey, P extends z.ZodType>(key: K, payload: P) => ZPanelMeta.extend({ key: z.literal(key), payload: payload.nullable() });

export const ZPanels = z.object({
  pillars: panelOf('pillars', ZPillarsPayload),
  tasks: panelOf('tasks', ZTasksPayload),
  budget: panelOf('budget', ZBudgetPayload),
  reports: panelOf('reports', ZReportsPayload),
  units: panelOf('units', ZUnitsPayload),
  attention: panelOf('attention', ZAttentionPayload),
  trends: panelOf('trends', ZTrendsPayload),
  evaluation: panelOf('evaluation', ZEvaluationPanelPayload),
});
export type TPanels = z.infer<typeof ZPanels>;
/** One panel of the wall, typed by its key. */
export type TPanel<K extends TPanelKey> = TPanels[K];
/** Any panel, its figures not yet told apart (the .xlsx export reads them by key). */
export type TAnyPanel = TPanelMeta & { payload: unknown };

export const ZDashboard = z.object({
  scope: z.string(),
  year: z.number().int(),
  asOf: ZDay,
  /** Latest computedAt of any panel. */
  computedAt: ZInstant.nullable(),
  panels: ZPanels,
});
export type TDashboard = z.infer<typeof ZDashboard>;

/** The event a stream sends when a panel's figures changed. */
export const ZPanelUpdated = z.object({ key: ZPanelKey, scope: z.string(), computedAt: ZInstant, status: z.string() });
export type TPanelUpdated = z.infer<typeof ZPanelUpdated>;

export const ZDashboardMap = z.object({
  map: z
    .object({
      id: z.string(),
      filename: z.string(),
      nameProperty: z.string(),
      featureCount: z.number().int(),
      matchedCount: z.number().int(),
      unmatched: z.array(z.string()),
      uploadedAt: ZInstant,
      /** The GeoJSON FeatureCollection as uploaded (each feature given its hd_key). */
      geojson: z.unknown(),
    })
    .nullable(),
});
export type TDashboardMap = z.infer<typeof ZDashboardMap>;

export const ZMapRemoved = ZOk;
