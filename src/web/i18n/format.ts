import { formatNumber as formatCore } from '../../core/format/number';
import type { Lang } from './lang';

/** Calendar dates cross the API as `YYYY-MM-DD`; people read them as `dd/mm/yyyy` in both languages. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Timestamps shown in Vietnam time whatever the browser's zone, as `dd/mm/yyyy HH:mm`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = Object.fromEntries(dateTimeParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** 1.234,5 in Vietnamese, 1,234.5 in English; at most 3 places, half away from zero (core/format). */
export function formatNumber(n: number, lang: Lang, decimals = 3): string {
  return formatCore(n, { decimals, lang });
}
