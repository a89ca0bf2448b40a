import type { EvaluationPanelPayload } from '../../../../contracts/dashboard';
import { memo, noData, ok, type PanelContext, type PanelDef } from './context';

interface RunRow {
  id: string;
  period_key: string;
  created_at: string;
  counts: EvaluationPanelPayload['counts'];
}

export interface LatestEvaluation {
  run: RunRow | null;
  /** unit id → score, class, rank */
  byUnit: Map<string, { score: number | null; class: string | null; rank: number; name: string }>;
}

/** The latest evaluation run of a period of the year (the year itself first). */
export function latestEvaluation(ctx: PanelContext): Promise<LatestEvaluation> {
  return memo(ctx, 'evaluation', async () => {
    const run = (await ctx.q.query<RunRow>(
      `select id, period_key, created_at, counts from evaluation_runs
        where period_key = $1 or period_key like $1 || '-%'
        order by (period_key = $1) desc, created_at desc limit 1`,
      [String(ctx.year)],
    ))[0] ?? null;
    const byUnit: LatestEvaluation['byUnit'] = new Map();
    if (run) {
      const rows = await ctx.q.query<{ unit_id: string; unit_name: string; score: number | null; class: string | null; rank: number }>(
        'select unit_id, unit_name, score, class, rank from evaluation_results where run_id = $1 order by rank',
        [run.id],
      );
      for (const r of rows) byUnit.set(r.unit_id, { score: r.score, class: r.class, rank: r.rank, name: r.unit_name });
    }
    return { run, byUnit };
  });
}

export const evaluationPanel: PanelDef<EvaluationPanelPayload> = {
  key: 'evaluation',
  affectedBy: ['/api/evaluation'],
  link: ({ year }, p) => (p.runId ? `/evaluation?run=${p.runId}` : `/evaluation?period=${year}`),
  async compute(ctx) {
    const { run, byUnit } = await latestEvaluation(ctx);
    const empty: EvaluationPanelPayload = {
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
