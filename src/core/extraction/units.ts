/**
 * Unit mentions in Vietnamese administrative text: single bodies ("Sở Tài chính",
 * "Văn phòng UBND tỉnh", "UBND quận Lê Chân") and group phrases ("các Sở, ban, ngành",
 * "UBND các quận, huyện"), found by position so a caller can tell a subject from an
 * object. Department names come from a lexicon because their lower-case words
 * ("Sở Tư pháp khẩn trương …") leave no other clue where the name ends.
 */
import { recaseCapsUnit } from './unit-case';
import { CAPS_PATTERNS, departmentAlternation, EXACT_PATTERNS, NAME_STOP, type TUnitPatterns } from './unit-lexicon';
import { looksLikePersonName } from './names';

export type TUnitMention = {
  start: number;
  end: number;
  /** As written, whitespace collapsed; a name in an all-capitals line in its usual case. */
  text: string;
  kind: 'unit' | 'group';
  /** End of a leading personal title ("Giám đốc", "Thủ trưởng"), or null. */
  titleEnd: number | null;
};

export type TUnitChain = { start: number; end: number; mentions: TUnitMention[] };

function execAt(re: RegExp, text: string, pos: number, limit: number): number | null {
  re.lastIndex = pos;
  const m = re.exec(text);
  if (!m) return null;
  const end = pos + m[0].length;
  return end <= limit ? end : null;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const LEVEL_WORD = /^(?:tỉnh|thành|quận|huyện|TP|Tỉnh|Thành)$/u;
const JOINER = /\s+(?:và|-|–)(?=\s)/uy;

/** "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh", "Ban Chỉ huy phòng chống thiên tai – Tìm kiếm cứu nạn và phòng thủ dân sự". */
const COMMAND_HEAD = /(?:Ban\s+[Cc]hỉ\s+(?:đạo|huy)|[Tt]hành\s+viên\s+Ban\s+[Cc]hỉ\s+đạo)$/u;
const COMMAND_START = /\s+(?:phòng(?:\s*,\s*|\s+)chống|ứng\s+phó)(?![\p{L}])/uy;
const COMMAND_WORD = /\s+([\p{L}\d]+(?:-[\p{L}\d]*)?)/uy;
const COMMAND_JOIN = /\s*[–-](?=\s*\p{Lu})/uy;
const COMMAND_TAIL = /\s+và\s+(?:phòng\s+thủ\s+dân\s+sự|tìm\s+kiếm\s+cứu\s+nạn)(?![\p{L}])/uy;
/** "… của tỉnh, các huyện, thành phố": the committees of several levels, named together. */
const COMMAND_OF = /\s+của\s+(?:tỉnh|thành\s+phố)(?:\s*,\s*(?:các\s+)?(?:huyện|quận|xã|phường)(?:\s*,\s*(?:thị\s+xã|thành\s+phố|thị\s+trấn|phường|xã))*)?(?![\p{L}])/uy;

function commandNameEnd(text: string, pos: number, limit: number): number | null {
  let end = execAt(COMMAND_START, text, pos, limit);
  if (end === null) return null;
  const words = (from: number): number => {
    let at = from;
    for (let n = 0; n < 6; n++) {
      COMMAND_WORD.lastIndex = at;
      const m = COMMAND_WORD.exec(text);
      const w = m?.[1] ?? '';
      if (!m || m.index + m[0].length > limit || w === 'và' || NAME_STOP.has(w)) break;
      at = m.index + m[0].length;
    }
    return at;
  };
  end = words(end);
  const joined = execAt(COMMAND_JOIN, text, end, limit);
  if (joined !== null) end = words(joined);
  end = execAt(COMMAND_TAIL, text, end, limit) ?? end;
  return execAt(COMMAND_OF, text, end, limit) ?? end;
}

const CAP_PREDICATE = /^\s+(?:Phối\s+hợp|Chủ\s+trì|Tham\s+mưu|Triển\s+khai|Khẩn\s+trương|Tổ\s+chức\s+thực\s+hiện)(?![\p{L}])/u;

function genericNameEnd(text: string, pos: number, limit: number, p: TUnitPatterns, caps: boolean): number | null {
  const completeEnd = execAt(p.completeHeads, text, pos, limit);
  const headEnd = completeEnd ?? execAt(p.genericHeads, text, pos, limit);
  if (headEnd === null) return null;
  if (!caps && COMMAND_HEAD.test(text.slice(pos, headEnd))) {
    const named = commandNameEnd(text, headEnd, limit);
    if (named !== null) return named;
  }
  const wordRe = /\s+([\p{L}\p{N}&]+(?:-[\p{L}\p{N}]+)?)/uy;
  let end = headEnd;
  let words = 0;
  let lowerRun = 0;
  for (;;) {
    wordRe.lastIndex = end;
    const m = wordRe.exec(text);
    if (!m || m.index + m[0].length > limit) break;
    const w = m[1] ?? '';
    const isCap = /^\p{Lu}/u.test(w);
    if (!caps && LEVEL_WORD.test(w)) {
      const q = execAt(p.level, text, end, limit);
      if (q !== null) {
        end = q;
        words++;
      }
      break;
    }
    if (words === 0 && !isCap && completeEnd === null) return null;
    // "Đài Phát thanh – Truyền hình X Phối hợp …": a predicate written with a capital ends the name.
    if (isCap && CAP_PREDICATE.test(text.slice(m.index))) break;
    if (isCap) {
      end = m.index + m[0].length;
      lowerRun = 0;
    } else if (NAME_STOP.has(w) || lowerRun >= 4 || (completeEnd !== null && words === 0)) {
      break;
    } else {
      end = m.index + m[0].length;
      lowerRun++;
    }
    words++;
    // "Đài Phát thanh - Truyền hình X", "Sở Văn hóa và Thể thao": a joiner followed by a capital.
    JOINER.lastIndex = end;
    const joiner = JOINER.exec(text);
    if (joiner) {
      wordRe.lastIndex = end + joiner[0].length;
      const next = wordRe.exec(text);
      // "Viễn thông A và Viettel A": the word after "và" may begin a second body.
      const second = next && /và/u.test(joiner[0]) ? execAt(p.genericHeads, text, next.index + next[0].length - (next[1] ?? '').length, limit) : null;
      if (next && second === null && /^\p{Lu}/u.test(next[1] ?? '') && next.index + next[0].length <= limit) {
        end = next.index + next[0].length;
        lowerRun = 0;
        words++;
      }
    }
    if (words >= 12) break;
  }
  if (words === 0 && completeEnd === null) return null;
  return end;
}

function groupEnd(text: string, pos: number, limit: number, p: TUnitPatterns): number | null {
  const ubnd = p.groupUbnd.map((re) => execAt(re, text, pos, limit)).filter((e): e is number => e !== null);
  let end: number | null = ubnd.length ? Math.max(...ubnd) : null;
  if (end === null) end = execAt(p.groupCore, text, pos, limit);
  if (end === null) end = execAt(p.groupRelated, text, pos, limit);
  if (end === null) end = execAt(p.groupBare, text, pos, limit);
  if (end === null) return null;
  if (COMMAND_HEAD.test(text.slice(pos, end))) {
    const named = commandNameEnd(text, end, limit);
    if (named !== null) end = named;
  }
  const tail = execAt(p.qualTail, text, end, limit);
  if (tail !== null) end = tail;
  const related = execAt(p.qualRelated, text, end, limit);
  if (related !== null) end = related;
  const under = execAt(p.qualUnder, text, end, limit);
  if (under !== null) {
    const inner = unitAt(text, under, limit);
    if (inner) end = inner.end;
  }
  const place = execAt(p.qualPlace, text, end, limit);
  if (place !== null) end = execAt(p.qualRelated, text, place, limit) ?? place;
  const following = execAt(p.qualFollowing, text, end, limit);
  if (following !== null) end = following;
  return end;
}

function bareUnitAt(text: string, pos: number, limit: number, p: TUnitPatterns, caps: boolean): { end: number; kind: 'unit' | 'group' } | null {
  const group = groupEnd(text, pos, limit, p);
  if (group !== null) return { end: group, kind: 'group' };
  let best: number | null = null;
  for (const re of p.units) {
    const e = execAt(re, text, pos, limit);
    if (e !== null && (best === null || e > best)) best = e;
  }
  if (best !== null) return { end: best, kind: 'unit' };
  const generic = genericNameEnd(text, pos, limit, p, caps);
  return generic !== null ? { end: generic, kind: 'unit' } : null;
}

/** End of the line holding `pos` when that line is written in capitals, else null. */
function capsLineEnd(text: string, pos: number): number | null {
  // Called at every word start: leave at the first lower-case letter, which running text has at once.
  const isLower = (ch: string): boolean => ch !== ch.toUpperCase();
  if (isLower(text[pos] ?? '')) return null;
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  let letters = 0;
  let i = lineStart;
  for (; i < text.length && text[i] !== '\n'; i++) {
    const ch = text[i] ?? '';
    if (isLower(ch)) return null;
    if (ch !== ch.toLowerCase()) letters++;
  }
  return letters >= 4 ? i : null;
}

/** The unit mention that starts exactly at `pos` (after any whitespace), or null. */
export function unitAt(text: string, pos: number, limit: number = text.length): TUnitMention | null {
  let start = pos;
  while (start < limit && /\s/.test(text[start] ?? '')) start++;
  if (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) return null;
  const capsEnd = capsLineEnd(text, start);
  const caps = capsEnd !== null;
  const p = caps ? CAPS_PATTERNS : EXACT_PATTERNS;
  const stop = caps ? Math.min(limit, capsEnd) : limit;
  // A name in capitals never runs past its line; cutting the text lets the patterns backtrack there.
  const scope = caps ? text.slice(0, stop) : text;
  const titleEnd = execAt(p.title, scope, start, stop);
  const bodyStart = titleEnd ?? start;
  const body = bareUnitAt(scope, bodyStart, stop, p, caps);
  if (!body) return null;
  let end = body.end;
  while (end > bodyStart && /[\s,]/.test(text[end - 1] ?? '')) end--;
  // "UBND tỉnh Hồ Quang Bửu": the capitalised words after the level name a person, not a place.
  const tail = /(?:tỉnh|thành\s+phố|TP\.?|quận|huyện|thị\s+xã|xã|phường|thị\s+trấn)\s+(\p{Lu}[\p{L}\s-]*)$/u.exec(text.slice(bodyStart, end));
  if (!caps && tail?.[1]) {
    // "UBND tỉnh Quảng Ngãi Trần Ngọc Căng": the place's words end where a full name begins.
    const words = tail[1].trim().split(/\s+/);
    const tailStart = bodyStart + tail.index + tail[0].length - tail[1].length;
    for (let k = 0; k < words.length; k++) {
      if (!looksLikePersonName(words.slice(k).join(' '), k === 0 ? 3 : 2)) continue;
      const keep = words.slice(0, k).join(' ');
      end = k === 0 ? tailStart : tailStart + (text.slice(tailStart).indexOf(keep) + keep.length);
      while (end > bodyStart && /\s/.test(text[end - 1] ?? '')) end--;
      break;
    }
  }
  const written = collapse(text.slice(start, end));
  return {
    start,
    end,
    text: caps ? recaseCapsUnit(written, text) : written,
    kind: body.kind,
    titleEnd: titleEnd === null ? null : titleEnd,
  };
}

const CHAIN_SEP = /\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+)/iuy;
/** "Giám đốc các Sở: Thông tin và Truyền thông, Tài chính, Xây dựng" — the departments, named after a colon. */
const DEPARTMENTS_AFTER_COLON = /\s*:\s*/y;
const BARE_AFTER = /\s+(?=\p{Lu})/uy;
const DEPARTMENT_ONLY = new RegExp(`(?:${departmentAlternation()})(?![\\p{L}])`, 'uy');

function departmentsAfter(text: string, pos: number, limit: number): TUnitMention[] {
  const out: TUnitMention[] = [];
  let at = pos;
  for (;;) {
    const d = execAt(DEPARTMENT_ONLY, text, at, limit);
    if (d === null) break;
    out.push({ start: at, end: d, text: `Sở ${collapse(text.slice(at, d))}`, kind: 'unit', titleEnd: null });
    CHAIN_SEP.lastIndex = d;
    const sep = CHAIN_SEP.exec(text);
    if (!sep || /;/.test(sep[0])) break;
    at = d + sep[0].length;
  }
  return out;
}

/** Unit mentions joined by commas or "và", starting at `pos`: a list of assignees. */
export function readUnitChain(text: string, pos: number, limit: number = text.length): TUnitChain | null {
  const first = unitAt(text, pos, limit);
  if (!first) return null;
  const mentions: TUnitMention[] = [];
  let end = first.start;
  const add = (m: TUnitMention): void => {
    const colon = m.kind === 'group' && /(?:^|\s)(?:các|Các)\s+[Ss]ở$/u.test(m.text) ? execAt(DEPARTMENTS_AFTER_COLON, text, m.end, limit) : null;
    // "Các Sở Công Thương, Giao thông vận tải, Y tế": the departments named without a colon.
    const bare = colon === null && m.kind === 'group' && /^(?:các|Các)\s+Sở$/u.test(m.text) ? execAt(BARE_AFTER, text, m.end, limit) : null;
    const at = colon ?? bare;
    const named = at === null ? [] : departmentsAfter(text, at, limit);
    mentions.push(...(named.length ? named : [m]));
    end = named.length ? (named[named.length - 1] as TUnitMention).end : m.end;
  };
  add(first);
  for (;;) {
    CHAIN_SEP.lastIndex = end;
    const sep = CHAIN_SEP.exec(text);
    if (!sep) break;
    const next = unitAt(text, end + sep[0].length, limit);
    if (!next) break;
    add(next);
  }
  return { start: first.start, end, mentions };
}

/** Every unit mention in [from, to), left to right, not overlapping. */
export function findUnitMentions(text: string, from = 0, to: number = text.length): TUnitMention[] {
  const out: TUnitMention[] = [];
  const wordStart = /(?<![\p{L}\p{N}])[\p{L}]/gu;
  wordStart.lastIndex = from;
  for (;;) {
    const m = wordStart.exec(text);
    if (!m || m.index >= to) break;
    const u = unitAt(text, m.index, to);
    if (u) {
      out.push(u);
      wordStart.lastIndex = u.end;
    }
  }
  return out;
}

/** Text of a mention without a personal title when it names one body. */
export function mentionName(m: TUnitMention, text: string): string {
  if (m.titleEnd === null || m.kind === 'group') return m.text;
  const name = collapse(text.slice(m.titleEnd, m.end));
  return capsLineEnd(text, m.start) === null ? name : recaseCapsUnit(name, text);
}

export {
  canonicalUnitName,
  coreUnitName,
  expandGroup,
  matchUnit,
  recaseDepartment,
  unitNameSimilarity,
  type TGroupKey,
  type TRegistryUnit,
} from './unit-names';
