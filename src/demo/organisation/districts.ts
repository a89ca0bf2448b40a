import { districtSuccessors } from './communes';
import {
  DISTRICTS_LAST_DAY,
  DISTRICTS_REARRANGED_FROM,
  DISTRICTS_REARRANGED_LAST_DAY,
  MODELLED_FROM,
  ND_106_2002,
  ND_145_2007,
  type SeedUnit,
} from './types';

/**
 * The 15 district-level units of old Hải Phòng, named as their People's Committees.
 *
 * 2024: 7 quận (Hồng Bàng, Ngô Quyền, Lê Chân, Hải An, Kiến An, Đồ Sơn, Dương Kinh) and
 * 8 huyện (Thủy Nguyên, An Dương, An Lão, Kiến Thụy, Tiên Lãng, Vĩnh Bảo, Cát Hải, Bạch Long
 * Vĩ). From 01/01/2025 (NQ 1232/NQ-UBTVQH15 of 24/10/2024; vietnamnet.vn and vietbao.vn,
 * 04/11/2024; vn-specs §8 "TP Thủy Nguyên + quận An Dương") huyện Thủy Nguyên became a city
 * under the city and huyện An Dương a quận. The new name and kind make them new units, with
 * the old huyện as predecessors, so 2025 still counts 15 (8 quận, 1 thành phố, 6 huyện).
 * All end on 30/06/2025: local government has two levels from 01/07/2025. Their successors
 * are the new units formed in them (communes.ts, from NQ 1669/NQ-UBTVQH15), the one that
 * bears the district's name first.
 *
 * validFrom: Hải An and the rename of huyện An Hải to An Dương come from NĐ 106/2002/NĐ-CP
 * (signed 20/12/2002; its in-force date was not read, so the signing date is used);
 * quận Dương Kinh and quận Đồ Sơn from NĐ 145/2007/NĐ-CP (in force 07/10/2007, lawnet.vn).
 * The others existed before the modelled floor.
 */

const CITY = 'HP';

type Level = 'quận' | 'huyện' | 'thành phố';

const CODE_PREFIX: Record<Level, string> = { quận: 'HP.Q', huyện: 'HP.H', 'thành phố': 'HP.TP' };

function district(
  level: Level,
  place: string,
  slug: string,
  validFrom: string,
  validTo: string,
  successorCodes: string[],
): SeedUnit {
  const aliases = [`UBND ${level} ${place}`, `${level} ${place}`, place];
  if (level === 'thành phố') aliases.splice(2, 0, `TP ${place}`, `TP. ${place}`);
  return {
    code: `${CODE_PREFIX[level]}.${slug}`,
    name: `Ủy ban nhân dân ${level} ${place}`,
    shortName: `UBND ${level} ${place}`,
    kind: 'district',
    parentCode: CITY,
    validFrom,
    validTo,
    successorCodes,
    aliases,
    groups: ['districts'],
  };
}

const END = DISTRICTS_LAST_DAY;

export const DISTRICTS: SeedUnit[] = [
  district('quận', 'Hồng Bàng', 'HONGBANG', MODELLED_FROM, END, districtSuccessors('HP.Q.HONGBANG')),
  district('quận', 'Ngô Quyền', 'NGOQUYEN', MODELLED_FROM, END, districtSuccessors('HP.Q.NGOQUYEN')),
  district('quận', 'Lê Chân', 'LECHAN', MODELLED_FROM, END, districtSuccessors('HP.Q.LECHAN')),
  district('quận', 'Hải An', 'HAIAN', ND_106_2002, END, districtSuccessors('HP.Q.HAIAN')),
  district('quận', 'Kiến An', 'KIENAN', MODELLED_FROM, END, districtSuccessors('HP.Q.KIENAN')),
  district('quận', 'Đồ Sơn', 'DOSON', ND_145_2007, END, districtSuccessors('HP.Q.DOSON')),
  district('quận', 'Dương Kinh', 'DUONGKINH', ND_145_2007, END, districtSuccessors('HP.Q.DUONGKINH')),
  district('huyện', 'Thủy Nguyên', 'THUYNGUYEN', MODELLED_FROM, DISTRICTS_REARRANGED_LAST_DAY, ['HP.TP.THUYNGUYEN']),
  district('thành phố', 'Thủy Nguyên', 'THUYNGUYEN', DISTRICTS_REARRANGED_FROM, END, districtSuccessors('HP.TP.THUYNGUYEN')),
  district('huyện', 'An Dương', 'ANDUONG', ND_106_2002, DISTRICTS_REARRANGED_LAST_DAY, ['HP.Q.ANDUONG']),
  district('quận', 'An Dương', 'ANDUONG', DISTRICTS_REARRANGED_FROM, END, districtSuccessors('HP.Q.ANDUONG')),
  district('huyện', 'An Lão', 'ANLAO', MODELLED_FROM, END, districtSuccessors('HP.H.ANLAO')),
  district('huyện', 'Kiến Thụy', 'KIENTHUY', MODELLED_FROM, END, districtSuccessors('HP.H.KIENTHUY')),
  district('huyện', 'Tiên Lãng', 'TIENLANG', MODELLED_FROM, END, districtSuccessors('HP.H.TIENLANG')),
  district('huyện', 'Vĩnh Bảo', 'VINHBAO', MODELLED_FROM, END, districtSuccessors('HP.H.VINHBAO')),
  district('huyện', 'Cát Hải', 'CATHAI', MODELLED_FROM, END, districtSuccessors('HP.H.CATHAI')),
  district('huyện', 'Bạch Long Vĩ', 'BACHLONGVI', MODELLED_FROM, END, districtSuccessors('HP.H.BACHLONGVI')),
];
