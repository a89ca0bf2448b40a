/**
 * How often a task repeats: "định kỳ 02 tuần/lần" (biweekly), "hằng tháng" (monthly),
 * "hằng quý", "hằng năm", "hằng tuần". Only a frequency that governs the task counts:
 * "báo cáo định kỳ hằng quý" does, "tiêu chí xét thi đua hằng năm" does not.
 */

export type TRecurrence = 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'annual';

export type TRecurrenceMatch = {
  recurrence: TRecurrence;
  start: number;
  end: number;
  text: string;
  /** Written as a reporting period ("định kỳ …", "N tuần/lần"), not only as an adverb. */
  explicit: boolean;
};

const W = '\\s+';
const PERIOD: Record<string, TRecurrence> = { tuần: 'weekly', tháng: 'monthly', quý: 'quarterly', năm: 'annual' };
const PERIOD_WORD = '(tuần|tháng|quý|năm)';
const ONCE = `\\s*(?:\\/|${W}(?:một|1)${W})\\s*lần`;

type TRule = { re: RegExp; kind: (m: RegExpExecArray) => TRecurrence | null; explicit: (m: RegExpExecArray) => boolean };

const RULES: TRule[] = [
  {
    re: new RegExp(
      `(định${W}kỳ${W})?(?:hằng|hàng|mỗi)${W}${PERIOD_WORD}(?:\\s*,\\s*(?:và${W})?(?:tuần|tháng|quý|năm)(?![\\p{L}]))*(?![\\p{L}])`,
      'giu',
    ),
    kind: (m) => PERIOD[(m[2] ?? '').toLowerCase()] ?? null,
    explicit: (m) => m[1] !== undefined,
  },
  {
    re: new RegExp(`(định${W}kỳ${W})?(?<!\\d)(0?2|hai)${W}tuần${ONCE}`, 'giu'),
    kind: () => 'biweekly',
    explicit: () => true,
  },
  {
    re: new RegExp(`(định${W}kỳ${W})?(?<!\\d)(15|mười${W}lăm)${W}ngày${ONCE}`, 'giu'),
    kind: () => 'biweekly',
    explicit: () => true,
  },
  {
    re: new RegExp(`(định${W}kỳ${W})?(?<!\\d)(?:0?1|một)${W}${PERIOD_WORD}${ONCE}`, 'giu'),
    kind: (m) => PERIOD[(m[2] ?? '').toLowerCase()] ?? null,
    explicit: () => true,
  },
  {
    re: new RegExp(`(định${W}kỳ${W})?(?<!\\d)(0?3|ba|12|mười${W}hai)${W}tháng${ONCE}`, 'giu'),
    kind: (m) => (/^(?:0?3|ba)$/i.test(m[2] ?? '') ? 'quarterly' : 'annual'),
    explicit: () => true,
  },
  {
    re: new RegExp(`định${W}kỳ${W}${PERIOD_WORD}(?![\\p{L}])`, 'giu'),
    kind: (m) => PERIOD[(m[1] ?? '').toLowerCase()] ?? null,
    explicit: () => true,
  },
];

/** Every frequency expression in the text, left to right, not overlapping. */
export function findRecurrences(text: string): TRecurrenceMatch[] {
  const found: TRecurrenceMatch[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      const recurrence = rule.kind(m);
      if (!recurrence) continue;
      found.push({
        recurrence,
        start: m.index,
        end: m.index + m[0].length,
        text: m[0].replace(/\s+/g, ' '),
        explicit: rule.explicit(m),
      });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TRecurrenceMatch[] = [];
  for (const r of found) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) continue;
    out.push(r);
  }
  return out;
}

/** The first frequency written anywhere in the text. */
export function detectRecurrence(text: string): TRecurrence | null {
  return findRecurrences(text.normalize('NFC'))[0]?.recurrence ?? null;
}

const REPORT_BEFORE = /(?:báo\s+cáo|gửi\s+báo\s+cáo|tổng\s+hợp|cập\s+nhật)\s*$/iu;

/**
 * The frequency of the task in a clause: written as a period ("định kỳ …", "N tuần/lần"),
 * or opening the clause ("Hằng tháng, …"), or qualifying a report ("báo cáo hằng quý").
 * `clauseStart` is where the clause's own words begin in `text`.
 */
export function findTaskRecurrence(text: string, clauseStart = 0): TRecurrenceMatch | null {
  for (const r of findRecurrences(text)) {
    if (r.explicit) return r;
    if (r.start >= clauseStart && text.slice(clauseStart, r.start).trim() === '') return r;
    const before = text.slice(Math.max(0, r.start - 60), r.start);
    if (REPORT_BEFORE.test(before.slice(-30)) || /báo\s+cáo[^,;.:]{0,50}$/iu.test(before)) return r;
    // "định kỳ trước ngày 20 hằng tháng", "trước ngày 15/12 hằng năm": a recurring due day.
    if (/định\s+kỳ[^.;:]*$/iu.test(before) || /(?:ngày\s+\d{1,2}|\d{1,2}\s*\/\s*\d{1,2})\s*$/u.test(before)) return r;
    if (closesDuty(text, r, clauseStart)) return r;
  }
  return null;
}

/** Verbs of a duty that is done again and again. */
const DUTY = /(?<![\p{L}])(?:báo\s+cáo|sơ\s+kết|tổng\s+kết|đánh\s+giá|cập\s+nhật|tổng\s+hợp|rà\s+soát|kiểm\s+tra|thống\s+kê|công\s+khai|theo\s+dõi|giao\s+ban|đăng\s+tải|gửi)(?![\p{L}])/iu;
/** Nouns that carry their own cycle: "xét thi đua hằng năm" says when the award is, not the task. */
const CYCLIC_NOUN = /(?:thi\s+đua|khen\s+thưởng|ngân\s+sách|dự\s+toán|kế\s+hoạch|chấm\s+điểm|tiêu\s+chí|xếp\s+loại)\s*$/iu;

/**
 * "rà soát, cập nhật dữ liệu cán bộ, công chức, viên chức … hằng tháng;": a frequency that
 * closes a clause governs the clause's duty verb, however long the object between them.
 */
function closesDuty(text: string, r: TRecurrenceMatch, clauseStart: number): boolean {
  if (!/^\s*(?:[;.:]|$)/u.test(text.slice(r.end))) return false;
  const head = text.slice(0, r.start);
  const from = Math.max(clauseStart, ...[';', ':', '.'].map((c) => head.lastIndexOf(c) + 1));
  const clause = head.slice(from);
  return DUTY.test(clause) && !CYCLIC_NOUN.test(clause);
}

export type TPeriodMatch = { start: number; end: number; text: string };

const COUNT = '(?:\\d{1,2}|hai|ba|bốn|năm|sáu|nửa)';
const IRREGULAR = new RegExp(
  `(?:định${W}kỳ${W}${COUNT}${W}(?:tuần|tháng|năm)(?:\\s*(?:\\/|${W}(?:một|1)${W})\\s*lần)?|(?<![\\p{L}\\d])${COUNT}${W}(?:tuần|tháng|năm)${ONCE})(?![\\p{L}])`,
  'iu',
);

/**
 * A period outside the recurrence vocabulary ("định kỳ 6 tháng/lần"): no recurrence value,
 * but the task is still periodic, so its words are kept as the deadline text.
 */
export function findIrregularPeriod(text: string): TPeriodMatch | null {
  const m = IRREGULAR.exec(text);
  if (!m) return null;
  const regular = findRecurrences(text).some((r) => r.start < m.index + m[0].length && r.end > m.index);
  return regular ? null : { start: m.index, end: m.index + m[0].length, text: m[0].replace(/\s+/g, ' ') };
}
