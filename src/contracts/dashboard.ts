/**
 * The dashboard's wire shapes. Type-only (no runtime imports), so the SPA imports them too and
 * the two sides cannot drift apart.
 */

export const PANEL_KEYS = ['pillars', 'tasks', 'budget', 'reports', 'units', 'attention', 'trends', 'evaluation'] as const;
export type PanelKey = (typeof PANEL_KEYS)[number];

/** ok: figures; no_data: the capability has not landed or holds nothing for the year; error: see message. */
export type PanelStatus = 'ok' | 'no_data' | 'error';

export interface Panel<P = unknown> {
  key: PanelKey;
  scope: string;
  status: PanelStatus;
  /** Vietnamese: why there is nothing to show, or what failed. */
  message: string | null;
  /** When the figures were last computed from the data: their freshness. */
  computedAt: string;
  /** When they last changed. */
  changedAt: string;
  /** The detail page behind the figures. */
  link: string;
  payload: P;
}

export interface Rate {
  numerator: number;
  denominator: number;
  percent: number | null;
}

export type PillarKey = 'digital_infrastructure' | 'digital_government' | 'digital_economy' | 'digital_society';
export type Rag = 'green' | 'amber' | 'red';

export interface PillarIndicator {
  id: string | null;
  code: string;
  name: string;
  unit: string;
  value: number | null;
  target: number | null;
  direction: 'higher_better' | 'lower_better';
  achievement: number | null;
  rag: Rag | null;
  period: string | null;
  link: string;
}

export interface PillarsPayload {
  pillars: Array<{ key: PillarKey; name: string; indicators: PillarIndicator[]; counts: Record<Rag, number> }>;
}

export interface TasksPayload {
  from: string;
  to: string;
  asOf: string;
  total: number;
  withDeadline: number;
  doneOnTime: number;
  doneLate: number;
  doneNoDeadline: number;
  inProgressOnTime: number;
  inProgressOverdue: number;
  noDeadlineInProgress: number;
  /** Open tasks past their deadline, by days overdue. */
  buckets: { le30: number; gt30: number; gt120: number };
  /** No deadline and no progress report for 3 months. */
  stale: number;
  overdueRateAll: Rate;
  overdueRateWithDeadline: Rate;
  onTimeRate: Rate;
}

/** Money in integer đồng (below 2^53). */
export interface BudgetPayload {
  year: number;
  planned: number;
  allocated: number;
  disbursed: number;
  carriedOver: number;
  cancelled: number;
  atRisk: number;
  atRiskCount: number;
  disbursementRate: number | null;
  bySource: Array<{ source: string; label: string; planned: number; allocated: number; disbursed: number }>;
}

export interface ReportsPayload {
  period: string | null;
  periodLabel: string | null;
  deadline: string | null;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  onTimeRate: number | null;
  regimes: Array<{ id: string; title: string; expected: number; onTime: number; late: number; missing: number; link: string }>;
}

export interface UnitMetric {
  key: string;
  name: string;
  unit: string;
  /** Which way is good, to colour the map. */
  direction: 'higher_better' | 'lower_better';
}

export interface UnitFigures {
  id: string;
  name: string;
  shortName: string;
  /** Matches a map feature's properties.hd_key. */
  mapKey: string;
  kind: string;
  values: Record<string, number | null>;
}

export interface UnitsPayload {
  /** The level the map shows: districts before 01/07/2025, communes after. */
  level: 'district' | 'commune';
  metrics: UnitMetric[];
  units: UnitFigures[];
}

export interface AttentionItem {
  unitId: string;
  unitName: string;
  /** Higher = more urgent. */
  weight: number;
  reasons: string[];
  link: string;
}

export interface AttentionPayload {
  items: AttentionItem[];
}

export interface TrendSeries {
  key: string;
  name: string;
  unit: string;
  values: Array<number | null>;
}

export interface TrendsPayload {
  months: string[];
  series: TrendSeries[];
}

export interface EvaluationPanelPayload {
  runId: string | null;
  period: string | null;
  createdAt: string | null;
  counts: { ghi_nhan: number; rut_kinh_nghiem: number; phe_binh: number; unclassed: number };
  lowest: Array<{ unitId: string; unitName: string; score: number | null; rank: number; class: string | null }>;
}

export interface DashboardResponse {
  scope: string;
  year: number;
  asOf: string;
  /** Latest computedAt of any panel. */
  computedAt: string | null;
  panels: Record<PanelKey, Panel>;
}

export interface DashboardMapResponse {
  map: {
    id: string;
    filename: string;
    nameProperty: string;
    featureCount: number;
    matchedCount: number;
    unmatched: string[];
    uploadedAt: string;
    geojson: unknown;
  } | null;
}
