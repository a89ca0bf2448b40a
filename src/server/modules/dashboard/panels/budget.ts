import { percentOf } from '../../../../core/format/number';
import { riskList } from '../../projects/analysis';
import { loadPortfolio } from '../../projects/portfolio';
import type { TBudgetPayload } from '../../../../contracts/dashboard';
import { budgetSumsBySource, disbursedByMonth as disbursedPerMonth, type SourceSumRow } from '../queries';
import { hasTables, memo, noData, ok, type PanelContext, type PanelDef } from './context';

const SOURCE_LABEL: Readonly<Record<string, string>> = {
  public_investment: 'Đầu tư công',
  recurrent: 'Chi thường xuyên',
  other: 'Nguồn khác',
};

export interface BudgetFigures {
  payload: TBudgetPayload;
  /** unit id → money at risk (đồng) and number of items. */
  atRiskByUnit: Map<string, { amount: number; count: number }>;
  /** Disbursed per month of the year (đồng), from the disbursement events. */
  disbursedByMonth: number[];
}

/** Money of the fiscal year read from the projects (so totals are sums of their parts), and money at risk. */
export function budgetFigures(ctx: PanelContext): Promise<BudgetFigures | null> {
  return memo(ctx, 'budget', async () => {
    if (!(await hasTables(ctx.q, ['projects', 'pipeline_templates', 'pipeline_role_units', 'project_events']))) return null;
    const sums = await budgetSumsBySource(ctx.q, ctx.year, ctx.provinceId);
    const events = await disbursedPerMonth(ctx.q, ctx.year, ctx.from, ctx.asOf, ctx.provinceId);
    const disbursedByMonth = new Array<number>(12).fill(0);
    for (const e of events) disbursedByMonth[e.month - 1] = e.amount;

    // Money at risk is the projects module's own early-warning list (step limits and the
    // paces observed per appraiser), so the wall and the Dự án page never disagree.
    const atRiskByUnit = new Map<string, { amount: number; count: number }>();
    let atRisk = 0;
    let atRiskCount = 0;
    const { rules, items } = await loadPortfolio(ctx.q, null, ctx.asOf, { provinceId: ctx.provinceId });
    const ofYear = items.filter((p) => p.row.fiscal_year === ctx.year);
    for (const a of riskList(rules, items, ofYear, ctx.asOf)) {
      if (!a.atRisk) continue;
      atRisk += a.amount;
      atRiskCount += 1;
      const u = atRiskByUnit.get(a.unitId) ?? { amount: 0, count: 0 };
      u.amount += a.amount;
      u.count += 1;
      atRiskByUnit.set(a.unitId, u);
    }
    const total = (k: keyof Omit<SourceSumRow, 'funding_source'>) => sums.reduce((s, r) => s + BigInt(r[k]), 0n);
    const planned = total('planned');
    const disbursed = total('disbursed');
    const payload: TBudgetPayload = {
      year: ctx.year,
      planned: Number(planned),
      allocated: Number(total('allocated')),
      disbursed: Number(disbursed),
      carriedOver: Number(total('carried_over')),
      cancelled: Number(total('cancelled')),
      atRisk,
      atRiskCount,
      // Against the plan, as the city reports it (2022: 20 of 397 tỷ đồng).
      disbursementRate: percentOf(disbursed, planned), // exact: 20/397 → 5,04 %, never the 5,03 % of an integer division
      bySource: sums.map((r) => ({
        source: r.funding_source,
        label: SOURCE_LABEL[r.funding_source] ?? r.funding_source,
        planned: r.planned,
        allocated: r.allocated,
        disbursed: r.disbursed,
      })),
    };
    return { payload, atRiskByUnit, disbursedByMonth };
  });
}

function emptyBudget(year: number): TBudgetPayload {
  return { year, planned: 0, allocated: 0, disbursed: 0, carriedOver: 0, cancelled: 0, atRisk: 0, atRiskCount: 0, disbursementRate: null, bySource: [] };
}

export const budgetPanel: PanelDef<TBudgetPayload> = {
  key: 'budget',
  affectedBy: ['/api/projects', '/api/budget', '/api/pipelines', '/api/pipeline'],
  link: () => '/projects?tab=budget',
  async compute(ctx) {
    const f = await budgetFigures(ctx);
    if (!f) return noData(emptyBudget(ctx.year), 'Chưa có dữ liệu: phân hệ dự án và kinh phí chưa được cài đặt.');
    if (f.payload.planned === 0) return noData(f.payload, `Chưa có dữ liệu: chưa có dự án, nhiệm vụ có kinh phí năm ${ctx.year}.`);
    return ok(f.payload);
  },
};
