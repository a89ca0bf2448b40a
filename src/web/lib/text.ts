import { compareVietnamese, foldVietnamese } from '../../core/text/fold';

export { compareVietnamese, foldVietnamese };

/** True when every word of the query appears in the text, ignoring case and diacritics. */
export function matchesQuery(query: string, ...texts: (string | null | undefined)[]): boolean {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldVietnamese(texts.filter(Boolean).join(' '));
  return words.every((w) => haystack.includes(w));
}

/** Vietnamese lists of people are ordered by given name (the last word), then by the full name. */
export function comparePersonNames(a: string, b: string): number {
  // "(mẫu)" and similar remarks are not part of the name.
  const given = (s: string) => s.replace(/\([^)]*\)/g, ' ').trim().split(/\s+/).pop() ?? '';
  return compareVietnamese(given(a), given(b)) || compareVietnamese(a, b);
}
