import type { RuleSet } from '../../../core/evaluation/rule-set';
import { periodLabel } from '../../../core/periods/period-key';
import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';
import type { RuleSetView, RunSummary } from '../../../contracts/evaluation';

export type RuleSetRow = Pick<Tables['evaluation_rule_sets'], 'id' | 'code' | 'name' | 'source' | 'valid_from' | 'valid_to' | 'sample'> & {
  unit_level: RuleSet['unitLevel'];
  criteria: RuleSet['criteria'];
  scope: RuleSet['scope'];
  class_rules: RuleSet['classRules'];
  rank_by: RuleSet['rankBy'];
};

export function listRuleSetRows(q: Queryable): Promise<RuleSetRow[]> {
  return q.query<RuleSetRow>(
    `select id, code, name, unit_level, criteria, scope, class_rules, rank_by, source, valid_from, valid_to, sample
       from evaluation_rule_sets order by unit_level, valid_from desc, code`,
  );
}

export function toRuleSet(r: RuleSetRow): RuleSet {
  return {
    code: r.code,
    name: r.name,
    unitLevel: r.unit_level,
    criteria: r.criteria,
    scope: r.scope,
    classRules: r.class_rules,
    rankBy: r.rank_by,
    source: r.source,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    sample: r.sample,
  };
}

export function presentRuleSet(rs: RuleSet, id: string | null, inForce: boolean): RuleSetView {
  return {
    id,
    code: rs.code,
    name: rs.name,
    unitLevel: rs.unitLevel,
    criteria: rs.criteria.map((c) => ({ ...c, thresholds: { ...c.thresholds } })),
    scope: [...rs.scope],
    classRules: rs.classRules.map((r) => ({ ...r, all: r.all ? [...r.all] : undefined, any: r.any ? [...r.any] : undefined })),
    rankBy: [...rs.rankBy],
    source: rs.source,
    validFrom: rs.validFrom,
    validTo: rs.validTo,
    sample: rs.sample,
    inForce,
  };
}

export async function ruleSetExists(q: Queryable, code: string, validFrom: string): Promise<boolean> {
  return (await q.query('select 1 from evaluation_rule_sets where code = $1 and valid_from = $2', [code, validFrom])).length > 0;
}

export async function insertRuleSet(q: Queryable, rs: RuleSet, createdBy: string | null): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into evaluation_rule_sets (code, name, unit_level, criteria, scope, class_rules, rank_by, source, valid_from, valid_to, sample, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     on conflict (code, valid_from) do nothing returning id`,
    [rs.code, rs.name, rs.unitLevel, JSON.stringify(rs.criteria), JSON.stringify(rs.scope), JSON.stringify(rs.classRules), JSON.stringify(rs.rankBy), rs.source, rs.validFrom, rs.validTo, rs.sample, createdBy],
  );
  return row?.id ?? '';
}

/**
 * Per unit, its projects of a fiscal year: the sums the budget screen shows (allocated,
 * disbursed, carried over, cancelled) and how many had no dossier submitted by `asOf`.
 */
export interface ProjectOutcomeRow {
  unit_id: string;
  projects: number;
  allocated: string;
  disbursed: string;
  carried_over: string;
  cancelled: string;
  without_dossier: number;
}

export function projectOutcomes(q: Queryable, year: number, asOf: string): Promise<ProjectOutcomeRow[]> {
  return q.query<ProjectOutcomeRow>(
    `select p.unit_id, count(*)::int as projects, coalesce(sum(p.allocated), 0)::text as allocated, sum(p.disbursed)::text as disbursed,
            sum(p.carried_over)::text as carried_over, sum(p.cancelled)::text as cancelled,
            count(*) filter (where not exists (
              select 1 from project_events e where e.project_id = p.id and e.action = 'submit' and e.date <= $2))::int as without_dossier
       from projects p where p.fiscal_year = $1 group by p.unit_id`,
    [year, asOf],
  );
}

/** Units of the given kinds (or the given ids) that existed during the period. */
export function unitsInScope(q: Queryable, kinds: readonly string[], start: string, end: string, ids: readonly string[] | null) {
  return q.query<Pick<Tables['units'], 'id' | 'name' | 'kind'>>(
    `select id, name, kind from units
      where ($4::uuid[] is null and kind = any($1::text[]) or id = any($4::uuid[]))
        and valid_from <= $3 and (valid_to is null or valid_to >= $2)`,
    [kinds, start, end, ids],
  );
}

interface RunRow {
  id: string;
  period_key: string;
  as_of: string;
  unit_level: 'city' | 'commune';
  unit_kinds: string[];
  counts: RunSummary['counts'];
  note: string | null;
  created_by_name: string;
  created_at: string;
  has_letter: boolean;
}

const SELECT_RUNS = `
  select r.id, r.period_key, r.as_of, r.unit_level, r.unit_kinds, r.counts, r.note, r.created_by_name, r.created_at,
         exists (select 1 from evaluation_letters l where l.run_id = r.id) as has_letter
    from evaluation_runs r`;

export function presentRun(r: RunRow): RunSummary {
  return {
    id: r.id,
    period: r.period_key,
    periodLabel: periodLabel(r.period_key),
    asOf: r.as_of,
    unitLevel: r.unit_level,
    unitKinds: r.unit_kinds,
    counts: r.counts,
    note: r.note,
    createdBy: r.created_by_name,
    createdAt: r.created_at,
    hasLetter: r.has_letter,
  };
}

export async function listRuns(q: Queryable, period?: string): Promise<RunSummary[]> {
  const rows = await q.query<RunRow>(
    `${SELECT_RUNS} where ($1::text is null or r.period_key = $1) order by r.created_at desc limit 200`,
    [period ?? null],
  );
  return rows.map(presentRun);
}

export async function runRow(q: Queryable, id: string): Promise<(RunRow & { rule_set: RuleSet }) | undefined> {
  return (await q.query<RunRow & { rule_set: RuleSet }>(
    `select r.id, r.period_key, r.as_of, r.unit_level, r.unit_kinds, r.counts, r.note, r.created_by_name, r.created_at, r.rule_set,
            exists (select 1 from evaluation_letters l where l.run_id = r.id) as has_letter
       from evaluation_runs r where r.id = $1`,
    [id],
  ))[0];
}

export interface ResultRow {
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  rank: number;
  score: number | null;
  total: number;
  max_points: number;
  class: 'ghi_nhan' | 'rut_kinh_nghiem' | 'phe_binh' | null;
  ground: string | null;
  reason: string;
  components: Array<{ code: string; name: string; unit: 'percent' | 'count' | 'money'; applicable: boolean; raw: number | null; detail?: string | null; normalised: number | null; weight: number; points: number }>;
}

export function resultRows(q: Queryable, runId: string): Promise<ResultRow[]> {
  return q.query<ResultRow>(
    `select unit_id, unit_name, unit_kind, rank, score, total, max_points, class, ground, reason, components
       from evaluation_results where run_id = $1 order by rank`,
    [runId],
  );
}

export async function insertRun(
  q: Queryable,
  r: { period: string; asOf: string; unitLevel: string; kinds: readonly string[]; ruleSet: RuleSet; counts: RunSummary['counts']; note: string | null; actorId: string | null; actorName: string; at: string },
): Promise<string> {
  const [run] = await q.query<{ id: string }>(
    `insert into evaluation_runs (period_key, as_of, unit_level, unit_kinds, rule_set, counts, note, created_by, created_by_name, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [r.period, r.asOf, r.unitLevel, r.kinds, JSON.stringify(r.ruleSet), JSON.stringify(r.counts), r.note, r.actorId, r.actorName, r.at],
  );
  return run!.id;
}

export interface ResultInsert {
  unitId: string;
  unitName: string;
  unitKind: string;
  rank: number;
  score: number | null;
  total: number;
  maxPoints: number;
  class: string | null;
  ground: string | null;
  reason: string;
  components: unknown;
}

/** Every result of a run in one statement. */
export async function insertResults(q: Queryable, runId: string, rows: readonly ResultInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `insert into evaluation_results (run_id, unit_id, unit_name, unit_kind, rank, score, total, max_points, class, ground, reason, components)
     select $1, x.unit_id, x.unit_name, x.unit_kind, x.rank, x.score, x.total, x.max_points, x.class, x.ground, x.reason, x.components
       from jsonb_to_recordset($2::jsonb) as x(unit_id uuid, unit_name text, unit_kind text, rank int, score numeric, total numeric, max_points numeric,
                                               class text, ground text, reason text, components jsonb)`,
    [runId, JSON.stringify(rows.map((r) => ({ unit_id: r.unitId, unit_name: r.unitName, unit_kind: r.unitKind, rank: r.rank, score: r.score, total: r.total, max_points: r.maxPoints, class: r.class, ground: r.ground, reason: r.reason, components: r.components })))],
  );
}
