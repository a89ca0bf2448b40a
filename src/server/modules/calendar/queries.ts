import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';

type HolidayRow = Pick<Tables['holidays'], 'date' | 'name'>;

export function holidayDates(db: Queryable): Promise<Array<Pick<Tables['holidays'], 'date' | 'working'>>> {
  return db.query('select date, working from holidays');
}

/** Adds the given days; a day already there (perhaps renamed by an administrator) is left alone. */
export async function insertMissingHolidays(db: Queryable, days: ReadonlyArray<HolidayRow & { working?: boolean }>): Promise<number> {
  const rows = await db.query(
    `insert into holidays (date, name, working) select d, n, w from unnest($1::date[], $2::text[], $3::boolean[]) as t(d, n, w) on conflict (date) do nothing returning date`,
    [days.map((h) => h.date), days.map((h) => h.name), days.map((h) => h.working ?? false)],
  );
  return rows.length;
}

export function holidaysOfYear(db: Queryable, year: number | null): Promise<Array<HolidayRow & Pick<Tables['holidays'], 'working'>>> {
  return db.query(`select date, name, working from holidays where $1::int is null or extract(year from date) = $1 order by date`, [year]);
}

export async function holidayOn(db: Queryable, date: string): Promise<(HolidayRow & Pick<Tables['holidays'], 'working'>) | undefined> {
  return (await db.query<HolidayRow & Pick<Tables['holidays'], 'working'>>('select date, name, working from holidays where date = $1', [date]))[0];
}

export async function upsertHoliday(tx: Queryable, h: HolidayRow & Pick<Tables['holidays'], 'working'>): Promise<void> {
  await tx.query(
    'insert into holidays (date, name, working) values ($1, $2, $3) on conflict (date) do update set name = excluded.name, working = excluded.working, updated_at = now()',
    [h.date, h.name, h.working],
  );
}

export async function deleteHoliday(tx: Queryable, date: string): Promise<HolidayRow | undefined> {
  return (await tx.query<HolidayRow>('delete from holidays where date = $1 returning date, name', [date]))[0];
}
