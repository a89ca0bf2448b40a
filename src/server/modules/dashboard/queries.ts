import type { TDashboardMap, TEvaluationPanelPayload, TPanelKey, TPanelStatus } from '../../../contracts/dashboard';
import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';
import type { DeadlineRule } from '../../../core/periods/deadline';
import type { PeriodType } from '../../../core/periods/period-key';

/**
 * Every statement of the dashboard module. The panels read other capabilities' tables
 * (tasks, projects, reports, indicators, dossiers, evaluation) to aggregate them; each read is
 * one set-based statement, served by the index named beside it. Rows are typed from
 * src/db/tables.ts (generated).
 */

type Units = Tables['units'];

// ─── Stored panels ───────────────────────────────────────────────────────────

interface PanelRow {
  province_id: string;
  panel_key: TPanelKey;
  scope: string;
  status: TPanelStatus;
  message: string | null;
  computed_at: string;
  changed_at: string;
}

/** The stored panels of a scope, each payload parsed: what the .xlsx export reads (primary key lookup). */
export function panelRows(q: Queryable, provinceId: string, scope: string): Promise<Array<PanelRow & { payload: { link: string; data: unknown } }>> {
  return q.query('select province_id, panel_key, scope, status, message, payload, computed_at, changed_at from dashboard_panels where province_id = $1 and scope = $2', [provinceId, scope]);
}

/**
 * The same, with each payload left as the JSON text the database holds: GET /api/dashboard
 * splices the response together instead of parsing and re-serialising a map of 3,321 communes.
 */
export function panelRowsJson(q: Queryable, provinceId: string, scope: string): Promise<Array<PanelRow & { link: string; data: string }>> {
  return q.query(
    `select province_id, panel_key, scope, status, message, payload->>'link' as link, (payload->'data')::text as data, computed_at, changed_at
       from dashboard_panels where province_id = $1 and scope = $2`,
    [provinceId, scope],
  );
}

/** What the stored panels of a scope are, without their payloads: changes whenever a body would. */
export async function panelVersion(q: Queryable, provinceId: string, scope: string): Promise<string> {
  const rows = await q.query<{ v: string | null }>(
    `select string_agg(panel_key || ' ' || payload_hash || ' ' || status || ' ' || coalesce(message, '') || ' ' || computed_at::text || ' ' || changed_at::text, '|' order by panel_key) as v
       from dashboard_panels where province_id = $1 and scope = $2`,
    [provinceId, scope],
  );
  return rows[0]?.v ?? '';
}

export async function panelHashes(q: Queryable, provinceId: string, scope: string): Promise<Map<string, string>> {
  const rows = await q.query<Pick<Tables['dashboard_panels'], 'panel_key' | 'payload_hash'>>('select panel_key, payload_hash from dashboard_panels where province_id = $1 and scope = $2', [provinceId, scope]);
  return new Map(rows.map((r) => [r.panel_key, r.payload_hash]));
}

export interface PanelWrite {
  provinceId: string;
  scope: string;
  key: TPanelKey;
  status: TPanelStatus;
  message: string | null;
  /** `{ link, data }` as JSON text. */
  payload: string;
  hash: string;
  at: string;
  ms: number;
}

/** `changed_at` moves only when the figures did (same hash: same figures). */
export async function upsertPanel(q: Queryable, p: PanelWrite): Promise<void> {
  await q.query(
    `insert into dashboard_panels (scope, panel_key, status, message, payload, payload_hash, computed_at, changed_at, compute_ms, province_id)
     values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9)
     on conflict (province_id, scope, panel_key) do update set
       status = excluded.status, message = excluded.message, payload = excluded.payload, compute_ms = excluded.compute_ms,
       computed_at = excluded.computed_at,
       changed_at = case when dashboard_panels.payload_hash = excluded.payload_hash then dashboard_panels.changed_at else excluded.changed_at end,
       payload_hash = excluded.payload_hash`,
    [p.scope, p.key, p.status, p.message, p.payload, p.hash, p.at, p.ms, p.provinceId],
  );
}

/**
 * Years that hold data a panel reads (tasks assigned or due, indicator values, projects,
 * dossiers by month): the refresh keeps their panels stored before anyone looks at them.
 * Each part is an index scan for its minimum and maximum only.
 */
export async function dataYears(q: Queryable): Promise<number[]> {
  const r = (await q.query<{ lo: number | null; hi: number | null }>(
    `select min(y)::int as lo, max(y)::int as hi from (
       select extract(year from min(assigned_on)) as y from tasks union all select extract(year from max(assigned_on)) from tasks
       union all select extract(year from max(deadline)) from tasks
       union all select extract(year from min(period_start)) from indicator_values union all select extract(year from max(period_start)) from indicator_values
       union all select min(fiscal_year) from projects union all select max(fiscal_year) from projects
       union all select left(min(month), 4)::int from dossier_monthly union all select left(max(month), 4)::int from dossier_monthly
     ) x where y between 2000 and 2100`,
  ))[0];
  if (!r || r.lo === null || r.hi === null) return [];
  return Array.from({ length: r.hi - r.lo + 1 }, (_, i) => r.lo! + i);
}

/** Provinces with an organisation (a root unit): each has its own wall. */
export async function provincesWithRoot(q: Queryable): Promise<string[]> {
  return (await q.query<Pick<Units, 'province_id'>>('select distinct province_id from units where parent_id is null order by province_id')).map((r) => r.province_id);
}

export async function storedScopes(q: Queryable): Promise<string[]> {
  return (await q.query<{ scope: string }>('select distinct scope from dashboard_panels')).map((r) => r.scope);
}

/** The latest audit row that records a change of data (not a sign-in or an export). */
const LAST_CHANGE_AUDIT = `coalesce((select id from audit_log where entity <> 'session' and action <> 'export' order by id desc limit 1), 0)::bigint`;

export async function lastChangeAuditId(q: Queryable): Promise<number> {
  return (await q.query<{ id: number }>(`select ${LAST_CHANGE_AUDIT} as id`))[0]?.id ?? 0;
}

/** What the refresher's poll compares: the latest data change and the latest panel change. */
export async function changeMarks(q: Queryable): Promise<{ audit: number; changed: string | null } | undefined> {
  return (await q.query<{ audit: number; changed: string | null }>(`select (${LAST_CHANGE_AUDIT}) as audit, (select max(changed_at) from dashboard_panels) as changed`))[0];
}

export function panelsChangedSince(q: Queryable, since: string): Promise<Array<Pick<PanelRow, 'province_id' | 'scope' | 'panel_key' | 'changed_at' | 'status'>>> {
  return q.query('select province_id, scope, panel_key, changed_at, status from dashboard_panels where changed_at > $1', [since]);
}

// ─── The map ─────────────────────────────────────────────────────────────────

type MapRow = Pick<Tables['dashboard_maps'], 'id' | 'filename' | 'name_property' | 'feature_count' | 'matched_count' | 'unmatched' | 'uploaded_at' | 'geojson'>;

/** Which map is active, without its geometry: the map's answer is reused while this holds. */
export async function activeMapVersion(q: Queryable): Promise<string> {
  const rows = await q.query<{ v: string }>(`select id::text || ' ' || uploaded_at::text as v from dashboard_maps where active`);
  return rows[0]?.v ?? 'none';
}

export async function activeMap(q: Queryable): Promise<TDashboardMap['map']> {
  const r = (await q.query<MapRow>('select id, filename, name_property, feature_count, matched_count, unmatched, uploaded_at, geojson from dashboard_maps where active'))[0];
  if (!r) return null;
  return {
    id: r.id,
    filename: r.filename,
    nameProperty: r.name_property,
    featureCount: r.feature_count,
    matchedCount: r.matched_count,
    unmatched: r.unmatched,
    uploadedAt: r.uploaded_at,
    geojson: r.geojson,
  };
}

/** The active map is set aside (kept, inactive, for the record); returns what it was. */
export async function deactivateMap(tx: Queryable): Promise<Pick<MapRow, 'id' | 'filename'> | undefined> {
  return (await tx.query<Pick<MapRow, 'id' | 'filename'>>('update dashboard_maps set active = false where active returning id, filename'))[0];
}

export type NewMapRow = Pick<Tables['dashboard_maps'], 'filename' | 'name_property' | 'feature_count' | 'matched_count' | 'unmatched' | 'size_bytes' | 'uploaded_by'> & { geojson: string };

export async function insertMap(tx: Queryable, m: NewMapRow): Promise<string> {
  const rows = await tx.query<Pick<MapRow, 'id'>>(
    `insert into dashboard_maps (filename, name_property, geojson, feature_count, matched_count, unmatched, size_bytes, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [m.filename, m.name_property, m.geojson, m.feature_count, m.matched_count, m.unmatched, m.size_bytes, m.uploaded_by],
  );
  return rows[0]!.id;
}

/** District and commune units of any date, with aliases: what a boundary file may name. */
export function mappableUnits(q: Queryable) {
  return q.query<Pick<Units, 'id' | 'name'> & { aliases: string[] }>(
    `select u.id, u.name, coalesce(array_agg(a.alias) filter (where a.alias is not null), '{}') as aliases
       from units u left join unit_aliases a on a.unit_id = u.id
      where u.kind in ('district', 'commune')
      group by u.id, u.name`,
  );
}

// ─── Settings and what exists ────────────────────────────────────────────────

/**
 * Which of `tables` exist. The capabilities the dashboard reads land separately; a panel
 * whose tables are missing says so instead of failing.
 */
export async function existingTables(q: Queryable, tables: readonly string[]): Promise<Set<string>> {
  const rows = await q.query<{ name: string }>(`select t as name from unnest($1::text[]) t where to_regclass('public.' || t) is not null`, [tables]);
  return new Set(rows.map((r) => r.name));
}

export async function unitNamesById(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await q.query<Pick<Units, 'id' | 'name'>>('select id, name from units where id = any($1::uuid[])', [ids]);
  return new Map(rows.map((u) => [u.id, u.name]));
}

// ─── Panel figures ───────────────────────────────────────────────────────────

/** The root of a province's organisation on a date (the city): units_province_root_idx. */
export async function rootUnitOn(q: Queryable, asOf: string, provinceId: string): Promise<string | null> {
  const row = (await q.query<Pick<Units, 'id'>>(
    `select id from units where province_id = $2 and parent_id is null and valid_from <= $1 and (valid_to is null or valid_to >= $1) order by valid_to is not null, valid_from limit 1`,
    [asOf, provinceId],
  ))[0];
  return row?.id ?? null;
}

export type LevelUnitRow = Pick<Units, 'id' | 'name' | 'short_name' | 'kind'>;

/** The units of one level valid on a date (districts or communes): the map's areas. */
export function unitsOfKindOn(q: Queryable, kind: Units['kind'], asOf: string, provinceId: string): Promise<LevelUnitRow[]> {
  return q.query<LevelUnitRow>(
    `select id, name, short_name, kind from units where province_id = $3 and kind = $1 and valid_from <= $2 and (valid_to is null or valid_to >= $2) order by name`,
    [kind, asOf, provinceId],
  );
}

/** Every unit below the given ones (and themselves): served by unit_closure's primary key. */
export function subtreesOf(q: Queryable, ancestorIds: readonly string[]): Promise<Array<Pick<Tables['unit_closure'], 'ancestor_id' | 'descendant_id'>>> {
  return q.query('select ancestor_id, descendant_id from unit_closure where ancestor_id = any($1::uuid[])', [ancestorIds]);
}

export type YearTaskRow = Pick<Tables['tasks'], 'lead_unit_id' | 'deadline' | 'original_deadline' | 'completed_on' | 'last_progress_at' | 'created_at'>;

/** A province's tasks assigned in [from, to]: tasks_province_assigned_idx. */
export function tasksAssignedIn(q: Queryable, from: string, to: string, provinceId: string): Promise<YearTaskRow[]> {
  return q.query<YearTaskRow>(
    `select lead_unit_id, deadline, original_deadline, completed_on, last_progress_at, created_at from tasks where province_id = $3 and assigned_on between $1 and $2 and cancelled_at is null`,
    [from, to, provinceId],
  );
}

/** Sums per funding source of a fiscal year (projects_budget_idx); bigint sums as numbers (below 2^53). */
export interface SourceSumRow {
  funding_source: Tables['projects']['funding_source'];
  planned: number;
  allocated: number;
  disbursed: number;
  carried_over: number;
  cancelled: number;
}

export function budgetSumsBySource(q: Queryable, year: number, provinceId: string): Promise<SourceSumRow[]> {
  return q.query<SourceSumRow>(
    `select funding_source, sum(estimate)::bigint as planned, sum(coalesce(allocated, 0))::bigint as allocated,
            sum(disbursed)::bigint as disbursed, sum(carried_over)::bigint as carried_over, sum(cancelled)::bigint as cancelled
       from projects where province_id = $2 and fiscal_year = $1 group by funding_source order by funding_source`,
    [year, provinceId],
  );
}

/** Disbursed per month of [from, to] for projects of a fiscal year. */
export function disbursedByMonth(q: Queryable, year: number, from: string, to: string, provinceId: string): Promise<Array<{ month: number; amount: number }>> {
  return q.query(
    `select extract(month from e.date)::int as month, sum(e.amount)::bigint as amount
       from project_events e join projects p on p.id = e.project_id
      where e.action = 'disburse' and p.province_id = $4 and p.fiscal_year = $1 and e.date between $2 and $3 and e.amount is not null
      group by 1`,
    [year, from, to, provinceId],
  );
}

export type RegimeRow = Pick<Tables['report_regimes'], 'id' | 'title' | 'valid_from'> & { period_type: PeriodType; deadline_rule: DeadlineRule };

/** Periodic report regimes in force some time in [from, asOf]. */
export function periodicRegimes(q: Queryable, asOf: string, from: string, provinceId: string): Promise<RegimeRow[]> {
  return q.query<RegimeRow>(
    `select id, title, period_type, deadline_rule, valid_from from report_regimes
      where province_id = $3 and report_kind = 'periodic' and valid_from <= $1 and (valid_to is null or valid_to >= $2)
      order by title`,
    [asOf, from, provinceId],
  );
}

/** Whether anyone has sent a report of the regime for the period. */
export async function anyReportSent(q: Queryable, regimeId: string, period: string): Promise<boolean> {
  return (await q.query('select 1 from report_submissions where regime_id = $1 and period = $2 and first_submitted_at is not null limit 1', [regimeId, period])).length > 0;
}

/** Every unit that owes the regime's report, with when it first sent the period's one (null: not yet). */
export function expectedReports(q: Queryable, regimeId: string, period: string): Promise<Array<{ unit_id: string; first_submitted_at: string | null }>> {
  return q.query(
    `select ru.unit_id, s.first_submitted_at
       from report_regime_units ru
       left join report_submissions s on s.regime_id = ru.regime_id and s.unit_id = ru.unit_id and s.period = $2
      where ru.regime_id = $1`,
    [regimeId, period],
  );
}

export type KeyIndicatorRow = Pick<Tables['indicators'], 'id' | 'code' | 'name' | 'pillar' | 'unit_of_measure' | 'direction'> & { has_target: boolean };

/**
 * The key indicators of a year, `perPillar` per pillar: those with a target for the year
 * first, then by the catalogue's order; only indicators with a target or a value in the year.
 */
export function keyIndicatorRows(q: Queryable, year: string, from: string, to: string, perPillar: number, provinceId: string): Promise<KeyIndicatorRow[]> {
  return q.query<KeyIndicatorRow>(
    `select * from (
       select i.id, i.code, i.name, i.pillar, i.unit_of_measure, i.direction,
              exists (select 1 from indicator_targets t where t.indicator_id = i.id and (t.period = $1 or t.period like $1 || '-%')) as has_target,
              row_number() over (
                partition by i.pillar
                order by exists (select 1 from indicator_targets t where t.indicator_id = i.id and (t.period = $1 or t.period like $1 || '-%')) desc,
                         i.sort_order, i.code) as n
         from indicators i
        where i.pillar <> 'other' and i.parent_id is null
          and i.valid_from <= $3 and (i.valid_to is null or i.valid_to >= $2)
          and (exists (select 1 from indicator_targets t where t.indicator_id = i.id and (t.period = $1 or t.period like $1 || '-%'))
               or exists (select 1 from indicator_values v where v.province_id = $5 and v.indicator_id = i.id and v.period_start >= $2 and v.period_end <= $3))
     ) k where n <= $4 order by pillar, n`,
    [year, from, to, perPillar, provinceId],
  );
}

export interface DossierMonthRow {
  month: string;
  received: number;
  received_online: number;
  to_handle: number;
  late: number;
}

/** One-stop-shop dossiers summed per month (period keys 2022-M07) between two months. */
export function dossierMonths(q: Queryable, fromMonth: string, toMonth: string, provinceId: string): Promise<DossierMonthRow[]> {
  return q.query<DossierMonthRow>(
    `select month, sum(received)::int as received, sum(received_online)::int as received_online, sum(to_handle)::int as to_handle,
            sum(finished_late + in_progress_late)::int as late
       from dossier_monthly where province_id = $3 and month between $1 and $2 group by month`,
    [fromMonth, toMonth, provinceId],
  );
}

export type EvaluationRunRow = Pick<Tables['evaluation_runs'], 'id' | 'period_key' | 'created_at'> & { counts: TEvaluationPanelPayload['counts'] };

/** The latest evaluation run of a period of the year (the year itself first). */
export async function latestEvaluationRun(q: Queryable, year: string, provinceId: string): Promise<EvaluationRunRow | null> {
  // A run rates the units of one province: the province of its rated units.
  return (
    (await q.query<EvaluationRunRow>(
      `select e.id, e.period_key, e.created_at, e.counts from evaluation_runs e
        where (e.period_key = $1 or e.period_key like $1 || '-%')
          and exists (select 1 from evaluation_results r join units u on u.id = r.unit_id where r.run_id = e.id and u.province_id = $2)
        order by (e.period_key = $1) desc, e.created_at desc limit 1`,
      [year, provinceId],
    ))[0] ?? null
  );
}

export function evaluationResults(q: Queryable, runId: string): Promise<Array<Pick<Tables['evaluation_results'], 'unit_id' | 'unit_name' | 'score' | 'class' | 'rank'>>> {
  return q.query('select unit_id, unit_name, score, class, rank from evaluation_results where run_id = $1 order by rank', [runId]);
}
