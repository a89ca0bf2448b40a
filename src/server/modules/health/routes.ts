import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZHealth, ZHealthDown, type THealth } from '../../../contracts/health';
import { currentSchemaVersion } from '../../../db/migrate';
import type { Deps } from '../../context';

export async function healthRoutes(app: FastifyInstance, deps: Deps) {
  // The schema version changes only when this process migrates at start; it is read once.
  let version = await currentSchemaVersion(deps.db).catch(() => null);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/health', { schema: { tags: ['system'], summary: 'Tình trạng hệ thống', response: { 200: ZHealth, 503: ZHealthDown } } }, async (_req, reply) => {
    // The embedded engine runs one statement at a time in its own thread. While it works
    // (an import's merge, a backup) the server is healthy: say so at once instead of
    // queueing behind the work, which is what a load balancer's probe needs.
    const activity = deps.db.activity?.();
    const busy = (): THealth => {
      const a = deps.db.activity!();
      return { status: 'ok', database: { reachable: true, engine: deps.db.engine, migrationVersion: version, busyForMs: a.busyForMs, pending: a.pending } };
    };
    if (activity && activity.busyForMs > 0) return busy();
    try {
      const asked = currentSchemaVersion(deps.db);
      if (activity) {
        // The engine looked idle but may have just taken work: the probe waits 50 ms at most.
        // A dead engine fails at once (503 below); a working one is reported busy.
        const answer = await Promise.race([asked, new Promise<undefined>((ok) => setTimeout(ok, 50))]);
        if (answer === undefined) {
          asked.then((v) => (version = v), () => undefined);
          return busy();
        }
      }
      version = await asked;
      return { status: 'ok' as const, database: { reachable: true as const, engine: deps.db.engine, migrationVersion: version } };
    } catch (err) {
      return reply.status(503).send({ status: 'unavailable', database: { reachable: false, engine: deps.db.engine, error: (err as Error).message } });
    }
  });
}
