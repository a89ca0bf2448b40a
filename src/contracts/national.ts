import { z } from 'zod';
import { ZInstant, ZYearParam } from './common';
import { ZPillarKey } from './dashboard';

/**
 * The national comparison: every province of the deployment side by side, for the national
 * role. Each figure is the province's own wall's (its stored panels), read for all provinces
 * in one grouped query.
 */

export const ZNationalQuery = z.strictObject({ year: ZYearParam.optional() });

export const ZNationalPillar = z.object({
  key: ZPillarKey,
  name: z.string(),
  /** Key indicators of the pillar with a value, and how they stand against their targets. */
  indicators: z.number().int(),
  green: z.number().int(),
  amber: z.number().int(),
  red: z.number().int(),
});

export const ZNationalProvince = z.object({
  id: z.string(),
  name: z.string(),
  /** A sample province (demo data), labelled as such on the screen. */
  sample: z.boolean(),
  /** When the province's figures were computed; null: not computed yet for the year. */
  computedAt: ZInstant.nullable(),
  pillars: z.array(ZNationalPillar),
  tasks: z.object({ total: z.number().int(), doneOnTime: z.number().int(), overdue: z.number().int(), onTimeRate: z.number().nullable() }),
  money: z.object({ planned: z.number(), disbursed: z.number(), atRisk: z.number(), atRiskCount: z.number().int() }),
  reports: z.object({ expected: z.number().int(), onTime: z.number().int(), late: z.number().int(), missing: z.number().int(), onTimeRate: z.number().nullable() }),
});
export type TNationalProvince = z.infer<typeof ZNationalProvince>;

export const ZNational = z.object({
  year: z.number().int(),
  provinces: z.array(ZNationalProvince),
  /** Read from a streaming replica: how many seconds it lags the primary (part of the figures' freshness); null when read from the primary. */
  replicaLagSeconds: z.number().nullable(),
});
export type TNational = z.infer<typeof ZNational>;
