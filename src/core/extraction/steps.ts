/**
 * A clause that sets two timed steps ("… tham mưu bố trí kinh phí trước ngày 31/10/2023;
 * hướng dẫn lập dự toán, hoàn thành trong tháng 11/2023", or a deadline then "…; báo cáo
 * hằng tuần") holds two tasks for the same lead: each step runs up to its own deadline or
 * frequency, and untimed steps after the last one stay with it. Steps are separated by
 * semicolons, as directives write them.
 */
import type { TDraft, TPiece } from './assignment-types';
import { findDeadlines } from './deadline';
import type { TAssignmentContext } from './leads';
import { findTaskRecurrence } from './recurrence';

/** `timing` is a step's deadline date or its frequency, null for an undated step. */
type TSegment = { start: number; end: number; piece: number; timing: string | null };

/** Spans of [from, to) between semicolons that stand outside parentheses. */
function segmentsOf(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0) {
      out.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (text.slice(start, to).trim()) out.push({ start, end: to });
  return out;
}

export function splitSteps(text: string, d: TDraft, ctx: TAssignmentContext): TDraft[] {
  if (d.taskSpan || d.introOnly) return [d];
  const segments: TSegment[] = [];
  d.pieces.forEach((p, i) => {
    const from = i === 0 ? Math.max(p.clauseStart, Math.min(d.taskStart, p.end)) : p.clauseStart;
    for (const s of segmentsOf(text, from, p.end)) {
      const own = text.slice(s.start, s.end);
      const date = findDeadlines(own, ctx.documentDate).find((x) => x.date)?.date ?? null;
      segments.push({ ...s, piece: i, timing: date ?? findTaskRecurrence(own)?.recurrence ?? null });
    }
  });
  const timed = segments.filter((s) => s.timing !== null);
  if (timed.length < 2 || new Set(timed.map((s) => s.timing)).size < 2) return [d];
  const groups: TSegment[][] = [[]];
  for (const s of segments) {
    (groups[groups.length - 1] as TSegment[]).push(s);
    if (s.timing !== null) groups.push([]);
  }
  const tail = groups.pop() ?? [];
  (groups[groups.length - 1] as TSegment[]).push(...tail);
  const first = d.pieces[0] as TPiece;
  return groups.map((g, k) => ({
    ...d,
    taskStart: k === 0 ? d.taskStart : (g[0] as TSegment).start,
    pieces: g.map((s, j): TPiece =>
      k === 0 && j === 0 && s.piece === 0
        ? { start: first.start, end: s.end, clauseStart: first.clauseStart }
        : { start: s.start, end: s.end, clauseStart: s.start },
    ),
  }));
}
