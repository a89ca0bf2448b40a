import type { ActorRole, PipelinePhase, PipelineStep, PipelineTemplate, StepAction } from './pipeline-types';

/**
 * Seed pipeline templates. The server copies them into editable rows; an administrator
 * corrects a time limit or loads a new law as a new row with its own validFrom.
 *
 * Sources (reference/vn-specs.md §3): NĐ 73/2019/NĐ-CP in force 01/01/2020, amended by
 * NĐ 82/2024/NĐ-CP, replaced by NĐ 45/2026/NĐ-CP from 26/01/2026. Phases chuẩn bị → thực hiện
 * → kết thúc đầu tư: NĐ 45/2026 Điều 8 (same in NĐ 73). Recurrent-budget activities of
 * > 200 triệu to 15 tỷ need an outline and detailed estimate: NĐ 73 Điều 51 khoản 2,
 * TT 03/2020/TT-BTTTT (dossier in 03 bộ).
 *
 * NĐ 45/2026's effective date and its transition rule for projects approved under NĐ 73/2019:
 * NOT SOURCED. The decree's text (its final articles "hiệu lực thi hành" and "quy định chuyển
 * tiếp") was not available to us (reference/vn-specs.md §3 read only Điều 1, 7 and 8; searches
 * on 03/12/2026 found no copy; on 04/12/2026 two summaries were found — dauthaumuasam.vn and
 * vietnamplus.vn, 28/01/2026 — confirming the signing date 26/01/2026, that it replaces NĐ 73/2019
 * and NĐ 82/2024, and its scope (Điều 1), but neither quotes the in-force or transition articles).
 * The templates therefore switch on the signing date, 26/01/2026,
 * and a project keeps the template in force when it started (templateInForce by start date):
 * that is the product's assumption, not the decree's rule, and must be checked against the
 * official text (vbpl.vn / congbao.chinhphu.vn) before it is relied on.
 *
 * Time limits: no legal limit was found for appraising projects under NĐ 73 or NĐ 45; the only
 * observed ones are 14 working days (TTHC 236623 on dichvucong.gov.vn, thẩm định ĐC-DT) and
 * 10 working days (Hà Nội 2012). Every other limit below is a plausible default, marked
 * "mặc định" in `basis`, to be set by the province.
 */

const TECH_APPRAISAL_BASIS =
  'TT 03/2020/TT-BTTTT Điều 7 (trình tự); 14 ngày làm việc theo TTHC 236623 (dichvucong.gov.vn), thực tế 10–14 ngày';
const DEFAULT_BASIS = 'mặc định (chưa có quy định về thời hạn), tỉnh điều chỉnh';

function step(
  code: string,
  name: string,
  phase: PipelinePhase,
  actorRole: ActorRole,
  action: StepAction,
  timeLimitWorkingDays: number,
  requiredDocuments: readonly string[],
  extra: { returnTo?: string; basis?: string } = {},
): PipelineStep {
  return { code, name, phase, actorRole, action, timeLimitWorkingDays, requiredDocuments, basis: DEFAULT_BASIS, ...extra };
}

/** Outline + detailed estimate (ĐC-DT) flow of TT 03/2020, shared by recurrent activities and rentals. */
function outlineSteps(prefix: { prepare: string; approve: string; docs: readonly string[] }): PipelineStep[] {
  return [
    step('lap_ho_so', prefix.prepare, 'preparation', 'owner', 'submit', 30, prefix.docs, {
      basis: 'Hà Nội 2012: nộp ĐC-DT trong 30 ngày làm việc sau khi giao dự toán (mặc định)',
    }),
    step('tham_dinh_ky_thuat', 'Thẩm định phương án, giải pháp kỹ thuật, công nghệ', 'preparation', 'technical_appraiser', 'appraise', 14,
      ['Văn bản thẩm định kỹ thuật'], { returnTo: 'lap_ho_so', basis: TECH_APPRAISAL_BASIS }),
    step('tham_dinh_du_toan', 'Thẩm định dự toán kinh phí', 'preparation', 'finance_appraiser', 'appraise', 10,
      ['Văn bản thẩm định dự toán'], { returnTo: 'lap_ho_so' }),
    step('phe_duyet', prefix.approve, 'preparation', 'approver', 'approve', 7, ['Quyết định phê duyệt'], {
      returnTo: 'lap_ho_so',
    }),
    step('phan_bo_kinh_phi', 'Phân bổ, giao dự toán kinh phí', 'implementation', 'finance_appraiser', 'allocate', 15,
      ['Quyết định phân bổ kinh phí']),
    step('lua_chon_nha_thau', 'Lựa chọn nhà thầu, ký hợp đồng', 'implementation', 'owner', 'contract', 30, [
      'Kế hoạch lựa chọn nhà thầu được phê duyệt',
      'Quyết định phê duyệt kết quả lựa chọn nhà thầu',
      'Hợp đồng',
    ]),
    step('trien_khai_nghiem_thu', 'Triển khai, nghiệm thu', 'implementation', 'owner', 'accept', 45, [
      'Biên bản nghiệm thu',
      'Biên bản bàn giao',
    ]),
    step('thanh_toan', 'Thanh toán, giải ngân', 'close_out', 'owner', 'disburse', 10, [
      'Hồ sơ đề nghị thanh toán gửi Kho bạc Nhà nước',
    ]),
  ];
}

const OUTLINE_DOCS = [
  'Tờ trình đề nghị thẩm định, phê duyệt đề cương và dự toán chi tiết (03 bộ)',
  'Đề cương và dự toán chi tiết có xác nhận của chủ đầu tư và đơn vị tư vấn (03 bộ)',
];

const RENTAL_DOCS = ['Tờ trình đề nghị thẩm định, phê duyệt', 'Kế hoạch thuê dịch vụ CNTT và dự toán'];

/** Investment project: decision on the investment policy, then the project itself (Luật Đầu tư công). */
function investmentSteps(study: string): PipelineStep[] {
  return [
    step('lap_de_xuat_chu_truong', 'Lập báo cáo đề xuất chủ trương đầu tư', 'preparation', 'owner', 'submit', 30, [
      'Tờ trình đề nghị thẩm định chủ trương đầu tư',
      'Báo cáo đề xuất chủ trương đầu tư (hoặc báo cáo nghiên cứu tiền khả thi)',
    ]),
    step('tham_dinh_chu_truong', 'Thẩm định chủ trương đầu tư, nguồn vốn và khả năng cân đối vốn', 'preparation', 'finance_appraiser', 'appraise', 20,
      ['Báo cáo thẩm định chủ trương đầu tư'], { returnTo: 'lap_de_xuat_chu_truong' }),
    step('phe_duyet_chu_truong', 'Quyết định chủ trương đầu tư', 'preparation', 'approver', 'approve', 10,
      ['Quyết định (Nghị quyết) chủ trương đầu tư'], { returnTo: 'lap_de_xuat_chu_truong' }),
    step('lap_bao_cao_kha_thi', study, 'preparation', 'owner', 'submit', 60, [
      'Tờ trình đề nghị thẩm định dự án',
      'Báo cáo nghiên cứu khả thi hoặc báo cáo kinh tế - kỹ thuật, thiết kế cơ sở',
      'Tổng mức đầu tư (TT 04/2020/TT-BTTTT)',
    ]),
    step('tham_dinh_du_an', 'Thẩm định dự án (kỹ thuật, công nghệ)', 'preparation', 'technical_appraiser', 'appraise', 20,
      ['Báo cáo kết quả thẩm định dự án'], { returnTo: 'lap_bao_cao_kha_thi' }),
    step('quyet_dinh_dau_tu', 'Quyết định đầu tư', 'preparation', 'approver', 'approve', 10, ['Quyết định phê duyệt dự án'], {
      returnTo: 'lap_bao_cao_kha_thi',
    }),
    step('giao_ke_hoach_von', 'Giao kế hoạch vốn đầu tư công năm', 'implementation', 'finance_appraiser', 'allocate', 15,
      ['Quyết định giao kế hoạch vốn']),
    step('lua_chon_nha_thau', 'Thiết kế chi tiết, lựa chọn nhà thầu, ký hợp đồng', 'implementation', 'owner', 'contract', 45, [
      'Thiết kế chi tiết và dự toán được phê duyệt',
      'Quyết định phê duyệt kết quả lựa chọn nhà thầu',
      'Hợp đồng',
    ]),
    step('trien_khai_nghiem_thu', 'Triển khai, giám sát, nghiệm thu', 'implementation', 'owner', 'accept', 90, [
      'Biên bản nghiệm thu',
      'Biên bản bàn giao đưa vào sử dụng',
    ]),
    step('thanh_toan_quyet_toan', 'Thanh toán, giải ngân, quyết toán', 'close_out', 'owner', 'disburse', 20, [
      'Hồ sơ đề nghị thanh toán gửi Kho bạc Nhà nước',
      'Báo cáo quyết toán dự án hoàn thành',
    ]),
  ];
}

const ND73 = 'NĐ 73/2019/NĐ-CP';
const ND45 = 'NĐ 45/2026/NĐ-CP';
const ND73_FROM = '2020-01-01';
const ND73_TO = '2026-01-25';
// Signing date, used as the switch-over: the decree's effective date is not sourced (see above).
const ND45_FROM = '2026-01-26';

export const PIPELINE_TEMPLATES: readonly PipelineTemplate[] = [
  {
    code: 'ND73-DA',
    law: ND73,
    name: 'Dự án đầu tư ứng dụng CNTT (chi đầu tư phát triển)',
    kind: 'investment_project',
    validFrom: ND73_FROM,
    validTo: ND73_TO,
    steps: investmentSteps('Lập báo cáo nghiên cứu khả thi / báo cáo kinh tế - kỹ thuật'),
  },
  {
    code: 'ND73-TX',
    law: ND73,
    name: 'Hoạt động ứng dụng CNTT chi thường xuyên (đề cương và dự toán chi tiết, TT 03/2020/TT-BTTTT)',
    kind: 'recurrent_activity',
    validFrom: ND73_FROM,
    validTo: ND73_TO,
    amountRange: { minExclusive: 200_000_000, maxInclusive: 15_000_000_000 },
    steps: outlineSteps({
      prepare: 'Lập đề cương và dự toán chi tiết',
      approve: 'Phê duyệt đề cương và dự toán chi tiết',
      docs: OUTLINE_DOCS,
    }),
    note: 'Áp dụng từ 200 triệu đến 15 tỷ đồng (khoản 2 Điều 51); trên 15 tỷ phải lập dự án (khoản 3 Điều 51).',
  },
  {
    code: 'ND73-THUE',
    law: ND73,
    name: 'Thuê dịch vụ CNTT (NĐ 73/2019, sửa đổi bởi NĐ 82/2024)',
    kind: 'service_rental',
    validFrom: ND73_FROM,
    validTo: ND73_TO,
    steps: outlineSteps({ prepare: 'Lập kế hoạch thuê dịch vụ CNTT', approve: 'Phê duyệt kế hoạch thuê dịch vụ', docs: RENTAL_DOCS }),
  },
  {
    code: 'ND45-DTHT',
    law: ND45,
    name: 'Dự án đầu tư hệ thống (Điều 7 khoản a)',
    kind: 'investment_project',
    validFrom: ND45_FROM,
    validTo: null,
    steps: investmentSteps('Lập báo cáo nghiên cứu khả thi / báo cáo kinh tế - kỹ thuật'),
    note: 'Trình tự theo Luật Đầu tư công số 58/2024/QH15 (Điều 8 NĐ 45/2026); thời hạn các bước là mặc định.',
  },
  {
    code: 'ND45-MS',
    law: ND45,
    name: 'Dự án mua sắm (Điều 7 khoản b)',
    kind: 'purchase',
    validFrom: ND45_FROM,
    validTo: null,
    steps: outlineSteps({
      prepare: 'Lập báo cáo đề xuất dự án mua sắm',
      approve: 'Quyết định đầu tư dự án mua sắm',
      docs: ['Tờ trình đề nghị thẩm định', 'Báo cáo đề xuất dự án mua sắm và dự toán'],
    }),
  },
  {
    code: 'ND45-THUE',
    law: ND45,
    name: 'Dự án thuê dịch vụ công nghệ thông tin (Điều 7 khoản c)',
    kind: 'service_rental',
    validFrom: ND45_FROM,
    validTo: null,
    steps: outlineSteps({ prepare: 'Lập dự án thuê dịch vụ CNTT', approve: 'Phê duyệt dự án thuê dịch vụ', docs: RENTAL_DOCS }),
  },
  {
    code: 'ND45-TX',
    law: ND45,
    name: 'Nhiệm vụ ứng dụng CNTT chi thường xuyên (tạm theo trình tự TT 03/2020)',
    kind: 'recurrent_activity',
    validFrom: ND45_FROM,
    validTo: null,
    steps: outlineSteps({
      prepare: 'Lập đề cương và dự toán chi tiết',
      approve: 'Phê duyệt đề cương và dự toán chi tiết',
      docs: OUTLINE_DOCS,
    }),
    note: 'TẠM THỜI: chưa tra được quy định của NĐ 45/2026 cho nhiệm vụ chi thường xuyên; giữ trình tự TT 03/2020 đến khi có văn bản hướng dẫn.',
  },
];
