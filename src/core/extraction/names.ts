/**
 * Personal names. Letters name people right after their office ("Phó Chủ tịch UBND tỉnh
 * Hồ Quang Bửu"), exactly where a place name could stand ("UBND tỉnh Quảng Nam"); a
 * Vietnamese full name starts with one of a short list of family names, which tells them apart.
 */
import { foldVietnamese } from '../text/fold';

const SURNAMES = new Set(
  (
    'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dao doan vuong trinh truong lam ' +
    'phung mai to ha ta luu cao chu chau dinh kieu luong mac quach thai trieu tang lai nghiem hua au dam khong ' +
    'giang ton than doan tu diep dong nong lo luc hau kim bach ninh la khuat thach y'
  ).split(' '),
);

/** Place names that begin with a family name and must not be read as people. */
const PLACES_LIKE_NAMES = new Set(['ho chi minh', 'bach long vi', 'lam dong', 'cao bang', 'kien giang', 'hau giang', 'ha noi', 'ha nam', 'ha tinh', 'ha giang', 'tay ninh', 'ninh binh', 'ninh thuan', 'lai chau']);

const NAME_WORD = /^\p{Lu}\p{Ll}*$/u;

/** True when the words look like a Vietnamese full name (capitalised words, family name first). */
export function looksLikePersonName(s: string, minWords = 2): boolean {
  const words = s.trim().split(/\s+/);
  if (words.length < minWords || words.length > 5) return false;
  if (!words.every((w) => NAME_WORD.test(w))) return false;
  const folded = foldVietnamese(s);
  if (PLACES_LIKE_NAMES.has(folded)) return false;
  return SURNAMES.has(foldVietnamese(words[0] ?? ''));
}

/** A line that holds only a person's name, as under a signature (any capitalised words). */
export function isNameLine(line: string, requireSurname: boolean): boolean {
  const t = line.trim();
  if (!/^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$/u.test(t)) return false;
  return requireSurname ? looksLikePersonName(t) : true;
}

export const PERSON_NAME_PATTERN = '\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}*){1,4}';
