import { RuleError } from '../errors';
import { addDays, fromDayNumber, isIsoDate } from './dates';

/**
 * Instants for records stamped with a time (dossiers received / due / finished). Vietnam is
 * UTC+7 all year (no DST), so a bare date means that day in Vietnam: its first millisecond
 * for a start, its last for an end ("due 20/03" means by the end of 20/03). Timestamps must
 * carry their offset; a local time without one is ambiguous and refused.
 */
export const VN_UTC_OFFSET_MINUTES = 7 * 60;

const TS_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

export type DayEdge = 'start' | 'end';

function invalid(s: unknown): RuleError {
  return new RuleError(
    'invalid_timestamp',
    `Thời điểm không hợp lệ: "${String(s)}" (dùng YYYY-MM-DD hoặc YYYY-MM-DDTHH:mm:ss kèm múi giờ, ví dụ 2026-03-20T16:30:00+07:00).`,
    s,
  );
}

function vnDayStart(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) - VN_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
}

/** Epoch milliseconds of an ISO timestamp, or of the start / end of a bare ISO date in Vietnam. */
export function toInstant(s: string, edge: DayEdge = 'start'): number {
  if (typeof s !== 'string') throw invalid(s);
  if (isIsoDate(s)) return edge === 'start' ? vnDayStart(s) : vnDayStart(addDays(s, 1)) - 1;
  const m = TS_RE.exec(s);
  if (!m || m[1] === undefined || !isIsoDate(m[1])) throw invalid(s);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  const ms = m[5] === undefined ? 0 : Math.floor(Number(`0.${m[5]}`) * 1000);
  if (hour > 23 || minute > 59 || second > 59) throw invalid(s);
  let offset = 0;
  if (m[6] !== undefined && m[6] !== 'Z') {
    const sign = m[6].startsWith('-') ? -1 : 1;
    const oh = Number(m[6].slice(1, 3));
    const om = Number(m[6].slice(4, 6));
    if (oh > 14 || om > 59) throw invalid(s);
    offset = sign * (oh * 60 + om);
  }
  const [y, mo, d] = m[1].split('-').map(Number);
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, hour, minute, second, ms) - offset * MS_PER_MINUTE;
}

/** The calendar date in Vietnam of an instant. */
export function vnDateOfInstant(instant: number): string {
  return fromDayNumber(Math.floor((instant + VN_UTC_OFFSET_MINUTES * MS_PER_MINUTE) / MS_PER_DAY));
}

/**
 * The calendar date in Vietnam (UTC+7, no daylight saving) of an instant given as a Date,
 * an ISO timestamp or milliseconds. The one way the project turns a clock into "today".
 */
export function vnToday(at: Date | string | number): string {
  return vnDateOfInstant(typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime());
}
