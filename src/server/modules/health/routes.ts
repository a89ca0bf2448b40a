import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZHealth, ZHealthDown } from '../../../contracts/health';
import { currentSchemaVersion } from '../../../db/migrate';
import type { Deps } from '../../context';

export async function healthRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health', { schema: { tags: ['system'], summary: 'Tình trạng hệ thống', response: { 200: ZHealth, 503: ZHealthDown } } }, async (_req, reply) => {
    try {
      const version = await currentSchemaVersion(deps.db);
      return { status: 'ok' as const, database: { reachable: true as const, engine: deps.db.engine, migrationVersion: version } };
    } catch (err) {
      return reply.status(503).send({ status: 'unavailable', database: { reachable: false, engine: deps.db.engine, error: (err as Error).message } });
    }
  });
}
