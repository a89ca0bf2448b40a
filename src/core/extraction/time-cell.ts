/**
 * The "Thời gian hoàn thành" cell of a plan's appendix table: "Quý II/2024", "Tháng
 * 6/2024", "Năm 2024", "2024-2025" (the end of the last year), "Quý II-III/2024" (the end of
 * the last quarter), "30/6/2024", "Trước 30/6/2024"; "Hằng năm" is a recurrence and
 * "Thường xuyên" has no deadline at all.
 */
import { foldVietnamese } from '../text/fold';
import { isoDate, lastDayOfMonth } from './dates';
import { findDeadlines } from './deadline';
import { findRecurrences, type TRecurrence } from './recurrence';

export type TTimeCell = { deadline: string | null; deadlineText: string | null; recurrence: TRecurrence | null };

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const NO_DEADLINE = /^(?:thuong xuyen|lien tuc|hang ngay|theo yeu cau|dot xuat|theo tien do|khi co yeu cau)/;

const monthEnd = (year: number, month: number): string | null =>
  month >= 1 && month <= 12 ? isoDate(year, month, lastDayOfMonth(year, month)) : null;

/** Ranges and bare years, which running-text deadline forms do not cover. */
function rangeOrYear(f: string): string | null {
  const years = /^(?:giai doan |nam |trong nam )?(\d{4})(?:\s*-\s*(\d{4}))?$/.exec(f);
  if (years) return monthEnd(Number(years[2] ?? years[1]), 12);
  const quarters = /^(?:trong )?quy ((?:iv|i{1,3}|[1-4])(?:\s*[-,]\s*(?:va )?(?:iv|i{1,3}|[1-4]))*)\s*(?:\/|nam )\s*(\d{4})$/.exec(f);
  if (quarters) {
    const last = (quarters[1] ?? '').split(/\s*[-,]\s*(?:va )?/).pop() ?? '';
    const q = ROMAN[last];
    return q === undefined ? null : monthEnd(Number(quarters[2]), q * 3);
  }
  const months = /^(?:trong )?thang (\d{1,2})(?:\s*[-,]\s*(?:va )?(\d{1,2}))*\s*(?:\/|nam )\s*(\d{4})$/.exec(f);
  if (months) return monthEnd(Number(months[3]), Number(months[2] ?? months[1]));
  return null;
}

export function parseTimeCell(cell: string, documentDate: string | null): TTimeCell {
  const written = cell.replace(/\s+/g, ' ').trim().replace(/[.;,]+$/u, '');
  if (!written) return { deadline: null, deadlineText: null, recurrence: null };
  const f = foldVietnamese(written).replace(/\s*\/\s*/g, '/').replace(/\s*[-–]\s*/g, '-');
  if (NO_DEADLINE.test(f)) return { deadline: null, deadlineText: written, recurrence: null };
  const recurrence = findRecurrences(written)[0];
  if (recurrence) return { deadline: null, deadlineText: written, recurrence: recurrence.recurrence };
  const direct = rangeOrYear(f);
  if (direct) return { deadline: direct, deadlineText: written, recurrence: null };
  // "Quý II/2024", "Tháng 6/2024", "6 tháng đầu năm 2024" read as "trong …"; a bare date as "trước ngày …".
  for (const phrase of [written, `trong ${written}`, `trước ngày ${written}`]) {
    const found = findDeadlines(phrase, documentDate)[0];
    if (found?.date) return { deadline: found.date, deadlineText: written, recurrence: null };
  }
  return { deadline: null, deadlineText: written, recurrence: null };
}
