import type { FastifyInstance } from 'fastify';
import { currentSchemaVersion } from '../../../db/migrate';
import type { Deps } from '../../context';

export async function healthRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/api/health', { schema: { tags: ['system'], summary: 'Tình trạng hệ thống' } }, async (_req, reply) => {
    try {
      const version = await currentSchemaVersion(deps.db);
      return { status: 'ok', database: { reachable: true, engine: deps.db.engine, migrationVersion: version } };
    } catch (err) {
      reply.status(503);
      return { status: 'unavailable', database: { reachable: false, engine: deps.db.engine, error: (err as Error).message } };
    }
  });
}
