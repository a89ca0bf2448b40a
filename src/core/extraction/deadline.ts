/**
 * Deadline expressions of Vietnamese directives and the date each one stands for:
 * "trước ngày 25/3/2020" → that day; "trong tháng 02/2023" → the month's last day;
 * "trong quý II/2022" → the quarter's last day; "trong năm 2022" → 31/12; "6 tháng đầu
 * năm" → 30/6; "trước tháng 6/2024" → 31/5 (before June, so by the end of May). Without
 * a year, the document's year is meant (the next one when the date would lie more than a
 * month before the document). An impossible date gives date null.
 */
import { daysBetween, isoDate, lastDayOfMonth, parseIso } from './dates';

export type TDeadline = { date: string | null; text: string };
export type TDeadlineMatch = TDeadline & { start: number; end: number };

const W = '\\s+';
const DONE = `(?:(?:hoàn${W}thành|xong)${W})?`;
/** "trước 14 giờ, ngày 05/12/2017", "trước 15h ngày 28/9", "trước 9h30 ngày …": the hour does not change the day. */
const HOUR = `(?:${W}\\d{1,2}\\s*(?:giờ|h)(?:\\s*\\d{1,2}(?:\\s*phút)?)?\\s*,?)?`;
const BY_DAY = `(?:trước(?:${W}hoặc${W}trong)?|chậm${W}nhất(?:${W}(?:là|vào))?(?:${W}trước)?|không${W}muộn${W}hơn|hạn${W}chót(?:${W}là)?|đến${W}hết|hạn)`;
const ON_DAY = `(?:trong|vào|đến)`;
const END_OF = `(?:trong|hết|cuối|đến${W}hết|trước${W}hết|trong${W}suốt)`;
const NUMERIC_DATE = `(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?`;
const WORDED_DATE = `(\\d{1,2})${W}tháng${W}(\\d{1,2})(?:${W}năm${W}(\\d{4}))?`;
const YEAR_TAIL = `(?:\\s*[/.-]\\s*(\\d{4})|${W}năm${W}(\\d{4}))?`;
const NOT_MORE = '(?![\\d/.\\-]*\\d)(?![\\p{L}])';
/** A day followed by "hằng tháng" recurs: it is a reporting day, not a deadline. */
const RECURRING_AFTER = /^\s*(?:hằng|hàng|mỗi|của)\s+(?:tuần|tháng|quý|năm)/iu;

/** "trước ngày 10/6 và 10/12": yearless days of a cycle (half-yearly reports), not one deadline. */
const MORE_DAYS_AFTER = /^\s*(?:và|,|;)\s*(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}(?!\s*[/.-]\s*\d)/u;

type TRule = { re: RegExp; resolve: (m: RegExpExecArray) => TPartial | null };
/** A date that may lack its year; `invalid` when it names no real day. */
type TPartial = { year: number | null; month: number; day: number | 'end' } | { invalid: true };

function num(s: string | undefined): number | null {
  return s === undefined ? null : Number(s);
}

function dayRule(m: RegExpExecArray): TPartial | null {
  const day = num(m[1] ?? m[4]);
  const month = num(m[2] ?? m[5]);
  const year = num(m[3] ?? m[6]);
  if (day === null || month === null) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return { invalid: true };
  return { year, month, day };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** "Thời hạn: …", "Thời gian hoàn thành: …" as in plans' item lists. */
const LABEL = `(?:thời${W}hạn(?:${W}hoàn${W}thành)?|thời${W}gian${W}hoàn${W}thành|hạn${W}hoàn${W}thành)\\s*:?\\s*`;

const endOfMonth = (m: RegExpExecArray): TPartial => {
  const month = Number(m[1]);
  if (month < 1 || month > 12) return { invalid: true };
  return { year: num(m[2] ?? m[3]), month, day: 'end' };
};
const endOfQuarter = (m: RegExpExecArray): TPartial | null => {
  const q = ROMAN[(m[1] ?? '').toLowerCase()];
  return q === undefined ? null : { year: num(m[2] ?? m[3]), month: q * 3, day: 'end' };
};

/** "trước tháng 6/2024": before June, so by the end of May; January gives the previous December. */
const beforeMonth = (m: RegExpExecArray): TPartial => {
  const month = Number(m[1]);
  if (month < 1 || month > 12) return { invalid: true };
  const year = num(m[2] ?? m[3]);
  if (month > 1) return { year, month: month - 1, day: 'end' };
  return { year: year === null ? null : year - 1, month: 12, day: 'end' };
};
const beforeQuarter = (m: RegExpExecArray): TPartial | null => {
  const q = ROMAN[(m[1] ?? '').toLowerCase()];
  if (q === undefined) return null;
  const year = num(m[2] ?? m[3]);
  if (q > 1) return { year, month: (q - 1) * 3, day: 'end' };
  return { year: year === null ? null : year - 1, month: 12, day: 'end' };
};

const RULES: TRule[] = [
  { re: new RegExp(`${DONE}trước${W}tháng${W}(\\d{1,2})${YEAR_TAIL}${NOT_MORE}`, 'giu'), resolve: beforeMonth },
  { re: new RegExp(`${DONE}trước${W}quý${W}(IV|I{1,3}|[1-4])${YEAR_TAIL}${NOT_MORE}`, 'giu'), resolve: beforeQuarter },
  {
    re: new RegExp(`${LABEL}(?:trước${W})?(?:ngày${W})?(?:${NUMERIC_DATE}|${WORDED_DATE})${NOT_MORE}`, 'giu'),
    resolve: dayRule,
  },
  { re: new RegExp(`${LABEL}(?:trong${W})?tháng${W}(\\d{1,2})${YEAR_TAIL}${NOT_MORE}`, 'giu'), resolve: endOfMonth },
  { re: new RegExp(`${LABEL}(?:trong${W})?quý${W}(IV|I{1,3}|[1-4])${YEAR_TAIL}${NOT_MORE}`, 'giu'), resolve: endOfQuarter },
  {
    re: new RegExp(`${LABEL}(?:trong${W})?năm${W}(\\d{4})${NOT_MORE}`, 'giu'),
    resolve: (m) => ({ year: Number(m[1]), month: 12, day: 'end' }),
  },
  {
    re: new RegExp(`${DONE}${BY_DAY}${HOUR}${W}(?:ngày${W})?(?:${NUMERIC_DATE}|${WORDED_DATE})${NOT_MORE}`, 'giu'),
    resolve: dayRule,
  },
  {
    // "Hạn chót tổng hợp báo cáo về Sở Tài chính là ngày 22/5/2025", "thời hạn hoàn thành là ngày …".
    re: new RegExp(`(?:hạn${W}chót|thời${W}hạn)[^.;:\\n]{0,60}?${W}là${W}(?:ngày${W})?(?:${NUMERIC_DATE}|${WORDED_DATE})${NOT_MORE}`, 'giu'),
    resolve: dayRule,
  },
  {
    re: new RegExp(`${DONE}${ON_DAY}${W}ngày${W}(?:${NUMERIC_DATE}|${WORDED_DATE})${NOT_MORE}`, 'giu'),
    resolve: dayRule,
  },
  { re: new RegExp(`${DONE}${END_OF}${W}tháng${W}(\\d{1,2})${YEAR_TAIL}${NOT_MORE}`, 'giu'), resolve: endOfMonth },
  { re: new RegExp(`${DONE}${END_OF}${W}quý${W}(IV|I{1,3}|[1-4])${YEAR_TAIL}${NOT_MORE}`, 'giu'), resolve: endOfQuarter },
  {
    re: new RegExp(`${DONE}${END_OF}${W}năm${W}(\\d{4})${NOT_MORE}`, 'giu'),
    resolve: (m) => ({ year: Number(m[1]), month: 12, day: 'end' }),
  },
  {
    re: new RegExp(`${DONE}(?:trong${W})?(?<!\\d)(0?6|0?9)${W}tháng${W}(đầu|cuối)${W}năm(?:${W}(\\d{4}))?${NOT_MORE}`, 'giu'),
    resolve: (m) => {
      const first = (m[2] ?? '').toLowerCase() === 'đầu';
      return { year: num(m[3]), month: first ? Number(m[1]) : 12, day: 'end' };
    },
  },
];

function resolveDate(p: TPartial, documentDate: string | null): string | null {
  if ('invalid' in p) return null;
  const doc = documentDate ? parseIso(documentDate) : null;
  const build = (year: number): string | null =>
    isoDate(year, p.month, p.day === 'end' ? lastDayOfMonth(year, p.month) : p.day);
  if (p.year !== null) return build(p.year);
  if (!doc || !documentDate) return null;
  const same = build(doc.year);
  // "trước ngày 15/1" written in December means next January.
  if (same !== null && daysBetween(same, documentDate) > 31) return build(doc.year + 1);
  return same;
}

/** Every deadline expression in the text, left to right, not overlapping. */
export function findDeadlines(text: string, documentDate: string | null): TDeadlineMatch[] {
  const found: TDeadlineMatch[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const end = m.index + m[0].length;
      if (RECURRING_AFTER.test(text.slice(end, end + 20))) continue;
      const partial = rule.resolve(m);
      if (!partial) continue;
      if (!('invalid' in partial) && partial.year === null && MORE_DAYS_AFTER.test(text.slice(end, end + 30))) continue;
      found.push({ start: m.index, end, text: m[0].replace(/\s+/g, ' '), date: resolveDate(partial, documentDate) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TDeadlineMatch[] = [];
  for (const d of found) {
    const last = out[out.length - 1];
    if (last && d.start < last.end) continue;
    out.push(d);
  }
  return out;
}

/** The first deadline expression in the text, or null when there is none. */
export function parseDeadline(text: string, documentDate: string | null): TDeadline | null {
  const first = findDeadlines(text.normalize('NFC'), documentDate)[0];
  return first ? { date: first.date, text: first.text } : null;
}

export const DEADLINE_FORMS = [
  'truoc_ngay',
  'truoc_ngay_padded',
  'truoc_ngay_words',
  'truoc',
  'cham_nhat_ngay',
  'hoan_thanh_truoc_ngay',
  'trong_thang',
  'trong_thang_padded',
  'trong_thang_words',
  'hoan_thanh_trong_thang',
  'trong_quy',
  'trong_quy_words',
  'trong_nam',
  'sau_thang_dau_nam',
  'truoc_ngay_no_year',
  'truoc_no_year',
  'trong_thang_no_year',
  'truoc_thang',
] as const;

export type TDeadlineForm = (typeof DEADLINE_FORMS)[number];

/** Forms that leave the year to the document's date. */
export const YEARLESS_FORMS: ReadonlySet<TDeadlineForm> = new Set(['truoc_ngay_no_year', 'truoc_no_year', 'trong_thang_no_year']);

const ROMAN_OUT = ['I', 'II', 'III', 'IV'];

/**
 * The date written in one accepted form, or null when that form cannot express it
 * (a month form needs the month's last day, a quarter form the quarter's).
 */
export function formatDeadline(date: string, form: TDeadlineForm): string | null {
  const p = parseIso(date);
  if (!p) return null;
  const { year: y, month: m, day: d } = p;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const monthEnd = d === lastDayOfMonth(y, m);
  switch (form) {
    case 'truoc_ngay':
      return `trước ngày ${d}/${m}/${y}`;
    case 'truoc_ngay_padded':
      return `trước ngày ${pad(d)}/${pad(m)}/${y}`;
    case 'truoc_ngay_words':
      return `trước ngày ${pad(d)} tháng ${pad(m)} năm ${y}`;
    case 'truoc':
      return `trước ${d}/${m}/${y}`;
    case 'cham_nhat_ngay':
      return `chậm nhất ngày ${d}/${m}/${y}`;
    case 'hoan_thanh_truoc_ngay':
      return `hoàn thành trước ngày ${d}/${m}/${y}`;
    case 'trong_thang':
      return monthEnd ? `trong tháng ${m}/${y}` : null;
    case 'trong_thang_padded':
      return monthEnd ? `trong tháng ${pad(m)}/${y}` : null;
    case 'trong_thang_words':
      return monthEnd ? `trong tháng ${m} năm ${y}` : null;
    case 'hoan_thanh_trong_thang':
      return monthEnd ? `Hoàn thành trong tháng ${m}/${y}` : null;
    case 'trong_quy':
      return monthEnd && m % 3 === 0 ? `trong quý ${ROMAN_OUT[m / 3 - 1]}/${y}` : null;
    case 'trong_quy_words':
      return monthEnd && m % 3 === 0 ? `trong quý ${ROMAN_OUT[m / 3 - 1]} năm ${y}` : null;
    case 'trong_nam':
      return m === 12 && d === 31 ? `trong năm ${y}` : null;
    case 'sau_thang_dau_nam':
      return m === 6 && d === 30 ? `6 tháng đầu năm ${y}` : null;
    case 'truoc_ngay_no_year':
      return `trước ngày ${d}/${m}`;
    case 'truoc_no_year':
      return `trước ${pad(d)}/${pad(m)}`;
    case 'trong_thang_no_year':
      return monthEnd ? `hoàn thành trong tháng ${m}` : null;
    case 'truoc_thang':
      return monthEnd ? `trước tháng ${m === 12 ? 1 : m + 1}/${m === 12 ? y + 1 : y}` : null;
  }
}
