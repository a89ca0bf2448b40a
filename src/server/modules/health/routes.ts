import type { FastifyInstance } from 'fastify';
import { currentSchemaVersion } from '../../../db/migrate';
import type { Deps } from '../../context';

export async function healthRoutes(app: FastifyInstance, deps: Deps) {
  // The schema version changes only when this process migrates at start; it is read once.
  let version = await currentSchemaVersion(deps.db).catch(() => null);

  app.get('/api/health', { schema: { tags: ['system'], summary: 'Tình trạng hệ thống' } }, async (_req, reply) => {
    // The embedded engine runs one statement at a time in its own thread. While it works
    // (an import's merge, a backup) the server is healthy: say so at once instead of
    // queueing behind the work, which is what a load balancer's probe needs.
    const activity = deps.db.activity?.();
    const busy = () => {
      const a = deps.db.activity!();
      return { status: 'ok', database: { reachable: true, engine: deps.db.engine, migrationVersion: version, busyForMs: a.busyForMs, pending: a.pending } };
    };
    if (activity && activity.busyForMs > 0) return busy();
    try {
      const asked = currentSchemaVersion(deps.db);
      if (activity) {
        // The engine looked idle but may have just taken work: the probe waits 50 ms at most.
        // A dead engine fails at once (503 below); a working one is reported busy.
        const answer = await Promise.race([asked, new Promise<undefined>((r) => setTimeout(r, 50))]);
        if (answer === undefined) {
          asked.then((v) => (version = v), () => undefined);
          return busy();
        }
      }
      version = await asked;
      return { status: 'ok', database: { reachable: true, engine: deps.db.engine, migrationVersion: version } };
    } catch (err) {
      reply.status(503);
      return { status: 'unavailable', database: { reachable: false, engine: deps.db.engine, error: (err as Error).message } };
    }
  });
}
