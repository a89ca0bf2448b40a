import type { Queryable } from '../../../db/client';
import { holidaySet, VN_HOLIDAYS, type HolidaySet } from '../../../core/calendar/holidays';

/** Holidays are rows an administrator edits; every working-day computation reads them here. */
export async function loadHolidaySet(db: Queryable): Promise<HolidaySet> {
  const rows = await db.query<{ date: string }>('select date from holidays');
  return holidaySet(rows);
}

/** Reference data, loaded on every start: adds the years it knows, never overwrites an edit. */
export async function seedHolidays(db: Queryable): Promise<number> {
  const rows = await db.query(
    `insert into holidays (date, name) select d, n from unnest($1::date[], $2::text[]) as t(d, n) on conflict (date) do nothing returning date`,
    [VN_HOLIDAYS.map((h) => h.date), VN_HOLIDAYS.map((h) => h.name)],
  );
  return rows.length;
}
