/**
 * Unit mentions in Vietnamese administrative text: single bodies ("Sở Tài chính",
 * "Văn phòng UBND tỉnh", "UBND quận Lê Chân") and group phrases ("các Sở, ban, ngành",
 * "UBND các quận, huyện"), found by position so a caller can tell a subject from an
 * object. Department names come from a lexicon because their lower-case words
 * ("Sở Tư pháp khẩn trương …") leave no other clue where the name ends.
 */
import { recaseCapsUnit } from './unit-case';
import { CAPS_PATTERNS, EXACT_PATTERNS, NAME_STOP, type TUnitPatterns } from './unit-lexicon';
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

function genericNameEnd(text: string, pos: number, limit: number, p: TUnitPatterns, caps: boolean): number | null {
  const completeEnd = execAt(p.completeHeads, text, pos, limit);
  const headEnd = completeEnd ?? execAt(p.genericHeads, text, pos, limit);
  if (headEnd === null) return null;
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
      if (next && /^\p{Lu}/u.test(next[1] ?? '') && next.index + next[0].length <= limit) {
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
  if (end === null) return null;
  const related = execAt(p.qualRelated, text, end, limit);
  if (related !== null) end = related;
  const under = execAt(p.qualUnder, text, end, limit);
  if (under !== null) {
    const inner = unitAt(text, under, limit);
    if (inner) end = inner.end;
  }
  const place = execAt(p.qualPlace, text, end, limit);
  if (place !== null) end = place;
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
  if (!caps && tail?.[1] && looksLikePersonName(tail[1], 3)) {
    end = bodyStart + (tail.index + tail[0].length - tail[1].length);
    while (end > bodyStart && /\s/.test(text[end - 1] ?? '')) end--;
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

/** Unit mentions joined by commas or "và", starting at `pos`: a list of assignees. */
export function readUnitChain(text: string, pos: number, limit: number = text.length): TUnitChain | null {
  const first = unitAt(text, pos, limit);
  if (!first) return null;
  const mentions = [first];
  let end = first.end;
  for (;;) {
    CHAIN_SEP.lastIndex = end;
    const sep = CHAIN_SEP.exec(text);
    if (!sep) break;
    const next = unitAt(text, end + sep[0].length, limit);
    if (!next) break;
    mentions.push(next);
    end = next.end;
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
