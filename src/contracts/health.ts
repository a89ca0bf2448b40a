import { z } from 'zod';

/** GET /api/health: what a load balancer or an operator asks before anything else. */
const ZEngine = z.enum(['pglite', 'postgres']);

export const ZHealth = z.object({
  status: z.literal('ok'),
  database: z.object({
    reachable: z.literal(true),
    engine: ZEngine,
    migrationVersion: z.string().nullable(),
    /** The embedded engine is occupied (a statement or transaction) since this long: the probe did not wait for it. */
    busyForMs: z.number().int().optional(),
    /** Requests waiting for or running in the embedded engine. */
    pending: z.number().int().optional(),
  }),
});
export type THealth = z.infer<typeof ZHealth>;

/** 503: the database does not answer; `error` is the driver's own words, for the operator. */
export const ZHealthDown = z.object({
  status: z.literal('unavailable'),
  database: z.object({ reachable: z.literal(false), engine: ZEngine, error: z.string() }),
});
export type THealthDown = z.infer<typeof ZHealthDown>;
