/**
 * Vietnamese text helpers shared by search, unit matching and extraction.
 * Input arrives in both NFC and NFD (Word on macOS, some PDF extractors), so every
 * comparison goes through NFC first and, when diacritics must not matter, through fold.
 */

/** Canonical stored form: NFC, trimmed, inner whitespace collapsed. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Lower case, without diacritics, đ→d, whitespace collapsed: for diacritic-blind matching. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

/** Vietnamese sort order (a ă â b c d đ e ê …), which PGlite's ICU cannot give. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
