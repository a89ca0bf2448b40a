import { describe, expect, it } from 'vitest';
import { extractDirective, toGoldFormat } from './extract';

/** Invented letters in the style of provincial directives; no real document is copied. */
const CONG_VAN = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH BẮC HÀ',
  'Số: 301/UBND-KSTTHC',
  'V/v triển khai cơ sở dữ liệu dùng chung',
  '',
  'Bắc Hà, ngày 10 tháng 01 năm 2025',
  '',
  'Kính gửi:',
  '- Các sở, ban, ngành tỉnh;',
  '- UBND các huyện, thị xã.',
  '',
  'Ngày 05/01/2025, Sở Thông tin và Truyền thông chủ trì buổi làm việc với Sở Tài chính. Chủ tịch UBND tỉnh có ý kiến như sau:',
  '',
  '1. Ghi nhận các đơn vị: Sở Nội vụ, Sở Y tế.',
  '',
  '2. Yêu cầu các sở, ban, ngành, địa phương khẩn trương cập nhật dữ liệu lên nền tảng trong tháng 02/2025.',
  '',
  'Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính, Văn phòng UBND tỉnh thẩm định hồ sơ, trình UBND tỉnh phê duyệt trước ngày 15/3/2025.',
  '',
  '3. Sở Tư pháp: Báo cáo định kỳ hằng quý về tình hình số hóa hộ tịch.',
  '',
  'Chủ tịch UBND tỉnh yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./.',
  '',
  'Nơi nhận:',
  '- Như trên;',
  '- Lưu: VT.',
  'CHỦ TỊCH',
  'Hoàng Văn An',
].join('\n');

describe('extractDirective on a công văn', () => {
  const p = extractDirective(CONG_VAN);
  const gold = toGoldFormat(p);

  it('reads the metadata', () => {
    expect(gold.metadata).toEqual({
      so_ky_hieu: '301/UBND-KSTTHC',
      ngay_ban_hanh: '2025-01-10',
      co_quan: 'Ủy ban nhân dân tỉnh Bắc Hà',
      nguoi_ky: 'Hoàng Văn An',
      loai: 'Công văn',
      trich_yeu: 'V/v triển khai cơ sở dữ liệu dùng chung',
    });
  });

  it('finds each assignment, not the praise, the meeting narrative or the closing formula', () => {
    expect(gold.assignments).toEqual([
      {
        lead: 'các sở, ban, ngành, địa phương',
        coordinators: [],
        task: 'khẩn trương cập nhật dữ liệu lên nền tảng',
        deadline: '2025-02-28',
        deadline_text: 'trong tháng 02/2025',
        recurrence: null,
      },
      {
        lead: 'Sở Thông tin và Truyền thông',
        coordinators: ['Sở Tài chính', 'Văn phòng UBND tỉnh'],
        task: 'thẩm định hồ sơ, trình UBND tỉnh phê duyệt',
        deadline: '2025-03-15',
        deadline_text: 'trước ngày 15/3/2025',
        recurrence: null,
      },
      {
        lead: 'Sở Tư pháp',
        coordinators: [],
        task: 'báo cáo về tình hình số hóa hộ tịch',
        deadline: null,
        deadline_text: 'định kỳ hằng quý',
        recurrence: 'quarterly',
      },
    ]);
  });

  it('points each assignment at its source sentence in the normalised text', () => {
    for (const a of p.assignments) {
      expect(p.text.slice(a.sourceStart, a.sourceEnd)).toBe(a.sourceText);
    }
    expect(p.assignments[1]?.sourceText.startsWith('Giao Sở Thông tin và Truyền thông chủ trì')).toBe(true);
    expect(p.assignments[0]?.groupKey).toBe('all_departments_and_localities');
    expect(p.assignments[1]?.leadKind).toBe('unit');
  });

  it('gives the same proposal for NFD input', () => {
    expect(toGoldFormat(extractDirective(CONG_VAN.normalize('NFD')))).toEqual(gold);
  });
});

describe('extractDirective on a conclusion notice', () => {
  const text = [
    'Kết luận của Phó Chủ tịch UBND tỉnh Trần Văn Bình tại buổi làm việc về dữ liệu số',
    '',
    'Ngày 09/5/2025, Phó Chủ tịch UBND tỉnh Trần Văn Bình chủ trì buổi làm việc với Sở Nội vụ, Sở Tài chính.',
    '',
    'Sau khi nghe báo cáo, Phó Chủ tịch UBND tỉnh Trần Văn Bình kết luận:',
    '',
    'Sở Nội vụ: Rà soát vị trí việc làm trước ngày 30/5.',
    '',
    'Tăng cường kiểm tra công vụ tại các đơn vị.',
    '',
    'Khi có hướng dẫn của Bộ Nội vụ, Bộ Tài chính, giao Sở Tài chính chủ trì, phối hợp với cơ quan, đơn vị liên quan tham mưu sửa đổi quy định.',
    '',
    'UBND các huyện, thị xã có trách nhiệm cập nhật dữ liệu cán bộ và báo cáo Sở Nội vụ hằng tháng.',
    '',
    '- Về đào tạo: Giao Sở Nội vụ, Sở Giáo dục và Đào tạo xây dựng chương trình bồi dưỡng kỹ năng số trong quý III/2025.',
  ].join('\n');
  const gold = toGoldFormat(extractDirective(text));

  it('inherits the unit of "X:" for the following paragraphs until another unit is named', () => {
    expect(gold.assignments.map((a) => [a.lead, a.deadline, a.recurrence])).toEqual([
      ['Sở Nội vụ', '2025-05-30', null],
      ['Sở Nội vụ', null, null],
      ['Sở Tài chính', null, null],
      ['UBND các huyện, thị xã', null, 'monthly'],
      ['Sở Nội vụ', '2025-09-30', null],
      ['Sở Giáo dục và Đào tạo', '2025-09-30', null],
    ]);
    expect(gold.assignments[2]?.coordinators).toEqual(['cơ quan, đơn vị liên quan']);
  });

  it('takes the date of the meeting and the concluding leader when the letter has no heading', () => {
    expect(gold.metadata.ngay_ban_hanh).toBe('2025-05-09');
    expect(gold.metadata.nguoi_ky).toBe('Trần Văn Bình');
  });
});

describe('extractDirective on a plan', () => {
  const text = [
    'ỦY BAN NHÂN DÂN',
    'TỈNH BẮC HÀ',
    'Số: 12/KH-UBND',
    'Bắc Hà, ngày 2 tháng 3 năm 2025',
    'KẾ HOẠCH',
    'Phát triển chính quyền số năm 2025',
    'I. MỤC TIÊU',
    '1. Các sở, ngành số hóa 100% hồ sơ công việc.',
    'II. NHIỆM VỤ',
    '1. Ủy ban nhân dân các huyện phát triển hạ tầng số trên địa bàn.',
    '2. Định kỳ hằng quý các sở, ngành, địa phương báo cáo kết quả thực hiện Kế hoạch.',
    'III. TỔ CHỨC',
    'THỰC HIỆN',
    '1. Sở Thông tin và Truyền',
    'thông',
    'a) Chủ trì, phối hợp với các cơ quan liên quan hướng dẫn triển khai Kế hoạch.',
    'b) Tổng hợp kết quả, tham mưu Ban Chỉ đạo.',
    '2. Sở Tài chính',
    'Phối hợp với Sở Thông tin và',
    'Truyền thông bố trí kinh phí thực hiện.',
    '3. Các sở, ban, ngành, UBND các huyện',
    'a) Xây dựng kế hoạch của đơn vị, hoàn thành trong tháng 4/2025.',
    'b) Lập danh mục dự án, báo cáo UBND tỉnh trong quý II/2025.',
    'c) Vận hành hệ thống dùng chung.',
    'UBND tỉnh yêu cầu các cơ quan, đơn vị chịu trách nhiệm triển khai thực hiện các nhiệm vụ được giao tại Kế hoạch này./.',
  ].join('\n');
  const gold = toGoldFormat(extractDirective(text));

  it('assigns from "Tổ chức thực hiện", one per unit heading unless an item has its own deadline', () => {
    expect(gold.assignments.map((a) => [a.lead, a.deadline, a.recurrence])).toEqual([
      ['các sở, ngành, địa phương', null, 'quarterly'],
      ['Sở Thông tin và Truyền thông', null, null],
      ['Sở Tài chính', null, null],
      ['Các sở, ban, ngành, UBND các huyện', '2025-04-30', null],
      ['Các sở, ban, ngành, UBND các huyện', '2025-06-30', null],
    ]);
    expect(gold.assignments[1]?.task).toBe('hướng dẫn triển khai Kế hoạch; tổng hợp kết quả, tham mưu Ban Chỉ đạo');
    expect(gold.assignments[2]?.coordinators).toEqual(['Sở Thông tin và Truyền thông']);
    expect(gold.metadata.trich_yeu).toBe('Kế hoạch Phát triển chính quyền số năm 2025');
  });
});

describe('extractDirective on list forms', () => {
  it('gives each item of "Giao X:" to X and each item of "Yêu cầu Y …:" to Y', () => {
    const text = [
      'Chủ tịch UBND tỉnh kết luận như sau:',
      '1. Giao Sở Y tế:',
      'a) Hoàn thiện bệnh án điện tử trong năm 2025.',
      'b) Kết nối dữ liệu khám chữa bệnh.',
      '2. Đề nghị Công an tỉnh, Sở Tư pháp triển khai các nội dung sau:',
      '- Làm sạch dữ liệu hộ tịch trước ngày 30/6/2025;',
      '- Cấp phiếu lý lịch tư pháp trực tuyến.',
      '3. Yêu cầu các đơn vị sau nghiêm túc rút kinh nghiệm:',
      'Sở Xây dựng, Sở Công Thương.',
    ].join('\n');
    const gold = toGoldFormat(extractDirective(text));
    expect(gold.assignments.map((a) => [a.lead, a.deadline])).toEqual([
      ['Sở Y tế', '2025-12-31'],
      ['Sở Y tế', null],
      ['Công an tỉnh', '2025-06-30'],
      ['Sở Tư pháp', '2025-06-30'],
      ['Công an tỉnh', null],
      ['Sở Tư pháp', null],
    ]);
  });

  it('reads "Cơ quan chủ trì:" lines of a plan item', () => {
    const text = [
      'III. TỔ CHỨC THỰC HIỆN',
      '1. Xây dựng kho dữ liệu dùng chung của tỉnh.',
      '- Cơ quan chủ trì: Sở Khoa học và Công nghệ.',
      '- Cơ quan phối hợp: Sở Tài chính.',
      '- Thời gian hoàn thành: Quý IV/2025.',
    ].join('\n');
    const gold = toGoldFormat(extractDirective(text));
    expect(gold.assignments).toEqual([
      {
        lead: 'Sở Khoa học và Công nghệ',
        coordinators: ['Sở Tài chính'],
        task: 'xây dựng kho dữ liệu dùng chung của tỉnh',
        deadline: '2025-12-31',
        deadline_text: 'Thời gian hoàn thành: Quý IV/2025',
        recurrence: null,
      },
    ]);
  });
});
