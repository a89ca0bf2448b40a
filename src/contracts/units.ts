import { z } from 'zod';
import { ZDay, ZId, ZIsoDate, ZName, ZVersion } from './common';

/** The organisation: units with validity intervals, successors and aliases. */

export const UNIT_KINDS = ['city_committee', 'department', 'district', 'commune', 'agency'] as const;
export const ZUnitKind = z.enum(UNIT_KINDS);
export type TUnitKind = z.infer<typeof ZUnitKind>;

export const UNIT_CODE_MAX = 60;
/** HP, HP.SKHCN, HP.X.AN-BIEN: capitals without diacritics, digits, dot, dash, underscore. */
export const ZUnitCode = z
  .string()
  .trim()
  .regex(new RegExp(`^[A-Z0-9._-]{1,${UNIT_CODE_MAX}}$`), `Mã đơn vị chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch (tối đa ${UNIT_CODE_MAX} ký tự)`);

export const ZUnitsQuery = z.strictObject({ asOf: ZIsoDate.optional() });
export const ZUnitParams = z.strictObject({ id: ZId });

export const ZUnitCreate = z.strictObject({
  code: ZUnitCode,
  name: ZName,
  shortName: ZName.nullish(),
  kind: ZUnitKind,
  parentId: ZId.nullable(),
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullish(),
  aliases: z.array(ZName).max(50).optional(),
  /** The first is the primary successor (where its work goes). */
  successorIds: z.array(ZId).max(50).optional(),
});
export type TUnitCreate = z.input<typeof ZUnitCreate>;

export const ZUnitUpdate = z.strictObject({
  version: ZVersion,
  name: ZName.optional(),
  shortName: ZName.nullish(),
  validTo: ZIsoDate.nullish(),
  aliases: z.array(ZName).max(50).optional(),
  successorIds: z.array(ZId).max(50).optional(),
});
export type TUnitUpdate = z.input<typeof ZUnitUpdate>;

export const ZUnit = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: ZUnitKind,
  level: z.number().int(),
  parentId: z.string().nullable(),
  /** Inclusive on both ends; validTo null while the unit exists. */
  validFrom: ZDay,
  validTo: ZDay.nullable(),
  /** Primary successor first. */
  successorIds: z.array(z.string()),
  aliases: z.array(z.string()),
  /** Group keys used by directive extraction ('departments', 'districts', 'agencies'). */
  groups: z.array(z.string()),
  sample: z.boolean(),
  version: z.number().int(),
});
export type TUnit = z.infer<typeof ZUnit>;

export const ZUnitList = z.array(ZUnit);

/** What an Excel import of units answers (a refused file answers 400 with the row errors). */
export const ZUnitImported = z.object({ created: z.number().int(), message: z.string() });
export type TUnitImported = z.infer<typeof ZUnitImported>;
