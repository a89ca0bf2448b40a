/**
 * Unit names read from a line in capitals ("3. ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH TỈNH") are
 * stored in their usual case: as the same letter writes them elsewhere in running text,
 * else as the lexicon spells a department, else in sentence case with place names capitalised.
 */
import { applyCaseHints, capitalize, findFoldedOccurrence, sentenceCase, titleCase } from './casing';
import { recaseDepartment } from './unit-names';

const isAllCaps = (s: string): boolean => {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
};

/** Words that keep capitals inside common unit names. */
const CASE_HINTS = [
  'Bộ Chỉ huy Quân sự',
  'Bộ đội Biên phòng',
  'Phát thanh',
  'Truyền hình',
  'Trung tâm Phục vụ hành chính công',
  'Kho bạc Nhà nước',
  'Mặt trận Tổ quốc Việt Nam',
  'Ban Quản lý',
  'Khu kinh tế',
  'Khu công nghiệp',
  'Chính phủ',
];

/** Level words after which a proper place name follows. */
const LEVEL_THEN_PLACE = /^(.*?\s(?:tỉnh|thành phố|quận|huyện|thị xã|xã|phường|đặc khu))\s+(.+)$/u;
/** Heads followed by a proper name rather than by common words ("Báo Nghệ An", "VNPT An Giang"). */
const PROPER_AFTER = /^(báo|viettel|vnpt|mobifone|bưu điện)\s+(.+)$/iu;

export function recaseCapsUnit(caps: string, text: string): string {
  let from = 0;
  for (let occ = findFoldedOccurrence(text, caps, from); occ; occ = findFoldedOccurrence(text, caps, from)) {
    const written = text.slice(occ.start, occ.end);
    if (!isAllCaps(written)) return written.replace(/\s+/g, ' ');
    from = occ.end;
  }
  const dept = recaseDepartment(caps);
  if (dept) return dept;
  const proper = PROPER_AFTER.exec(caps);
  if (proper) {
    const head = (proper[1] ?? '').toUpperCase() === (proper[1] ?? '') && /^(?:VIETTEL|VNPT|MOBIFONE)$/u.test(proper[1] ?? '')
      ? (proper[1] ?? '').replace(/^VIETTEL$/u, 'Viettel').replace(/^MOBIFONE$/u, 'MobiFone')
      : capitalize((proper[1] ?? '').toLowerCase());
    return `${head} ${titleCase(proper[2] ?? '')}`;
  }
  const sentence = applyCaseHints(sentenceCase(caps), CASE_HINTS);
  const place = LEVEL_THEN_PLACE.exec(sentence);
  return place ? `${place[1]} ${titleCase(place[2] ?? '')}` : sentence;
}
