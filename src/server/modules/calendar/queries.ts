import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';

type HolidayRow = Pick<Tables['holidays'], 'date' | 'name'>;

export function holidayDates(db: Queryable): Promise<Array<Pick<HolidayRow, 'date'>>> {
  return db.query('select date from holidays');
}

/** Adds the given days; a day already there (perhaps renamed by an administrator) is left alone. */
export async function insertMissingHolidays(db: Queryable, days: readonly HolidayRow[]): Promise<number> {
  const rows = await db.query(
    `insert into holidays (date, name) select d, n from unnest($1::date[], $2::text[]) as t(d, n) on conflict (date) do nothing returning date`,
    [days.map((h) => h.date), days.map((h) => h.name)],
  );
  return rows.length;
}

export function holidaysOfYear(db: Queryable, year: number | null): Promise<HolidayRow[]> {
  return db.query<HolidayRow>(`select date, name from holidays where $1::int is null or extract(year from date) = $1 order by date`, [year]);
}

export async function holidayOn(db: Queryable, date: string): Promise<HolidayRow | undefined> {
  return (await db.query<HolidayRow>('select date, name from holidays where date = $1', [date]))[0];
}

export async function upsertHoliday(tx: Queryable, h: HolidayRow): Promise<void> {
  await tx.query('insert into holidays (date, name) values ($1, $2) on conflict (date) do update set name = excluded.name, updated_at = now()', [h.date, h.name]);
}

export async function deleteHoliday(tx: Queryable, date: string): Promise<HolidayRow | undefined> {
  return (await tx.query<HolidayRow>('delete from holidays where date = $1 returning date, name', [date]))[0];
}
