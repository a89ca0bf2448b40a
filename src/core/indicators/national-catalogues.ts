/**
 * National indicator catalogues a province can load, as data. Only what was read in a public
 * text is here, each with its address; what could not be found is said in `missing`, never
 * filled in. A catalogue groups its indicators by its own pillars (the plan's, not the
 * product's four); `productPillar` places each on the IOC's four.
 */

export type ProductPillar = 'infrastructure' | 'government' | 'economy' | 'society' | 'other';

export interface PlanPillar {
  key: string;
  name: string;
}

export interface NationalIndicator {
  code: string;
  name: string;
  /** Key of one of the catalogue's pillars; null for an index the source counts for all of them. */
  planPillar: string | null;
  productPillar: ProductPillar;
}

export interface NationalCatalogue {
  code: string;
  name: string;
  issuer: string;
  documentRef: string;
  /** First day in force, as the text or its official record gives it. */
  validFrom: string;
  /** Last day in force; null while in force (or when no replacing text was read). */
  validTo: string | null;
  /** How the dates were established. */
  validityNote: string;
  sources: readonly string[];
  pillars: readonly PlanPillar[];
  indicators: readonly NationalIndicator[];
  /** What the sources read do not give (component indices, weights, targets). */
  missing: string;
}

const DTI_PILLARS: readonly PlanPillar[] = [
  { key: 'chinh_quyen_so', name: 'Chính quyền số' },
  { key: 'kinh_te_so', name: 'Kinh tế số' },
  { key: 'xa_hoi_so', name: 'Xã hội số' },
];

/**
 * The main indices of the provincial DTI, in the order of the ranking's columns: five common
 * foundations (counted for all three pillars) and one activity index per pillar.
 */
function dtiMainIndices(prefix: string, activity: (pillar: string) => string): NationalIndicator[] {
  return [
    { code: `${prefix}_NHANTHUC`, name: 'Nhận thức số', planPillar: null, productPillar: 'other' },
    { code: `${prefix}_THECHE`, name: 'Thể chế số', planPillar: null, productPillar: 'other' },
    { code: `${prefix}_HATANG`, name: 'Hạ tầng số', planPillar: null, productPillar: 'infrastructure' },
    { code: `${prefix}_NHANLUC`, name: 'Nhân lực số', planPillar: null, productPillar: 'other' },
    { code: `${prefix}_ATTT`, name: 'An toàn thông tin mạng', planPillar: null, productPillar: 'other' },
    { code: `${prefix}_CQS`, name: activity('chính quyền số'), planPillar: 'chinh_quyen_so', productPillar: 'government' },
    { code: `${prefix}_KTS`, name: activity('kinh tế số'), planPillar: 'kinh_te_so', productPillar: 'economy' },
    { code: `${prefix}_XHS`, name: activity('xã hội số'), planPillar: 'xa_hoi_so', productPillar: 'society' },
  ];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const NATIONAL_CATALOGUES: readonly NationalCatalogue[] = [
  {
    code: 'DTI-TINH-922',
    name: 'Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI) theo QĐ 922/QĐ-BTTTT',
    issuer: 'Bộ Thông tin và Truyền thông',
    documentRef: 'Quyết định 922/QĐ-BTTTT ngày 20/05/2022',
    validFrom: '2022-05-20',
    validTo: '2025-04-02',
    validityNote:
      'Có hiệu lực từ 20/05/2022 (bản ghi văn bản). Ngày hết hiệu lực suy ra từ QĐ 405/QĐ-BKHCN (03/04/2025) phê duyệt lại cùng Đề án; chưa đọc được điều khoản thay thế.',
    sources: [
      'https://thuviennhadat.vn/vbpl/quyet-dinh-922-qd-btttt-2022-xac-dinh-bo-chi-so-danh-gia-chuyen-doi-so-cua-cac-bo-514140.html',
      'https://stttt.daknong.gov.vn/cong-nghe-thong-tin/bo-chi-so-danh-gia-muc-do-chuyen-doi-so.html',
      'https://dti.gov.vn/xep-hang-2022',
    ],
    pillars: DTI_PILLARS,
    // The 2022 ranking (dti.gov.vn) publishes these eight main indices per province.
    indicators: dtiMainIndices('DTI922', (p) => `Hoạt động ${p}`),
    missing:
      'Theo tóm tắt của Sở TT&TT Đắk Nông, DTI cấp tỉnh theo QĐ 922 có 09 chỉ số chính, 98 chỉ số thành phần, thang điểm 1000; ' +
      'bảng xếp hạng 2022 chỉ công bố 08 chỉ số chính ở trên. Tên chỉ số chính thứ chín, 98 chỉ số thành phần và điểm tối đa từng chỉ số ' +
      'chưa đọc được trong văn bản nên không đưa vào.',
  },
  {
    code: 'DTI-TINH-405',
    name: 'Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI) theo QĐ 405/QĐ-BKHCN',
    issuer: 'Bộ Khoa học và Công nghệ',
    documentRef: 'Quyết định 405/QĐ-BKHCN ngày 03/04/2025',
    validFrom: '2025-04-03',
    validTo: null,
    validityNote: 'Ngày ký 03/04/2025 (văn bản); ngày có hiệu lực ghi trong văn bản chưa đọc được, lấy ngày ký.',
    sources: [
      'https://thuvienphapluat.vn/bulletin/document.aspx?bid=80c046b9-9fe8-4f3f-8c21-09a875e66f3c&key=CbEyTxFir7vKATT7XIRXAw%3D%3D',
      'https://vietnamnet.vn/ha-noi-hue-hai-phong-dan-dau-ve-chuyen-doi-so-2455309.html',
    ],
    pillars: DTI_PILLARS,
    // Structure as the Ministry described it when publishing DTI 2024 (21/10/2025): 3 pillars,
    // 8 main indices (5 common foundations, 3 activity indices), 47 component indices.
    indicators: dtiMainIndices('DTI405', capitalise),
    missing:
      '47 chỉ số thành phần, điểm tối đa và trọng số từng chỉ số chính (phụ lục của QĐ 405) chưa đọc được nên không đưa vào; ' +
      'cấu trúc 8 chỉ số chính lấy theo công bố DTI 2024 của Bộ KH&CN.',
  },
  {
    code: 'NQ71-CP-2025',
    name: 'Chỉ tiêu Chương trình hành động thực hiện Nghị quyết 57-NQ/TW (NQ 71/NQ-CP)',
    issuer: 'Chính phủ',
    documentRef: 'Nghị quyết 71/NQ-CP ngày 01/04/2025',
    validFrom: '2025-04-01',
    validTo: null,
    validityNote:
      'Điều 2: có hiệu lực kể từ ngày ký ban hành (01/04/2025) và thay thế Chương trình hành động ban hành tại NQ 03/NQ-CP ngày 09/01/2025.',
    sources: [
      'https://thuvienphapluat.vn/van-ban/cong-nghe-thong-tin/nghi-quyet-71-nq-cp-2025-sua-doi-chuong-trinh-hanh-dong-thuc-hien-nghi-quyet-57-nq-tw-650741.aspx',
      'https://tailieu.vn/doc/nghi-quyet-so-71nq-cp-nam-2025-2906502.html',
    ],
    pillars: [],
    indicators: [],
    missing:
      'Chỉ đọc được phần đầu và Điều 1–2 của Nghị quyết; các mục tiêu, chỉ tiêu của Chương trình hành động (phụ lục) chưa tìm được ' +
      'trong văn bản nên chưa có chỉ tiêu nào. Bộ chỉ số này chưa nạp được cho đến khi có văn bản.',
  },
];

export function nationalCatalogue(code: string): NationalCatalogue | undefined {
  return NATIONAL_CATALOGUES.find((c) => c.code === code);
}
