/**
 * Letter case of headings. Official letters print their issuer and title in capitals;
 * the stored form is sentence case with proper names kept, best taken from the same
 * words written in the body.
 */

/** Lower case without diacritics, one character for one character, so offsets carry over. */
export function foldSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === 'đ' || ch === 'Đ') {
      out += 'd';
      continue;
    }
    const base = ch.normalize('NFD')[0] ?? ch;
    const lower = base.toLowerCase();
    // A character that is two UTF-16 units stays two, so indices still line up.
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the phrase occurs in the text ignoring case, diacritics and line breaks. */
export function findFoldedOccurrence(text: string, phrase: string, from = 0): { start: number; end: number } | null {
  const words = foldSameLength(phrase).split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRe).join('\\s+')}(?![\\p{L}\\p{N}])`, 'gu');
  re.lastIndex = from;
  const m = re.exec(foldSameLength(text));
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

const ACRONYMS = new Set(['ubnd', 'hdnd', 'dbqh', 'cntt', 'tp', 'vp', 'tt&tt', 'kh&dt', 'ioc', 'cds']);

/** "ỦY BAN NHÂN DÂN" → "Ủy ban nhân dân"; known acronyms stay in capitals. */
export function sentenceCase(s: string): string {
  const words = s.trim().split(/\s+/);
  return words
    .map((w, i) => {
      if (ACRONYMS.has(foldSameLength(w))) return w.toUpperCase();
      const lower = w.toLowerCase();
      return i === 0 ? capitalize(lower) : lower;
    })
    .join(' ');
}

export function capitalize(w: string): string {
  return w ? (w[0] ?? '').toUpperCase() + w.slice(1) : w;
}

/** "HẢI PHÒNG" → "Hải Phòng". */
export function titleCase(s: string): string {
  return s
    .trim()
    .split(/\s+/)
    .map((w) => capitalize(w.toLowerCase()))
    .join(' ');
}

/** Replace, ignoring case, each hint's occurrences by the hint as written. */
export function applyCaseHints(s: string, hints: string[]): string {
  let out = s;
  for (const hint of hints) {
    if (!hint.trim()) continue;
    let from = 0;
    for (;;) {
      const occ = findFoldedOccurrence(out, hint, from);
      if (!occ) break;
      out = out.slice(0, occ.start) + hint + out.slice(occ.end);
      from = occ.start + hint.length;
    }
  }
  return out;
}
