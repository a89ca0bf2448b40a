import { LEVEL_KINDS, ruleSetInForce, type UnitLevel } from '../../../core/evaluation/rule-set';
import { scoreUnits, type UnitMeasures } from '../../../core/evaluation/score';
import { isPeriodKey, periodLabel } from '../../../core/periods/period-key';
import { periodRange } from '../../../core/periods/period-range';
import { formatVnDate } from '../../../core/calendar/dates';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound } from '../../errors';
import { collectMeasures } from './collect';
import { insertResults, insertRun, listRuleSetRows, presentRuleSet, presentRun, resultRows, runRow, toRuleSet, unitsInScope } from './queries';
import type { ComponentView, RunView } from '../../../contracts/evaluation';
import { vnToday } from '../../../core/calendar/timestamps';

export const UNIT_KINDS = ['department', 'agency', 'district', 'commune'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The order of score.ts's compareUnits, in words: shown with every run. */
export const TIE_RULE_VI =
  'Xếp theo loại (ghi nhận, rút kinh nghiệm, phê bình, chưa xếp loại); trong cùng loại: điểm cao hơn (nếu bộ quy tắc có tính điểm), rồi theo các khoá xếp hạng của bộ quy tắc (ví dụ tỷ lệ giải ngân cao hơn, tỷ lệ nhiệm vụ hoàn thành đúng hạn cao hơn, ít nhiệm vụ quá hạn hơn), rồi theo tên đơn vị (thứ tự chữ cái tiếng Việt).';

export interface RunInput {
  period: string;
  /** City bodies (departments, agencies, districts) or communes and wards: each level has its own rule set. */
  unitLevel?: UnitLevel;
  unitKinds?: readonly UnitKind[];
  /** The units in scope, when the coordinator names them; else every unit of the kinds. */
  unitIds?: readonly string[];
  note?: string | null;
}

/**
 * Evaluates the units of one level that existed during the period, under the rule set of that
 * level in force on the period's last day. Every measure is collected from the data at run
 * time (tasks, budget, reports, indicators); nothing can replace it. The run keeps the rule set
 * it applied, so later changes never alter a published result.
 */
export async function createRun(deps: Pick<Deps, 'db' | 'now'>, ctx: AuditContext, input: RunInput): Promise<RunView> {
  if (!isPeriodKey(input.period)) throw new AppError('VALIDATION', `Kỳ đánh giá không hợp lệ: "${input.period}" (ví dụ: 2022, 2022-H1, 2022-Q3).`, 'period');
  const range = periodRange(input.period);
  const asOf = range.end;
  const level: UnitLevel = input.unitLevel ?? (input.unitKinds?.length && input.unitKinds.every((k) => k === 'commune') ? 'commune' : 'city');
  const allowed = LEVEL_KINDS[level].allowed;
  const kinds = input.unitKinds && input.unitKinds.length > 0 ? [...new Set(input.unitKinds)] : [...LEVEL_KINDS[level].defaults];
  const wrong = kinds.filter((k) => !allowed.includes(k));
  if (wrong.length > 0) {
    throw new AppError('VALIDATION', level === 'commune' ? 'Đợt đánh giá cấp xã chỉ gồm xã, phường, đặc khu.' : 'Đợt đánh giá cấp thành phố không gồm xã, phường: hãy lập đợt đánh giá cấp xã riêng.', 'unitKinds');
  }
  const today = vnToday(deps.now());
  const runId = await deps.db.transaction(async (tx) => {
    const sets = (await listRuleSetRows(tx)).map(toRuleSet);
    const ruleSet = ruleSetInForce(sets, level, asOf);
    if (!ruleSet) throw new AppError('VALIDATION', `Chưa có bộ quy tắc đánh giá ${level === 'commune' ? 'cấp xã' : 'cấp thành phố'} nào có hiệu lực vào ngày ${formatVnDate(asOf)}.`, 'period');

    const units = await unitsInScope(tx, kinds, range.start, range.end, input.unitIds && input.unitIds.length > 0 ? input.unitIds : null);
    if (input.unitIds && input.unitIds.length > 0 && units.length < new Set(input.unitIds).size) {
      throw new AppError('VALIDATION', 'Có đơn vị không tồn tại hoặc không còn hoạt động trong kỳ đánh giá.', 'unitIds');
    }
    if (units.some((u) => !allowed.includes(u.kind))) throw new AppError('VALIDATION', 'Có đơn vị không thuộc cấp của đợt đánh giá.', 'unitIds');

    const collected = await collectMeasures(tx, input.period, today);
    const byUnit = new Map<string, { measures: Record<string, number>; details: Record<string, string> }>();
    for (const m of collected) {
      const u = byUnit.get(m.unitId) ?? { measures: {}, details: {} };
      u.measures[m.code] = m.value;
      if (m.note) u.details[m.code] = m.note;
      byUnit.set(m.unitId, u);
    }
    const inputs: UnitMeasures[] = units.map((u) => ({ unitId: u.id, unitName: u.name, measures: byUnit.get(u.id)?.measures ?? {}, details: byUnit.get(u.id)?.details ?? {} }));
    const scored = scoreUnits(ruleSet, inputs);
    const counts = { ghi_nhan: 0, rut_kinh_nghiem: 0, phe_binh: 0, unclassed: 0 };
    for (const s of scored) counts[s.evaluationClass ?? 'unclassed'] += 1;

    const id = await insertRun(tx, { period: input.period, asOf, unitLevel: level, kinds, ruleSet, counts, note: input.note ?? null, actorId: ctx.actorId, actorName: ctx.actorName, at: deps.now().toISOString() });
    const kindOf = new Map(units.map((u) => [u.id, u.kind]));
    await insertResults(tx, id, scored.map((s) => ({
      unitId: s.unitId, unitName: s.unitName, unitKind: kindOf.get(s.unitId) ?? '', rank: s.rank, score: s.score, total: s.total, maxPoints: s.maxPoints,
      class: s.evaluationClass, ground: s.ground, reason: s.reason, components: s.components,
    })));
    await recordAudit(tx, ctx, {
      action: 'create',
      entity: 'evaluation_run',
      entityId: id,
      after: { period: input.period, unitLevel: level, unitKinds: kinds, units: units.length, evaluated: scored.length, counts, ruleSet: `${ruleSet.code}@${ruleSet.validFrom}`, measuresCollected: collected.length },
    });
    return id;
  });
  return runView(deps, runId);
}

export async function runView(deps: Pick<Deps, 'db'>, id: string): Promise<RunView> {
  const run = await runRow(deps.db, id);
  if (!run) throw notFound('đợt đánh giá');
  const ruleSet = run.rule_set;
  const byCode = new Map(ruleSet.criteria.map((c) => [c.code, c]));
  const results = (await resultRows(deps.db, id)).map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitKind: r.unit_kind,
    rank: r.rank,
    score: r.score,
    total: r.total,
    maxPoints: r.max_points,
    class: r.class,
    ground: r.ground,
    reason: r.reason,
    components: r.components.map((c): ComponentView => {
      const def = byCode.get(c.code);
      const scored = def !== undefined && def.weight > 0;
      return { ...c, detail: c.detail ?? null, thresholds: scored ? { ...def.thresholds } : null, direction: def?.direction ?? null };
    }),
  }));
  return {
    ...presentRun(run),
    periodLabel: periodLabel(run.period_key),
    ruleSet: presentRuleSet(ruleSet, null, false),
    tieRule: TIE_RULE_VI,
    results,
  };
}
