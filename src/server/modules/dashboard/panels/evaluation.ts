import type { TEvaluationPanelPayload } from '../../../../contracts/dashboard';
import { evaluationResults, latestEvaluationRun, type EvaluationRunRow } from '../queries';
import { memo, noData, ok, type PanelContext, type PanelDef } from './context';

export interface LatestEvaluation {
  run: EvaluationRunRow | null;
  /** unit id → score, class, rank */
  byUnit: Map<string, { score: number | null; class: string | null; rank: number; name: string }>;
}

/** The latest evaluation run of a period of the year (the year itself first). */
export function latestEvaluation(ctx: PanelContext): Promise<LatestEvaluation> {
  return memo(ctx, 'evaluation', async () => {
    const run = await latestEvaluationRun(ctx.q, String(ctx.year), ctx.provinceId);
    const byUnit: LatestEvaluation['byUnit'] = new Map();
    if (run) {
      for (const r of await evaluationResults(ctx.q, run.id)) byUnit.set(r.unit_id, { score: r.score, class: r.class, rank: r.rank, name: r.unit_name });
    }
    return { run, byUnit };
  });
}

export const evaluationPanel: PanelDef<TEvaluationPanelPayload> = {
  key: 'evaluation',
  affectedBy: ['/api/evaluation'],
  link: ({ year }, p) => (p.runId ? `/evaluation?run=${p.runId}` : `/evaluation?period=${year}`),
  async compute(ctx) {
    const { run, byUnit } = await latestEvaluation(ctx);
    const empty: TEvaluationPanelPayload = {
      runId: null,
      period: null,
      createdAt: null,
      counts: { ghi_nhan: 0, rut_kinh_nghiem: 0, phe_binh: 0, unclassed: 0 },
      lowest: [],
    };
    if (!run) return noData(empty, `Chưa có dữ liệu: chưa chạy đánh giá đơn vị cho năm ${ctx.year}.`);
    const classed = [...byUnit.entries()].filter(([, u]) => u.class !== null);
    const lowest = classed
      .slice(-5)
      .reverse()
      .map(([unitId, u]) => ({ unitId, unitName: u.name, score: u.score, rank: u.rank, class: u.class }));
    return ok({ runId: run.id, period: run.period_key, createdAt: run.created_at, counts: run.counts, lowest });
  },
};
