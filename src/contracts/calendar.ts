import { z } from 'zod';
import { ZDay, ZIsoDate, ZName, ZOk } from './common';

/** Holidays (nghỉ lễ, Tết): rows an administrator edits; every working-day count reads them. */

export const ZHolidayQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const ZHolidayParams = z.strictObject({ date: ZIsoDate });
/** working: true for a weekend day worked in exchange for a swapped day off (làm bù). */
export const ZHolidayInput = z.strictObject({ name: ZName, working: z.boolean().default(false) });
export type THolidayInput = z.infer<typeof ZHolidayInput>;

/** working: a weekend day worked in exchange for a swapped day off (làm bù), a working day for deadlines. */
export const ZHoliday = z.object({ date: ZDay, name: z.string(), working: z.boolean() });
export type THoliday = z.infer<typeof ZHoliday>;

export const ZHolidayList = z.array(ZHoliday);
export const ZHolidayRemoved = ZOk;
