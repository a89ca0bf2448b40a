import type { Queryable } from '../../../db/client';
import { holidaySet, MAKEUP_SATURDAYS, VN_HOLIDAYS, type HolidaySet } from '../../../core/calendar/holidays';
import { holidayDates, insertMissingHolidays } from './queries';

/** Holidays are rows an administrator edits; every working-day computation reads them here. */
export async function loadHolidaySet(db: Queryable): Promise<HolidaySet> {
  return holidaySet(await holidayDates(db));
}

/** Reference data, loaded on every start: adds the years it knows, never overwrites an edit. */
export async function seedHolidays(db: Queryable): Promise<number> {
  return insertMissingHolidays(db, [...VN_HOLIDAYS, ...MAKEUP_SATURDAYS]);
}
