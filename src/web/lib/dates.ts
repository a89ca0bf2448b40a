import dayjs, { type Dayjs } from 'dayjs';

export const DATE_FORMAT = 'DD/MM/YYYY';

const isoInVietnam = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in Vietnam, `YYYY-MM-DD`, whatever the browser's zone. */
export function todayIso(): string {
  return isoInVietnam.format(new Date());
}

export function isIsoDate(s: string | null | undefined): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs(s, 'YYYY-MM-DD').isValid();
}

/** DatePicker value → API date. */
export function toIso(d: Dayjs): string {
  return d.format('YYYY-MM-DD');
}

/** API date → DatePicker value. */
export function fromIso(iso: string | null | undefined): Dayjs | undefined {
  return iso ? dayjs(iso) : undefined;
}
