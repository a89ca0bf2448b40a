import { foldVietnamese } from '../../core/text/fold';
import { HAI_PHONG_2025, type NewLevel, type NewUnitRow } from './hai-phong-2025';
import { DISTRICTS_LAST_DAY, DISTRICTS_REARRANGED_FROM, MODELLED_FROM, ND_106_2002, ND_145_2007, TWO_LEVEL_FROM, type SeedUnit } from './types';

/**
 * Commune-level units of the new Hải Phòng (114, from 01/07/2025) and of the two provinces it
 * was formed from (until 30/06/2025), built from the data of hai-phong-2025.ts, which names
 * its sources and the rules used where they are silent.
 *
 * Codes: new units 'HP.P.<name>' (phường), 'HP.XA.<name>' (xã), 'HP.DK.<name>' (đặc khu), with
 * the GSO code appended where two names fold alike (Cẩm Giang, Cẩm Giàng); the GSO code itself
 * is `officialCode`. Former Hải Phòng units 'HP.X.<district>.<P|X|TT><name>[.<qualifier>]',
 * former Hải Dương units 'HP.HD.<P|X|TT><name>[.<qualifier>]'.
 */

/** The former province of Hải Dương, merged into Hải Phòng on 01/07/2025 (NQ 202/2025/QH15). */
export const HAI_DUONG: SeedUnit = {
  code: 'HP.HD',
  name: 'Ủy ban nhân dân tỉnh Hải Dương',
  shortName: 'UBND tỉnh Hải Dương',
  kind: 'city_committee',
  parentCode: null,
  validFrom: MODELLED_FROM,
  validTo: DISTRICTS_LAST_DAY,
  successorCodes: ['HP'],
  aliases: ['tỉnh Hải Dương', 'UBND tỉnh Hải Dương cũ'],
};

const slug = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]/g, '').toUpperCase();

const NEW_PREFIX: Record<NewLevel, string> = { phường: 'HP.P', xã: 'HP.XA', 'đặc khu': 'HP.DK' };

function newCodes(rows: readonly NewUnitRow[]): Map<string, string> {
  const base = (r: NewUnitRow) => `${NEW_PREFIX[r[1]]}.${slug(r[2])}`;
  const count = new Map<string, number>();
  for (const r of rows) count.set(base(r), (count.get(base(r)) ?? 0) + 1);
  return new Map(rows.map((r) => [r[0], count.get(base(r))! > 1 ? `${base(r)}.${r[0]}` : base(r)]));
}

/** "Xã Hồng Phong (huyện Nam Sách)" → level, place, qualifier. */
const FORMER = /^(Phường|Xã|Thị trấn|Huyện) (.+?)(?: \((.+)\))?$/;
const LEVEL_LETTER: Record<string, string> = { phường: 'P', xã: 'X', 'thị trấn': 'TT' };

interface Former {
  key: string;
  level: string;
  place: string;
  qualifier: string | undefined;
  haiDuong: boolean;
  /** New units it went to, in the source's order. */
  successors: NewUnitRow[];
}

function formerUnits(rows: readonly NewUnitRow[]): Former[] {
  const byKey = new Map<string, Former>();
  for (const row of rows) {
    for (const text of row[4]) {
      const m = FORMER.exec(text);
      if (!m) throw new Error(`Không đọc được tên đơn vị cũ "${text}"`);
      if (m[1] === 'Huyện') continue; // Bạch Long Vĩ: a district with no communes, modelled in districts.ts
      const haiDuong = row[3] === null;
      const key = `${haiDuong ? 'HD' : 'HP'}|${text}`;
      const f = byKey.get(key) ?? { key, level: m[1]!.toLowerCase(), place: m[2]!, qualifier: m[3], haiDuong, successors: [] };
      f.successors.push(row);
      byKey.set(key, f);
    }
  }
  return [...byKey.values()];
}

/** The new unit with the former unit's own name, else the first that received it. */
function principal(f: Former): NewUnitRow {
  return f.successors.find((r) => foldVietnamese(r[2]) === foldVietnamese(f.place)) ?? f.successors[0]!;
}

/** A former commune starts no earlier than its district (the dates of districts.ts). */
const DISTRICT_VALID_FROM: Record<string, string> = {
  'HP.TP.THUYNGUYEN': DISTRICTS_REARRANGED_FROM,
  'HP.Q.ANDUONG': DISTRICTS_REARRANGED_FROM,
  'HP.Q.HAIAN': ND_106_2002,
  'HP.Q.DOSON': ND_145_2007,
  'HP.Q.DUONGKINH': ND_145_2007,
};

function buildCommunes(rows: readonly NewUnitRow[]) {
  const codeOf = newCodes(rows);
  const after: SeedUnit[] = rows.map(([gso, level, place]) => ({
    code: codeOf.get(gso)!,
    name: `Ủy ban nhân dân ${level} ${place}`,
    kind: 'commune',
    parentCode: 'HP',
    validFrom: TWO_LEVEL_FROM,
    validTo: null,
    officialCode: gso,
    aliases: [`UBND ${level} ${place}`, `${level} ${place}`],
  }));

  const formers = formerUnits(rows);
  // A name shared by two former units (xã Hòa Bình of Vĩnh Bảo and of Kim Thành) is told apart
  // by where it was; a name that is unique stays as people write it.
  const plain = (f: Former) => foldVietnamese(`${f.level} ${f.place}${f.qualifier ? ` (${f.qualifier})` : ''}`);
  const seen = new Map<string, number>();
  for (const f of formers) seen.set(plain(f), (seen.get(plain(f)) ?? 0) + 1);

  const before: SeedUnit[] = formers.map((f) => {
    const main = principal(f);
    const parentCode = f.haiDuong ? HAI_DUONG.code : main[3]!;
    const where = f.qualifier ?? (seen.get(plain(f))! > 1 ? (f.haiDuong ? 'tỉnh Hải Dương' : districtLabel(parentCode)) : undefined);
    const label = `${f.level} ${f.place}${where ? ` (${where})` : ''}`;
    const tail = `${LEVEL_LETTER[f.level]}${slug(f.place)}${f.qualifier ? `.${slug(f.qualifier.replace(/^(huyện|quận|thị xã|thành phố) /, ''))}` : ''}`;
    const successorCodes = [main, ...f.successors.filter((r) => r !== main)].map((r) => codeOf.get(r[0])!);
    return {
      code: f.haiDuong ? `${HAI_DUONG.code}.${tail}` : `HP.X.${parentCode.split('.').pop()}.${tail}`,
      name: `Ủy ban nhân dân ${label}`,
      kind: 'commune',
      parentCode,
      validFrom: DISTRICT_VALID_FROM[parentCode] ?? MODELLED_FROM,
      validTo: DISTRICTS_LAST_DAY,
      successorCodes,
      aliases: [`UBND ${label}`, label],
    };
  });
  return { before, after, codeOf };
}

const DISTRICT_LEVEL: Record<string, string> = { Q: 'quận', H: 'huyện', TP: 'thành phố' };
const DISTRICT_PLACE: Record<string, string> = {
  ANDUONG: 'An Dương', ANLAO: 'An Lão', DUONGKINH: 'Dương Kinh', DOSON: 'Đồ Sơn', HAIAN: 'Hải An',
  HONGBANG: 'Hồng Bàng', KIENAN: 'Kiến An', KIENTHUY: 'Kiến Thụy', LECHAN: 'Lê Chân', NGOQUYEN: 'Ngô Quyền',
  THUYNGUYEN: 'Thủy Nguyên', TIENLANG: 'Tiên Lãng', VINHBAO: 'Vĩnh Bảo', CATHAI: 'Cát Hải', BACHLONGVI: 'Bạch Long Vĩ',
};

function districtLabel(code: string): string {
  const [, level, place] = code.split('.');
  return `${DISTRICT_LEVEL[level!]} ${DISTRICT_PLACE[place!]}`;
}

const built = buildCommunes(HAI_PHONG_2025);

/** Until 30/06/2025: the commune-level units of former Hải Phòng (under their district) and of former Hải Dương. */
export const COMMUNES_BEFORE_2025_07: SeedUnit[] = built.before;

/** From 01/07/2025, directly under the city: the 114 units of NQ 1669/NQ-UBTVQH15. */
export const COMMUNES_FROM_2025_07: SeedUnit[] = built.after;

/**
 * Successors of each former Hải Phòng district: the new units formed in it, the one with the
 * district's name first (the principal successor, which inherits the district's own history).
 */
export function districtSuccessors(districtCode: string): string[] {
  const rows = HAI_PHONG_2025.filter((r) => r[3] === districtCode);
  const place = DISTRICT_PLACE[districtCode.split('.').pop()!]!;
  const main = rows.find((r) => foldVietnamese(r[2]) === foldVietnamese(place)) ?? rows[0];
  if (!main) throw new Error(`Không có đơn vị mới nào của ${districtCode}`);
  return [main, ...rows.filter((r) => r !== main)].map((r) => built.codeOf.get(r[0])!);
}
