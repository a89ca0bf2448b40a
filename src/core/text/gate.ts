/**
 * The one gate for text a person types (issue 9): control characters and invisible
 * direction or width characters are refused, because they make a name display as something
 * it is not (U+202E turns "gpj.exe" around) or make two equal-looking names differ.
 *
 * Refused: C0 controls (U+0000–U+001F) except tab, and newline where the text may have
 * lines; DEL and C1 (U+007F–U+009F); zero-width and direction marks U+200B–U+200F;
 * embeddings and overrides U+202A–U+202E; isolates U+2066–U+2069.
 */
const HIDDEN = '\\u007f-\\u009f\\u200b-\\u200f\\u202a-\\u202e\\u2066-\\u2069';
const FORBIDDEN_IN_LINE = new RegExp(`[\\u0000-\\u0008\\u000a-\\u001f${HIDDEN}]`);
const FORBIDDEN_IN_TEXT = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f${HIDDEN}]`);

export interface ForbiddenCharacter {
  /** Position in the text (UTF-16 index), from 0. */
  index: number;
  /** "U+202E" */
  codePoint: string;
}

/** The first character the gate refuses, or null. `multiline`: newlines are allowed (free text). */
export function forbiddenCharacter(text: string, multiline = false): ForbiddenCharacter | null {
  const m = (multiline ? FORBIDDEN_IN_TEXT : FORBIDDEN_IN_LINE).exec(text);
  if (!m) return null;
  return { index: m.index, codePoint: `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
}

/** The Vietnamese sentence a form shows for a refused character. */
export function forbiddenCharacterMessage(found: ForbiddenCharacter): string {
  const what = found.codePoint === 'U+000A' ? 'xuống dòng' : found.codePoint === 'U+000D' ? 'ký tự về đầu dòng' : `ký tự điều khiển hoặc ký tự ẩn ${found.codePoint}`;
  return `Có ${what} không được phép (vị trí ${found.index + 1}); hãy gõ lại hoặc dán dưới dạng văn bản thuần`;
}

/** Line breaks as one newline, NFC: how free text is stored. */
export const normalizeFreeText = (text: string): string => text.replace(/\r\n?/g, '\n').normalize('NFC');
