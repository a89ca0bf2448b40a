import { z } from 'zod';
import { ZYearParam } from './common';
import { ZFundingSource } from './projects';

/** Budget per fiscal year and funding source, with the drill-down city → unit → project (/api/budget). */

export const ZBudgetQuery = z.strictObject({ year: ZYearParam.optional() });
export const ZBudgetParams = z.strictObject({ year: ZYearParam });
export const ZBudgetTreeQuery = z.strictObject({ source: ZFundingSource.optional() });

/** The amounts of a budget node, integer đồng; rates are percentages with one decimal. */
export const ZBudgetMoney = z.object({
  /** Number of projects. */
  count: z.number().int(),
  planned: z.number().int(),
  allocated: z.number().int(),
  disbursed: z.number().int(),
  carriedOver: z.number().int(),
  cancelled: z.number().int(),
  /** Planned but never allocated. */
  unallocated: z.number().int(),
  /** Allocated and still neither disbursed, carried over nor cancelled. */
  open: z.number().int(),
  disbursementRate: z.number().nullable(),
  disbursementRateOfAllocated: z.number().nullable(),
});
export type TBudgetMoney = z.infer<typeof ZBudgetMoney>;

export const ZBudgetSummary = z.object({
  years: z.array(
    z.object({
      fiscalYear: z.number().int(),
      total: ZBudgetMoney,
      bySource: z.array(ZBudgetMoney.extend({ source: ZFundingSource, label: z.string() })),
    }),
  ),
});
export type TBudgetSummary = z.infer<typeof ZBudgetSummary>;

export const ZBudgetTree = z.object({
  fiscalYear: z.number().int(),
  source: ZFundingSource.nullable(),
  total: ZBudgetMoney,
  units: z.array(
    ZBudgetMoney.extend({
      unitId: z.string(),
      unitName: z.string(),
      projects: z.array(ZBudgetMoney.extend({ id: z.string(), name: z.string(), fundingSource: ZFundingSource, sample: z.boolean() })),
    }),
  ),
  /** Any node whose amount differs from the sum of its children: always empty, or the drill-down lies. */
  check: z.object({ ok: z.boolean(), mismatches: z.array(z.object({ key: z.string(), amount: z.number().int(), sum: z.number().int() })), projectSum: z.number().int() }),
});
export type TBudgetTree = z.infer<typeof ZBudgetTree>;
