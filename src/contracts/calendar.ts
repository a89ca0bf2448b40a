import { z } from 'zod';
import { ZDay, ZIsoDate, ZName, ZOk } from './common';

/** Holidays (nghỉ lễ, Tết): rows an administrator edits; every working-day count reads them. */

export const ZHolidayQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const ZHolidayParams = z.strictObject({ date: ZIsoDate });
export const ZHolidayInput = z.strictObject({ name: ZName });
export type THolidayInput = z.infer<typeof ZHolidayInput>;

export const ZHoliday = z.object({ date: ZDay, name: z.string() });
export type THoliday = z.infer<typeof ZHoliday>;

export const ZHolidayList = z.array(ZHoliday);
export const ZHolidayRemoved = ZOk;
