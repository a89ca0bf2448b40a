import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forbiddenCharacter, forbiddenCharacterMessage, normalizeFreeText } from './gate';

describe('text gate', () => {
  it('refuses bidi overrides, isolates and zero-width characters in a title', () => {
    expect(forbiddenCharacter('Báo cáo \u202Efdp.exe')).toEqual({ index: 8, codePoint: 'U+202E' });
    expect(forbiddenCharacter('Sở\u200BTài chính')?.codePoint).toBe('U+200B');
    expect(forbiddenCharacter('a\u2067b')?.codePoint).toBe('U+2067');
    expect(forbiddenCharacter('a\u200Fb')?.codePoint).toBe('U+200F');
    expect(forbiddenCharacter('a\u0085b')?.codePoint).toBe('U+0085');
    expect(forbiddenCharacter('a\u0000b')?.codePoint).toBe('U+0000');
    expect(forbiddenCharacter('a\u007Fb')?.codePoint).toBe('U+007F');
  });

  it('allows tab everywhere and newline only in free text', () => {
    expect(forbiddenCharacter('Cột\tmột')).toBeNull();
    expect(forbiddenCharacter('dòng 1\ndòng 2')?.codePoint).toBe('U+000A');
    expect(forbiddenCharacter('dòng 1\ndòng 2', true)).toBeNull();
    expect(forbiddenCharacter('dòng 1\rdòng 2', true)?.codePoint).toBe('U+000D');
  });

  it('lets every Vietnamese letter and ordinary punctuation through', () => {
    expect(forbiddenCharacter('Ủy ban nhân dân quận Lê Chân — “Đề án 06”, số 12/QĐ-UBND; ½ € ₫')).toBeNull();
    expect(forbiddenCharacter('\u200A\u2010\u2030\u202F\u2060\u206A')).toBeNull(); // neighbours of the refused ranges
  });

  it('finds a refused character wherever it is put', () => {
    const refused = fc.constantFrom('\u0001', '\u001F', '\u0080', '\u009F', '\u200B', '\u200E', '\u202A', '\u202D', '\u2066', '\u2069');
    fc.assert(
      fc.property(fc.string(), refused, fc.string(), (a, bad, b) => {
        expect(forbiddenCharacter(a + bad + b, true)).not.toBeNull();
      }),
    );
  });

  it('names the character and its position in Vietnamese', () => {
    expect(forbiddenCharacterMessage({ index: 8, codePoint: 'U+202E' })).toMatch(/ký tự ẩn U\+202E .*vị trí 9/);
    expect(forbiddenCharacterMessage({ index: 2, codePoint: 'U+000A' })).toMatch(/xuống dòng/);
  });

  it('stores free text with one kind of line break, composed (NFC)', () => {
    expect(normalizeFreeText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(normalizeFreeText('Le\u0302 Cha\u0302n')).toBe('Lê Chân');
  });
});
