import { percentOf, roundHalfAway } from '../../../../core/format/number';
import { placeKey, placeName } from '../names';
import type { TRag, TUnitFigures, TUnitMetric, TUnitsPayload } from '../../../../contracts/dashboard';
import { subtreesOf, unitsOfKindOn } from '../queries';
import { budgetFigures } from './budget';
import { memo, noData, ok, type PanelContext, type PanelDef } from './context';
import { latestEvaluation } from './evaluation';
import { keyIndicators } from './pillars';
import { reportFigures } from './reports';
import { taskFigures } from './tasks';

/** Districts existed until 30/06/2025; from 01/07/2025 the city's units are its communes. */
export const TWO_LEVEL_FROM = '2025-07-01';

function levelOf(asOf: string): 'district' | 'commune' {
  return asOf >= TWO_LEVEL_FROM ? 'commune' : 'district';
}

/** Per unit of the map's level (its whole subtree counted): the figures a leader can colour the map by. */
export function unitsFigures(ctx: PanelContext): Promise<TUnitsPayload> {
  return memo(ctx, 'units', async () => {
    const level = levelOf(ctx.asOf);
    const units = await unitsOfKindOn(ctx.q, level, ctx.asOf, ctx.provinceId);
    const ids = units.map((u) => u.id);
    const closure = await subtreesOf(ctx.q, ids);
    const below = new Map<string, string[]>();
    for (const c of closure) below.set(c.ancestor_id, [...(below.get(c.ancestor_id) ?? []), c.descendant_id]);

    const [tasks, reports, budget, evaluation, indicators] = await Promise.all([
      taskFigures(ctx),
      reportFigures(ctx),
      budgetFigures(ctx),
      latestEvaluation(ctx),
      keyIndicators(ctx),
    ]);
    const metrics: TUnitMetric[] = [];
    if (tasks) {
      metrics.push({ key: 'tasks_overdue', name: 'Nhiệm vụ quá hạn', unit: 'nhiệm vụ', direction: 'lower_better' });
      metrics.push({ key: 'tasks_on_time_rate', name: 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn', unit: '%', direction: 'higher_better' });
    }
    if (reports) metrics.push({ key: 'reports_late', name: 'Báo cáo chậm, chưa nộp', unit: 'báo cáo', direction: 'lower_better' });
    if (budget) metrics.push({ key: 'budget_at_risk', name: 'Kinh phí có nguy cơ không giải ngân kịp', unit: 'tỷ đồng', direction: 'lower_better' });
    if (evaluation.run) metrics.push({ key: 'evaluation_score', name: 'Điểm đánh giá', unit: 'điểm', direction: 'higher_better' });
    const childValues = new Map<string, Map<string, number | null>>();
    const childRag = new Map<string, Map<string, TRag | null>>();
    for (const k of indicators ?? []) {
      if (!k.result) continue;
      const key = `ind:${k.row.code}`;
      const values = new Map(k.result.children.map((c) => [c.unitId, c.value] as const));
      if (!units.some((u) => values.has(u.id))) continue;
      metrics.push({ key, name: k.row.name, unit: k.row.unit_of_measure, direction: k.row.direction, target: k.result.total.target?.value ?? null });
      childValues.set(key, values);
      // Each unit against its own level's target (a commune's may be lower than the city's).
      childRag.set(key, new Map(k.result.children.map((c) => [c.unitId, c.rag] as const)));
    }

    const out: TUnitFigures[] = units.map((u) => {
      const sub = below.get(u.id) ?? [u.id];
      const values: Record<string, number | null> = {};
      if (tasks) {
        let overdue = 0;
        let onTime = 0;
        let due = 0;
        for (const id of sub) {
          const t = tasks.byUnit.get(id);
          if (!t) continue;
          overdue += t.overdueOpen;
          onTime += t.doneOnTime;
          due += t.dueOrDone;
        }
        values.tasks_overdue = overdue;
        values.tasks_on_time_rate = percentOf(onTime, due);
      }
      if (reports) values.reports_late = sub.reduce((s, id) => s + (reports.lateByUnit.get(id)?.late ?? 0) + (reports.lateByUnit.get(id)?.missing ?? 0), 0);
      if (budget) values.budget_at_risk = roundHalfAway(sub.reduce((s, id) => s + (budget.atRiskByUnit.get(id)?.amount ?? 0), 0) / 1e9, 2);
      if (evaluation.run) values.evaluation_score = evaluation.byUnit.get(u.id)?.score ?? null;
      for (const [key, m] of childValues) values[key] = m.get(u.id) ?? null;
      const rag: Record<string, TRag | null> = {};
      for (const [key, m] of childRag) rag[key] = m.get(u.id) ?? null;
      return { id: u.id, name: u.name, shortName: u.short_name ? placeName(u.short_name) : placeName(u.name), mapKey: placeKey(u.name), kind: u.kind, values, rag };
    });
    return { level, metrics, units: out };
  });
}

export const unitsPanel: PanelDef<TUnitsPayload> = {
  key: 'units',
  affectedBy: ['/api/'],
  link: () => '/tasks?tab=summary',
  async compute(ctx) {
    const payload = await unitsFigures(ctx);
    if (payload.units.length === 0) return noData(payload, 'Chưa có dữ liệu: chưa có đơn vị hành chính cấp dưới.');
    if (payload.metrics.length === 0) return noData(payload, 'Chưa có dữ liệu để tô màu bản đồ.');
    return ok(payload);
  },
};
