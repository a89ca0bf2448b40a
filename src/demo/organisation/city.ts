import {
  DEPARTMENTS_MERGED_FROM,
  DEPARTMENTS_MERGED_LAST_DAY,
  MODELLED_FROM,
  type SeedUnit,
} from './types';

/**
 * The People's Committee of Hải Phòng and the departments and agencies that report to it.
 *
 * Names are the forms the city's own documents use (seeds 000–004); aliases are the other
 * ways the seeds, the gold file (shared/eval/seeds-gold.json) and everyday letters write
 * them. Case variants ("Sở Tài Nguyên và Môi trường") are not listed: matching folds case
 * and diacritics (foldVietnamese).
 *
 * Groups: 'departments' is whatever the city addresses as "các Sở, ban, ngành thành phố".
 * Seed 000 is addressed to "Các Sở, ban, ngành thành phố; Văn phòng Đoàn ĐBQH và HĐND thành
 * phố; Báo Hải Phòng" and then rates Công an, Bộ Chỉ huy quân sự and Cục Thi hành án dân sự,
 * so those vertical agencies count as "ngành" too and carry both 'departments' and
 * 'agencies'; the Văn phòng Đoàn ĐBQH và HĐND and the press are agencies only.
 *
 * After 01/07/2025 Hải Phòng absorbed Hải Dương province (NQ 202/2025/QH15). The city
 * committee and its departments continue as the same units (each Sở of Hải Phòng took in its
 * Hải Dương counterpart); Hải Dương's own pre-merger units are not modelled.
 */

const CITY = 'HP';

export const CITY_COMMITTEE: SeedUnit = {
  code: CITY,
  name: 'Ủy ban nhân dân thành phố Hải Phòng',
  shortName: 'UBND thành phố',
  kind: 'city_committee',
  parentCode: null,
  // Not a founding date: a floor early enough that every unit of the seeds fits under it.
  validFrom: MODELLED_FROM,
  validTo: null,
  aliases: [
    'UBND thành phố',
    'Ủy ban nhân dân thành phố',
    'UBND thành phố Hải Phòng',
    'UBND TP Hải Phòng',
    'UBND TP',
    'UBNDTP',
  ],
};

type CityUnit = Omit<SeedUnit, 'parentCode' | 'validFrom' | 'validTo'> &
  Partial<Pick<SeedUnit, 'validFrom' | 'validTo'>>;

function underCity(u: CityUnit): SeedUnit {
  return { parentCode: CITY, validFrom: MODELLED_FROM, validTo: null, ...u };
}

const ended = { validTo: DEPARTMENTS_MERGED_LAST_DAY } as const;
const merged = { validFrom: DEPARTMENTS_MERGED_FROM } as const;

/**
 * Departments (cơ quan chuyên môn) and their 2025 reorganisation.
 *
 * From 01/03/2025 (NĐ 45/2025/NĐ-CP of 28/02/2025; shared/reference/vn-specs.md §0, §3.7):
 * - Sở TT&TT merged into Sở KH&CN. The existing Sở KH&CN keeps its name and code and simply
 *   continues, so it is the principal successor; no new unit is needed. Press and publishing
 *   went to the culture department (vn-specs §0), hence the second successor.
 * - Sở KH&ĐT merged into Sở Tài chính, which likewise continues.
 * - NĐ 45/2025 lists the departments every province keeps (Nội vụ, Tư pháp, Tài chính, Công
 *   Thương, Nông nghiệp và Môi trường, Xây dựng, KH&CN, VH-TT&DL, GD&ĐT, Y tế, Thanh tra,
 *   Văn phòng UBND) and the special ones (Ngoại vụ, Dân tộc và Tôn giáo, Du lịch, Quy hoạch -
 *   Kiến trúc) (hdnd.dongnai.gov.vn summary of NĐ 45/2025). So Sở GTVT, Sở TN&MT, Sở NN&PTNT
 *   and Sở LĐ-TB&XH end on 28/02/2025:
 *   - Sở GTVT into Sở Xây dựng (continues);
 *   - Sở TN&MT + Sở NN&PTNT into the new Sở Nông nghiệp và Môi trường; Hải Phòng's merged
 *     department is confirmed (tiepthithuonghieu.com, "Sở NN&MT Hải Phòng … sau sáp nhập");
 *   - Sở LĐ-TB&XH split: labour and people with merit to Sở Nội vụ (principal), social
 *     protection and children to Sở Y tế, vocational training to Sở GD&ĐT (national split
 *     of the ministry; the Hải Phòng act itself was not read).
 * - Sở Văn hóa và Thể thao + Sở Du lịch into Sở Văn hóa, Thể thao và Du lịch: the merged
 *   department exists in Hải Phòng by 10/2025 (thuongtruong.nvcms.net, 23/10/2025, which also
 *   lists Sở Ngoại vụ as still existing); its start on 01/03/2025 is inferred from NĐ 45/2025,
 *   not read in a Hải Phòng act.
 */
export const DEPARTMENTS: SeedUnit[] = [
  underCity({
    code: 'HP.VPUBND',
    name: 'Văn phòng Ủy ban nhân dân thành phố',
    shortName: 'VP UBND TP',
    kind: 'department',
    aliases: ['VP UBND TP', 'Văn phòng UBND thành phố', 'Văn phòng UBND TP', 'VP UBND thành phố', 'VPUBND'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.STTTT',
    name: 'Sở Thông tin và Truyền thông',
    shortName: 'Sở TT&TT',
    kind: 'department',
    ...ended,
    successorCodes: ['HP.SKHCN', 'HP.SVHTTDL'],
    aliases: [
      'Sở TT&TT',
      'Sở TTTT',
      'STTTT',
      'Sở TT-TT',
      'Sở Thông tin - Truyền thông',
      'Sở Thông tin và Truyền thông Hải Phòng',
    ],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SKHCN',
    name: 'Sở Khoa học và Công nghệ',
    shortName: 'Sở KH&CN',
    kind: 'department',
    aliases: ['Sở KH&CN', 'Sở KHCN', 'SKHCN', 'Sở KH-CN', 'Sở Khoa học - Công nghệ'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SKHDT',
    name: 'Sở Kế hoạch và Đầu tư',
    shortName: 'Sở KH&ĐT',
    kind: 'department',
    ...ended,
    successorCodes: ['HP.STC'],
    aliases: ['Sở KH&ĐT', 'Sở KHĐT', 'SKHĐT', 'Sở KH-ĐT', 'Sở Kế hoạch - Đầu tư'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.STC',
    name: 'Sở Tài chính',
    kind: 'department',
    aliases: ['STC', 'Sở Tài chính Hải Phòng'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SNV',
    name: 'Sở Nội vụ',
    kind: 'department',
    aliases: ['SNV', 'Sở Nội vụ Hải Phòng'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SLDTBXH',
    name: 'Sở Lao động - Thương binh và Xã hội',
    shortName: 'Sở LĐ-TB&XH',
    kind: 'department',
    ...ended,
    successorCodes: ['HP.SNV', 'HP.SYT', 'HP.SGDDT'],
    aliases: [
      'Sở LĐ-TB&XH',
      'Sở LĐTBXH',
      'SLĐTBXH',
      'Sở Lao động, Thương binh và Xã hội',
      'Sở Lao động Thương binh và Xã hội',
    ],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SYT',
    name: 'Sở Y tế',
    kind: 'department',
    aliases: ['SYT', 'Sở Y tế Hải Phòng'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SGDDT',
    name: 'Sở Giáo dục và Đào tạo',
    shortName: 'Sở GD&ĐT',
    kind: 'department',
    aliases: ['Sở GD&ĐT', 'Sở GDĐT', 'SGDĐT', 'Sở GD-ĐT', 'Sở Giáo dục - Đào tạo', 'Sở Giáo dục Đào tạo'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SXD',
    name: 'Sở Xây dựng',
    kind: 'department',
    aliases: ['SXD', 'Sở Xây dựng Hải Phòng'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SGTVT',
    name: 'Sở Giao thông vận tải',
    shortName: 'Sở GTVT',
    kind: 'department',
    ...ended,
    successorCodes: ['HP.SXD'],
    aliases: ['Sở GTVT', 'SGTVT', 'Sở GT-VT', 'Sở Giao thông - Vận tải'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SCT',
    name: 'Sở Công Thương',
    kind: 'department',
    aliases: ['SCT', 'Sở Công Thương Hải Phòng'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.STNMT',
    name: 'Sở Tài nguyên và Môi trường',
    shortName: 'Sở TN&MT',
    kind: 'department',
    ...ended,
    successorCodes: ['HP.SNNMT'],
    aliases: ['Sở TN&MT', 'Sở TNMT', 'STNMT', 'Sở TN-MT', 'Sở Tài nguyên - Môi trường', 'Sở Tài nguyên Môi trường'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SNNPTNT',
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    shortName: 'Sở NN&PTNT',
    kind: 'department',
    ...ended,
    successorCodes: ['HP.SNNMT'],
    aliases: ['Sở NN&PTNT', 'Sở NNPTNT', 'SNNPTNT', 'Sở Nông nghiệp - Phát triển nông thôn'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SNNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    shortName: 'Sở NN&MT',
    kind: 'department',
    ...merged,
    aliases: ['Sở NN&MT', 'Sở NNMT', 'SNNMT', 'Sở Nông nghiệp - Môi trường'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SVHTT',
    name: 'Sở Văn hóa và Thể thao',
    shortName: 'Sở VH&TT',
    kind: 'department',
    ...ended,
    successorCodes: ['HP.SVHTTDL'],
    aliases: ['Sở VH&TT', 'Sở VHTT', 'Sở VH-TT', 'Sở Văn hóa - Thể thao'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SDL',
    name: 'Sở Du lịch',
    kind: 'department',
    ...ended,
    successorCodes: ['HP.SVHTTDL'],
    aliases: ['Sở Du lịch Hải Phòng'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    shortName: 'Sở VH-TT&DL',
    kind: 'department',
    ...merged,
    aliases: ['Sở VH-TT&DL', 'Sở VHTTDL', 'Sở VHTT&DL', 'Sở Văn hóa Thể thao và Du lịch'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.STP',
    name: 'Sở Tư pháp',
    kind: 'department',
    aliases: ['STP', 'Sở Tư pháp Hải Phòng'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.SNGV',
    name: 'Sở Ngoại vụ',
    kind: 'department',
    aliases: ['Sở Ngoại vụ Hải Phòng'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.TTRA',
    name: 'Thanh tra thành phố',
    kind: 'department',
    aliases: ['Thanh tra TP', 'Thanh tra thành phố Hải Phòng'],
    groups: ['departments'],
  }),
  underCity({
    code: 'HP.BQLKKT',
    name: 'Ban Quản lý Khu kinh tế Hải Phòng',
    shortName: 'BQL KKT',
    kind: 'department',
    aliases: ['BQL KKT', 'BQL Khu kinh tế Hải Phòng', 'Ban Quản lý Khu kinh tế', 'Ban Quản lý KKT Hải Phòng'],
    groups: ['departments'],
  }),
];

/**
 * Agencies: central bodies located in the city (ngành dọc), the press, and the office of
 * the National Assembly delegation and People's Council. The last is a "văn phòng" but not
 * part of the People's Committee, and seed 000 addresses it apart from the Sở, ban, ngành,
 * so it is an agency here.
 *
 * Their 2025 changes are NOT modelled (left open) because no source in reach confirmed them
 * for Hải Phòng: the renaming of the civil-judgment office, a possible merger of Báo Hải
 * Phòng with the radio-TV station. The tax department and social insurance are left out: the
 * seeds never name them and their 2025 regional reorganisation could not be confirmed.
 */
export const AGENCIES: SeedUnit[] = [
  underCity({
    code: 'HP.CATP',
    name: 'Công an thành phố',
    kind: 'agency',
    aliases: ['Công an thành phố Hải Phòng', 'Công an TP', 'Công an TP Hải Phòng', 'CATP'],
    groups: ['departments', 'agencies'],
  }),
  underCity({
    code: 'HP.BCHQS',
    name: 'Bộ Chỉ huy Quân sự thành phố',
    shortName: 'Bộ CHQS TP',
    kind: 'agency',
    aliases: ['Bộ CHQS TP', 'Bộ CHQS thành phố', 'Bộ Chỉ huy Quân sự thành phố Hải Phòng'],
    groups: ['departments', 'agencies'],
  }),
  underCity({
    code: 'HP.CTHADS',
    name: 'Cục Thi hành án dân sự thành phố',
    shortName: 'Cục THADS TP',
    kind: 'agency',
    aliases: ['Cục THADS TP', 'Cục THADS thành phố', 'Cục Thi hành án dân sự thành phố Hải Phòng'],
    groups: ['departments', 'agencies'],
  }),
  underCity({
    code: 'HP.BAOHP',
    name: 'Báo Hải Phòng',
    kind: 'agency',
    groups: ['agencies'],
  }),
  underCity({
    code: 'HP.DAIPTTH',
    name: 'Đài Phát thanh và Truyền hình Hải Phòng',
    shortName: 'Đài PT-TH Hải Phòng',
    kind: 'agency',
    aliases: [
      'Đài PT-TH Hải Phòng',
      'Đài PT&TH Hải Phòng',
      'Đài Phát thanh - Truyền hình Hải Phòng',
      'Đài Phát thanh và Truyền hình',
    ],
    groups: ['agencies'],
  }),
  underCity({
    code: 'HP.VPDBQHHDND',
    name: 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân thành phố',
    shortName: 'VP Đoàn ĐBQH và HĐND TP',
    kind: 'agency',
    aliases: [
      'Văn phòng Đoàn ĐBQH và HĐND thành phố',
      'VP Đoàn ĐBQH và HĐND TP',
      'Văn phòng Đoàn ĐBQH và HĐND TP',
      'Văn phòng Đoàn ĐBQH và HĐND',
    ],
    groups: ['agencies'],
  }),
];
