import { compareIsoDates } from '../../../../core/calendar/dates';
import { assessRisk, type FundingSource, type RiskItem } from '../../../../core/projects/risk';
import type { PipelineState } from '../../../../core/projects/pipeline';
import { loadHolidaySet } from '../../calendar/holidays';
import { listRoleUnitRows, listTemplateRows, toCoreRoleUnit, toCoreTemplate } from '../../pipelines/queries';
import type { BudgetPayload } from '../types';
import { hasTables, memo, noData, ok, type PanelContext, type PanelDef } from './context';

const SOURCE_LABEL: Readonly<Record<string, string>> = {
  public_investment: 'Đầu tư công',
  recurrent: 'Chi thường xuyên',
  other: 'Nguồn khác',
};

interface SumRow {
  funding_source: string;
  planned: number;
  allocated: number;
  disbursed: number;
  carried_over: number;
  cancelled: number;
}

interface OpenRow {
  id: string;
  unit_id: string;
  kind: RiskItem['kind'];
  funding_source: FundingSource;
  fiscal_year: number;
  estimate: number;
  allocated: number | null;
  disbursed: number;
  template_code: string;
  step_index: number;
  step_started_on: string;
  started_on: string;
  revisions: number;
}

export interface BudgetFigures {
  payload: BudgetPayload;
  /** unit id → money at risk (đồng) and number of items. */
  atRiskByUnit: Map<string, { amount: number; count: number }>;
  /** Disbursed per month of the year (đồng), from the disbursement events. */
  disbursedByMonth: number[];
}

/**
 * Money of the fiscal year read from the projects (so totals are sums of their parts), and
 * money at risk by the core early-warning rule on the step limits for every open item: funded
 * (or planned, when not yet allocated) and not yet disbursed.
 */
export function budgetFigures(ctx: PanelContext): Promise<BudgetFigures | null> {
  return memo(ctx, 'budget', async () => {
    if (!(await hasTables(ctx.q, ['projects', 'pipeline_templates', 'pipeline_role_units', 'project_events']))) return null;
    const sums = await ctx.q.query<SumRow>(
      `select funding_source, sum(estimate)::bigint as planned, sum(coalesce(allocated, 0))::bigint as allocated,
              sum(disbursed)::bigint as disbursed, sum(carried_over)::bigint as carried_over, sum(cancelled)::bigint as cancelled
         from projects where fiscal_year = $1 group by funding_source order by funding_source`,
      [ctx.year],
    );
    const open = await ctx.q.query<OpenRow>(
      `select p.id, p.unit_id, p.kind, p.funding_source, p.fiscal_year, p.estimate, p.allocated, p.disbursed,
              t.code as template_code, p.step_index, p.step_started_on, p.started_on, p.revisions
         from projects p join pipeline_templates t on t.id = p.template_id
        where p.fiscal_year = $1 and p.closed_on is null and p.finished_on is null and p.step_code is not null`,
      [ctx.year],
    );
    const events = await ctx.q.query<{ month: number; amount: number }>(
      `select extract(month from e.date)::int as month, sum(e.amount)::bigint as amount
         from project_events e join projects p on p.id = e.project_id
        where e.action = 'disburse' and p.fiscal_year = $1 and e.date between $2 and $3 and e.amount is not null
        group by 1`,
      [ctx.year, ctx.from, ctx.asOf],
    );
    const disbursedByMonth = new Array<number>(12).fill(0);
    for (const e of events) disbursedByMonth[e.month - 1] = e.amount;

    const atRiskByUnit = new Map<string, { amount: number; count: number }>();
    let atRisk = 0n;
    let atRiskCount = 0;
    if (open.length > 0) {
      const templates = new Map((await listTemplateRows(ctx.q)).map((t) => [t.code, toCoreTemplate(t)]));
      const roleUnits = (await listRoleUnitRows(ctx.q)).map(toCoreRoleUnit);
      const holidays = await loadHolidaySet(ctx.q);
      const items: RiskItem[] = [];
      for (const p of open) {
        const template = templates.get(p.template_code);
        if (!template) continue;
        const funded = BigInt(p.allocated ?? p.estimate);
        const amount = funded - BigInt(p.disbursed);
        if (amount <= 0n) continue;
        // Only what the early-warning rule reads of the state: where the dossier is and since when.
        const state: PipelineState = {
          templateCode: template.code,
          startedOn: p.started_on,
          stepIndex: p.step_index,
          stepStartedOn: compareIsoDates(p.step_started_on, ctx.asOf) > 0 ? ctx.asOf : p.step_started_on,
          revisions: p.revisions,
          revisionsByStep: {},
          allocated: p.allocated === null ? null : BigInt(p.allocated),
          contracted: null,
          disbursed: BigInt(p.disbursed),
          disbursements: [],
          history: [],
        };
        items.push({ projectId: p.id, ownerUnit: p.unit_id, kind: p.kind, fundingSource: p.funding_source, fiscalYear: p.fiscal_year, amount, template, state });
      }
      for (const a of assessRisk(items, { today: ctx.asOf, holidays, roleUnits })) {
        if (!a.atRisk) continue;
        atRisk += a.amount;
        atRiskCount += 1;
        const u = atRiskByUnit.get(a.ownerUnit) ?? { amount: 0, count: 0 };
        u.amount += Number(a.amount);
        u.count += 1;
        atRiskByUnit.set(a.ownerUnit, u);
      }
    }
    const total = (k: keyof Omit<SumRow, 'funding_source'>) => sums.reduce((s, r) => s + BigInt(r[k]), 0n);
    const allocated = total('allocated');
    const disbursed = total('disbursed');
    const payload: BudgetPayload = {
      year: ctx.year,
      planned: Number(total('planned')),
      allocated: Number(allocated),
      disbursed: Number(disbursed),
      carriedOver: Number(total('carried_over')),
      cancelled: Number(total('cancelled')),
      atRisk: Number(atRisk),
      atRiskCount,
      disbursementRate: allocated > 0n ? Number((disbursed * 10_000n) / allocated) / 100 : null,
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

function emptyBudget(year: number): BudgetPayload {
  return { year, planned: 0, allocated: 0, disbursed: 0, carriedOver: 0, cancelled: 0, atRisk: 0, atRiskCount: 0, disbursementRate: null, bySource: [] };
}

export const budgetPanel: PanelDef<BudgetPayload> = {
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
