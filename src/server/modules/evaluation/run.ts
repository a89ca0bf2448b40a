import { criteriaInForce, type Criterion } from '../../../core/evaluation/criteria';
import { scoreUnits, type UnitMeasures } from '../../../core/evaluation/score';
import { isPeriodKey, periodLabel } from '../../../core/periods/period-key';
import { periodRange } from '../../../core/periods/period-range';
import { formatVnDate } from '../../../core/calendar/dates';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound } from '../../errors';
import { collectMeasures } from './collect';
import { listCriterionRows, listThresholdRows, presentRun, resultRows, runRow, SOURCE_PRIORITY, thresholdsInForce, toCriterion } from './queries';
import type { ComponentView, MeasureSource, RunView } from '../../../contracts/evaluation';
import { vnToday } from '../../../core/calendar/timestamps';

export const UNIT_KINDS = ['department', 'agency', 'district', 'commune'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The order of score.ts's compareUnits, in words: shown with every run. */
export const TIE_RULE_VI =
  'Cùng điểm thì xếp trên: đơn vị có tỷ lệ nhiệm vụ hoàn thành đúng hạn cao hơn; rồi đơn vị có ít nhiệm vụ quá hạn hơn; rồi theo tên đơn vị (thứ tự chữ cái tiếng Việt). Đơn vị không có số liệu nào xếp cuối, không xếp loại.';

export interface RunInput {
  period: string;
  unitKinds?: readonly UnitKind[];
  /** The units in scope, when the coordinator names them (the units of the year's plan); else every unit of the kinds. */
  unitIds?: readonly string[];
  note?: string | null;
}

/**
 * Evaluates every unit of the chosen kinds that existed during the period: measures collected
 * from the data (stored as 'data' rows, so anyone can see them), overridden by sample or manual
 * ones; the criteria and class bands in force on the period's last day; the pure core scoring.
 * The run keeps the criteria it used, so later edits never change a published result.
 */
export async function createRun(deps: Pick<Deps, 'db' | 'now'>, ctx: AuditContext, input: RunInput): Promise<RunView> {
  if (!isPeriodKey(input.period)) throw new AppError('VALIDATION', `Kỳ đánh giá không hợp lệ: "${input.period}" (ví dụ: 2022, 2022-H1, 2022-Q3).`, 'period');
  const range = periodRange(input.period);
  const asOf = range.end;
  const kinds = input.unitKinds && input.unitKinds.length > 0 ? [...new Set(input.unitKinds)] : ['department', 'agency'];
  const today = vnToday(deps.now());
  const runId = await deps.db.transaction(async (tx) => {
    const criteria = criteriaInForce((await listCriterionRows(tx)).map(toCriterion), asOf);
    if (criteria.length === 0) throw new AppError('VALIDATION', `Chưa có tiêu chí đánh giá nào có hiệu lực vào ngày ${formatVnDate(asOf)}.`, 'period');
    const classes = thresholdsInForce(await listThresholdRows(tx), asOf);
    if (!classes) throw new AppError('VALIDATION', `Chưa có ngưỡng xếp loại nào có hiệu lực vào ngày ${formatVnDate(asOf)}.`, 'period');

    const collected = await collectMeasures(tx, input.period, today);
    await tx.query(`delete from evaluation_measures where period_key = $1 and source = 'data'`, [input.period]);
    if (collected.length > 0) {
      await tx.query(
        `insert into evaluation_measures (period_key, unit_id, code, source, value, note)
         select $1, u, c, 'data', v, n from unnest($2::uuid[], $3::text[], $4::numeric[], $5::text[]) as t(u, c, v, n)`,
        [input.period, collected.map((m) => m.unitId), collected.map((m) => m.code), collected.map((m) => m.value), collected.map((m) => m.note)],
      );
    }

    const units = await tx.query<{ id: string; name: string; kind: string }>(
      `select id, name, kind from units
        where ($4::uuid[] is null and kind = any($1::text[]) or id = any($4::uuid[]))
          and valid_from <= $3 and (valid_to is null or valid_to >= $2)`,
      [kinds, range.start, range.end, input.unitIds && input.unitIds.length > 0 ? input.unitIds : null],
    );
    if (input.unitIds && input.unitIds.length > 0 && units.length < new Set(input.unitIds).size) {
      throw new AppError('VALIDATION', 'Có đơn vị không tồn tại hoặc không còn hoạt động trong kỳ đánh giá.', 'unitIds');
    }
    const stored = await tx.query<{ unit_id: string; code: string; source: MeasureSource; value: number | null }>(
      'select unit_id, code, source, value from evaluation_measures where period_key = $1 and unit_id = any($2::uuid[])',
      [input.period, units.map((u) => u.id)],
    );
    const chosen = new Map<string, Map<string, { source: MeasureSource; value: number | null }>>();
    for (const m of stored) {
      const perUnit = chosen.get(m.unit_id) ?? new Map();
      const seen = perUnit.get(m.code);
      if (!seen || SOURCE_PRIORITY.indexOf(m.source) < SOURCE_PRIORITY.indexOf(seen.source)) perUnit.set(m.code, { source: m.source, value: m.value });
      chosen.set(m.unit_id, perUnit);
    }
    const inputs: UnitMeasures[] = units.map((u) => ({
      unitId: u.id,
      unitName: u.name,
      measures: Object.fromEntries([...(chosen.get(u.id) ?? new Map()).entries()].map(([code, m]) => [code, m.value])),
    }));
    const scored = scoreUnits(criteria, inputs, classes);
    const counts = { ghi_nhan: 0, rut_kinh_nghiem: 0, phe_binh: 0, unclassed: 0 };
    for (const s of scored) counts[s.evaluationClass ?? 'unclassed'] += 1;

    const [run] = await tx.query<{ id: string }>(
      `insert into evaluation_runs (period_key, as_of, unit_kinds, criteria, class_thresholds, counts, note, created_by, created_by_name, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [input.period, asOf, kinds, JSON.stringify(criteria), JSON.stringify(classes), JSON.stringify(counts), input.note ?? null, ctx.actorId, ctx.actorName, deps.now().toISOString()],
    );
    const kindOf = new Map(units.map((u) => [u.id, u.kind]));
    for (const s of scored) {
      const sources = Object.fromEntries([...(chosen.get(s.unitId) ?? new Map()).entries()].map(([code, m]) => [code, m.source]));
      await tx.query(
        `insert into evaluation_results (run_id, unit_id, unit_name, unit_kind, rank, score, total, max_points, class, reason, components, measure_sources)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [run!.id, s.unitId, s.unitName, kindOf.get(s.unitId), s.rank, s.score, s.total, s.maxPoints, s.evaluationClass, s.reason, JSON.stringify(s.components), JSON.stringify(sources)],
      );
    }
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'evaluation_run',
      entityId: run!.id,
      after: { period: input.period, unitKinds: kinds, units: units.length, counts, criteria: criteria.map((c) => `${c.code}@${c.validFrom}`), classThresholds: classes, measuresCollected: collected.length },
    });
    return run!.id;
  });
  return runView(deps, runId);
}

export async function runView(deps: Pick<Deps, 'db'>, id: string): Promise<RunView> {
  const run = await runRow(deps.db, id);
  if (!run) throw notFound('đợt đánh giá');
  const criteria = run.criteria as Criterion[];
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const classes = run.class_thresholds as { ghiNhanFrom: number; pheBinhBelow: number; validFrom: string };
  const results = (await resultRows(deps.db, id)).map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitKind: r.unit_kind,
    rank: r.rank,
    score: r.score,
    total: r.total,
    maxPoints: r.max_points,
    class: r.class,
    reason: r.reason,
    components: r.components.map((c): ComponentView => {
      const def = byCode.get(c.code);
      return { ...c, source: r.measure_sources[c.code] ?? null, thresholds: def ? { ...def.thresholds } : null, direction: def?.direction ?? null };
    }),
  }));
  return {
    ...presentRun(run),
    periodLabel: periodLabel(run.period_key),
    criteria: criteria.map((c) => ({ code: c.code, name: c.name, weight: c.weight, direction: c.direction, unit: c.unit, thresholds: c.thresholds, validFrom: c.validFrom })),
    classThresholds: classes,
    tieRule: TIE_RULE_VI,
    results,
  };
}
