import { RuleError } from '../errors';
import { isIsoDate } from './dates';

/**
 * Set of ISO dates ('YYYY-MM-DD') that are days off, built from editable holiday rows, with
 * the weekend days worked in exchange for a swapped day off (làm bù) beside it.
 */
export type HolidaySet = ReadonlySet<string> & { readonly workingDays?: ReadonlySet<string> };

export interface Holiday {
  readonly date: string;
  readonly name: string;
  /** A weekend day worked in exchange for a swapped day off (ngày làm bù). */
  readonly working?: boolean;
}

/** Builds the lookup set; rejects malformed dates so a bad admin row cannot silently vanish. */
export function holidaySet(list: ReadonlyArray<Pick<Holiday, 'date' | 'working'>>): HolidaySet {
  const out = new Set<string>() as Set<string> & { workingDays: Set<string> };
  out.workingDays = new Set<string>();
  for (const h of list) {
    if (!isIsoDate(h.date)) {
      throw new RuleError(
        'invalid_iso_date',
        `Ngày nghỉ lễ không hợp lệ: "${String(h.date)}" (định dạng đúng là YYYY-MM-DD).`,
        h.date,
      );
    }
    if (h.working) out.workingDays.add(h.date);
    else out.add(h.date);
  }
  return out;
}
