import {
  DISTRICTS_LAST_DAY,
  DISTRICTS_REARRANGED_FROM,
  DISTRICTS_REARRANGED_LAST_DAY,
  MODELLED_FROM,
  ND_106_2002,
  ND_145_2007,
  TWO_LEVEL_FROM,
  type SeedUnit,
} from './types';

/**
 * SAMPLE commune-level units. Old Hải Phòng had 217 (2024), then 167 after the 2023–2025
 * arrangement; new Hải Phòng has 114 (67 xã, 45 phường, 2 đặc khu; NQ 1669/NQ-UBTVQH15,
 * vn-specs §8). Only a few are included, enough that every district has communes below it
 * and a successor after it, and that "the tree as of 2026-01-01" has communes and no
 * districts. Names are realistic but the selection, the intervals and the predecessor →
 * successor links are demo data, not a transcription of the arrangement acts: `sample: true`.
 *
 * Not modelled: the 01/01/2025 commune-level arrangement (217 → 167) except for the wards of
 * the new TP Thủy Nguyên and quận An Dương, which must start with their new parents.
 *
 * Codes: before 01/07/2025 'HP.X.<district>.<nn>'; after, 'HP.P.<name>' (phường),
 * 'HP.XA.<name>' (xã), 'HP.DK.<name>' (đặc khu).
 */

type Level = 'phường' | 'xã' | 'thị trấn' | 'đặc khu';

function commune(
  code: string,
  level: Level,
  place: string,
  parentCode: string,
  validFrom: string,
  validTo: string | null,
  successorCodes?: string[],
): SeedUnit {
  const unit: SeedUnit = {
    code,
    name: `Ủy ban nhân dân ${level} ${place}`,
    kind: 'commune',
    parentCode,
    validFrom,
    validTo,
    aliases: [`UBND ${level} ${place}`, `${level} ${place}`],
    sample: true,
  };
  if (successorCodes) unit.successorCodes = successorCodes;
  return unit;
}

const END = DISTRICTS_LAST_DAY;

/** Before 01/07/2025, under their district. Bạch Long Vĩ is a huyện with no communes at all. */
export const COMMUNES_BEFORE_2025_07: SeedUnit[] = [
  commune('HP.X.HONGBANG.01', 'phường', 'Minh Khai', 'HP.Q.HONGBANG', MODELLED_FROM, END, ['HP.P.HONGBANG']),
  commune('HP.X.HONGBANG.02', 'phường', 'Hoàng Văn Thụ', 'HP.Q.HONGBANG', MODELLED_FROM, END, ['HP.P.HONGBANG']),
  commune('HP.X.NGOQUYEN.01', 'phường', 'Máy Tơ', 'HP.Q.NGOQUYEN', MODELLED_FROM, END, ['HP.P.NGOQUYEN']),
  commune('HP.X.NGOQUYEN.02', 'phường', 'Lạch Tray', 'HP.Q.NGOQUYEN', MODELLED_FROM, END, ['HP.P.GIAVIEN']),
  commune('HP.X.LECHAN.01', 'phường', 'Trại Cau', 'HP.Q.LECHAN', MODELLED_FROM, END, ['HP.P.LECHAN']),
  commune('HP.X.LECHAN.02', 'phường', 'Dư Hàng Kênh', 'HP.Q.LECHAN', MODELLED_FROM, END, ['HP.P.ANBIEN']),
  commune('HP.X.HAIAN.01', 'phường', 'Đằng Lâm', 'HP.Q.HAIAN', ND_106_2002, END, ['HP.P.HAIAN']),
  commune('HP.X.HAIAN.02', 'phường', 'Cát Bi', 'HP.Q.HAIAN', ND_106_2002, END, ['HP.P.DONGHAI']),
  commune('HP.X.KIENAN.01', 'phường', 'Bắc Sơn', 'HP.Q.KIENAN', MODELLED_FROM, END, ['HP.P.KIENAN']),
  commune('HP.X.KIENAN.02', 'phường', 'Văn Đẩu', 'HP.Q.KIENAN', MODELLED_FROM, END, ['HP.P.KIENAN']),
  commune('HP.X.DOSON.01', 'phường', 'Vạn Hương', 'HP.Q.DOSON', ND_145_2007, END, ['HP.P.DOSON']),
  commune('HP.X.DOSON.02', 'phường', 'Ngọc Xuyên', 'HP.Q.DOSON', ND_145_2007, END, ['HP.P.DOSON']),
  commune('HP.X.DUONGKINH.01', 'phường', 'Hòa Nghĩa', 'HP.Q.DUONGKINH', ND_145_2007, END, ['HP.P.DUONGKINH']),
  commune('HP.X.DUONGKINH.02', 'phường', 'Anh Dũng', 'HP.Q.DUONGKINH', ND_145_2007, END, ['HP.P.DUONGKINH']),
  // Huyện Thủy Nguyên and huyện An Dương end on 31/12/2024, so do their communes.
  commune('HP.X.THUYNGUYEN.01', 'thị trấn', 'Núi Đèo', 'HP.H.THUYNGUYEN', MODELLED_FROM, DISTRICTS_REARRANGED_LAST_DAY, ['HP.X.TPTHUYNGUYEN.01']),
  commune('HP.X.THUYNGUYEN.02', 'xã', 'Thủy Sơn', 'HP.H.THUYNGUYEN', MODELLED_FROM, DISTRICTS_REARRANGED_LAST_DAY, ['HP.X.TPTHUYNGUYEN.02']),
  commune('HP.X.TPTHUYNGUYEN.01', 'phường', 'Thiên Hương', 'HP.TP.THUYNGUYEN', DISTRICTS_REARRANGED_FROM, END, ['HP.P.THIENHUONG']),
  commune('HP.X.TPTHUYNGUYEN.02', 'phường', 'Lưu Kiếm', 'HP.TP.THUYNGUYEN', DISTRICTS_REARRANGED_FROM, END, ['HP.P.THUYNGUYEN']),
  commune('HP.X.ANDUONG.01', 'thị trấn', 'An Dương', 'HP.H.ANDUONG', ND_106_2002, DISTRICTS_REARRANGED_LAST_DAY, ['HP.X.QANDUONG.01']),
  commune('HP.X.ANDUONG.02', 'xã', 'Lê Thiện', 'HP.H.ANDUONG', ND_106_2002, DISTRICTS_REARRANGED_LAST_DAY, ['HP.X.QANDUONG.02']),
  commune('HP.X.QANDUONG.01', 'phường', 'An Đồng', 'HP.Q.ANDUONG', DISTRICTS_REARRANGED_FROM, END, ['HP.P.ANDUONG']),
  commune('HP.X.QANDUONG.02', 'phường', 'Lê Thiện', 'HP.Q.ANDUONG', DISTRICTS_REARRANGED_FROM, END, ['HP.P.ANDUONG']),
  commune('HP.X.ANLAO.01', 'thị trấn', 'An Lão', 'HP.H.ANLAO', MODELLED_FROM, END, ['HP.XA.ANLAO']),
  commune('HP.X.ANLAO.02', 'xã', 'An Thắng', 'HP.H.ANLAO', MODELLED_FROM, END, ['HP.XA.ANLAO']),
  commune('HP.X.KIENTHUY.01', 'thị trấn', 'Núi Đối', 'HP.H.KIENTHUY', MODELLED_FROM, END, ['HP.XA.KIENTHUY']),
  commune('HP.X.KIENTHUY.02', 'xã', 'Thuận Thiên', 'HP.H.KIENTHUY', MODELLED_FROM, END, ['HP.XA.KIENTHUY']),
  commune('HP.X.TIENLANG.01', 'thị trấn', 'Tiên Lãng', 'HP.H.TIENLANG', MODELLED_FROM, END, ['HP.XA.TIENLANG']),
  commune('HP.X.TIENLANG.02', 'xã', 'Quyết Tiến', 'HP.H.TIENLANG', MODELLED_FROM, END, ['HP.XA.TIENLANG']),
  commune('HP.X.VINHBAO.01', 'thị trấn', 'Vĩnh Bảo', 'HP.H.VINHBAO', MODELLED_FROM, END, ['HP.XA.VINHBAO']),
  commune('HP.X.VINHBAO.02', 'xã', 'Cộng Hiền', 'HP.H.VINHBAO', MODELLED_FROM, END, ['HP.XA.NGUYENBINHKHIEM']),
  commune('HP.X.CATHAI.01', 'thị trấn', 'Cát Bà', 'HP.H.CATHAI', MODELLED_FROM, END, ['HP.DK.CATHAI']),
  commune('HP.X.CATHAI.02', 'thị trấn', 'Cát Hải', 'HP.H.CATHAI', MODELLED_FROM, END, ['HP.DK.CATHAI']),
];

const after = (code: string, level: Level, place: string): SeedUnit =>
  commune(code, level, place, 'HP', TWO_LEVEL_FROM, null);

/**
 * From 01/07/2025, directly under the city. The two đặc khu are facts (vn-specs §8 names
 * Cát Hải and Bạch Long Vĩ among the 13 đặc khu), so they are not flagged sample; the rest
 * are a sample of the 114. 'phường Hải Dương' stands for the units that came from former
 * Hải Dương province, whose pre-merger tree is not modelled.
 */
export const COMMUNES_FROM_2025_07: SeedUnit[] = [
  after('HP.P.HONGBANG', 'phường', 'Hồng Bàng'),
  after('HP.P.NGOQUYEN', 'phường', 'Ngô Quyền'),
  after('HP.P.GIAVIEN', 'phường', 'Gia Viên'),
  after('HP.P.LECHAN', 'phường', 'Lê Chân'),
  after('HP.P.ANBIEN', 'phường', 'An Biên'),
  after('HP.P.HAIAN', 'phường', 'Hải An'),
  after('HP.P.DONGHAI', 'phường', 'Đông Hải'),
  after('HP.P.KIENAN', 'phường', 'Kiến An'),
  after('HP.P.DOSON', 'phường', 'Đồ Sơn'),
  after('HP.P.DUONGKINH', 'phường', 'Dương Kinh'),
  after('HP.P.THUYNGUYEN', 'phường', 'Thủy Nguyên'),
  after('HP.P.THIENHUONG', 'phường', 'Thiên Hương'),
  after('HP.P.ANDUONG', 'phường', 'An Dương'),
  after('HP.XA.ANLAO', 'xã', 'An Lão'),
  after('HP.XA.KIENTHUY', 'xã', 'Kiến Thụy'),
  after('HP.XA.TIENLANG', 'xã', 'Tiên Lãng'),
  after('HP.XA.VINHBAO', 'xã', 'Vĩnh Bảo'),
  after('HP.XA.NGUYENBINHKHIEM', 'xã', 'Nguyễn Bỉnh Khiêm'),
  after('HP.P.HAIDUONG', 'phường', 'Hải Dương'),
  { ...after('HP.DK.CATHAI', 'đặc khu', 'Cát Hải'), sample: false },
  { ...after('HP.DK.BACHLONGVI', 'đặc khu', 'Bạch Long Vĩ'), sample: false },
];
