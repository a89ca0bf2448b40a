import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZBudgetParams, ZBudgetQuery, ZBudgetSummary, ZBudgetTree, ZBudgetTreeQuery } from '../../../contracts/budget';
import { authorize, type Deps } from '../../context';
import { budgetSummary, budgetTree } from './service';

/** Budget per fiscal year and funding source, with the drill-down city → unit → project. */
export async function budgetRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/budget', {
    schema: {
      tags: ['budget'],
      summary: 'Kinh phí theo năm và nguồn vốn: kế hoạch, phân bổ, giải ngân, chuyển nguồn, huỷ nguồn',
      querystring: ZBudgetQuery,
      response: { 200: ZBudgetSummary },
    },
  }, async (req) => {
    authorize(req, 'budget.read');
    return budgetSummary(deps.db, req.query.year ?? null);
  });

  r.get('/api/budget/:year', {
    schema: {
      tags: ['budget'],
      summary: 'Kinh phí một năm: thành phố → đơn vị → dự án',
      params: ZBudgetParams,
      querystring: ZBudgetTreeQuery,
      response: { 200: ZBudgetTree },
    },
  }, async (req) => {
    authorize(req, 'budget.read');
    return budgetTree(deps.db, req.params.year, req.query.source ?? null);
  });
}
