import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZNational, ZNationalQuery } from '../../../contracts/national';
import { authorize, readDbOf, type Deps } from '../../context';
import { defaultYear } from '../dashboard/service';
import { nationalComparison } from './service';

export async function nationalRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/national', {
    schema: {
      tags: ['national'],
      summary: 'Toàn quốc: các tỉnh cạnh nhau — bốn trụ cột, nhiệm vụ, kinh phí có nguy cơ, báo cáo đúng hạn',
      querystring: ZNationalQuery,
      response: { 200: ZNational },
    },
  }, async (req) => {
    authorize(req, 'national.read');
    const year = req.query.year ?? (await defaultYear(deps));
    return nationalComparison(readDbOf(deps), year);
  });
}
