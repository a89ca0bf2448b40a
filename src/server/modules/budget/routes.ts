import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, type Deps } from '../../context';
import { FUNDING_SOURCES } from '../projects/model';
import { budgetSummary, budgetTree } from './service';

const ZYear = z.coerce.number().int().min(2000).max(2100);

/** Budget per fiscal year and funding source, with the drill-down city → unit → project. */
export async function budgetRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/budget', {
    schema: { tags: ['budget'], summary: 'Kinh phí theo năm và nguồn vốn: kế hoạch, phân bổ, giải ngân, chuyển nguồn, huỷ nguồn', querystring: z.strictObject({ year: ZYear.optional() }) },
  }, async (req) => {
    authorize(req, 'budget.read');
    return budgetSummary(deps.db, req.query.year ?? null);
  });

  r.get('/api/budget/:year', {
    schema: {
      tags: ['budget'],
      summary: 'Kinh phí một năm: thành phố → đơn vị → dự án',
      params: z.strictObject({ year: ZYear }),
      querystring: z.strictObject({ source: z.enum(FUNDING_SOURCES).optional() }),
    },
  }, async (req) => {
    authorize(req, 'budget.read');
    return budgetTree(deps.db, req.params.year, req.query.source ?? null);
  });
}
