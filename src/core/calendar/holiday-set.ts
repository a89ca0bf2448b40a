import { RuleError } from '../errors';
import { isIsoDate } from './dates';

/** Set of ISO dates ('YYYY-MM-DD') that are days off, built from editable holiday rows. */
export type HolidaySet = ReadonlySet<string>;

export interface Holiday {
  readonly date: string;
  readonly name: string;
}

/** Builds the lookup set; rejects malformed dates so a bad admin row cannot silently vanish. */
export function holidaySet(list: ReadonlyArray<Pick<Holiday, 'date'>>): HolidaySet {
  const out = new Set<string>();
  for (const h of list) {
    if (!isIsoDate(h.date)) {
      throw new RuleError(
        'invalid_iso_date',
        `Ngày nghỉ lễ không hợp lệ: "${String(h.date)}" (định dạng đúng là YYYY-MM-DD).`,
        h.date,
      );
    }
    out.add(h.date);
  }
  return out;
}
