import { describe, expect, it } from 'vitest';
import { extractDirective, toGoldFormat } from './extract';

describe('who may lead', () => {
  it('lets the office that issues a leader’s conclusions receive a task', () => {
    const text = [
      'VĂN PHÒNG CHÍNH PHỦ',
      'Số: 9/TB-VPCP',
      'Hà Nội, ngày 05 tháng 3 năm 2025',
      'THÔNG BÁO',
      'Kết luận của Phó Thủ tướng tại cuộc họp về dữ liệu',
      'Phó Thủ tướng kết luận như sau:',
      'a) Bộ Công an chủ trì hoàn thiện dữ liệu dân cư trong quý II/2025.',
      'b) Văn phòng Chính phủ theo dõi, đôn đốc; báo cáo Thủ tướng Chính phủ định kỳ hằng tháng.',
    ].join('\n');
    expect(toGoldFormat(extractDirective(text)).assignments.map((a) => [a.lead, a.deadline, a.recurrence])).toEqual([
      ['Bộ Công an', '2025-06-30', null],
      ['Văn phòng Chính phủ', null, 'monthly'],
    ]);
  });

  it('reads "X là cơ quan thường trực, …" as X leading', () => {
    const text = ['IV. TỔ CHỨC THỰC HIỆN', '1. Sở Nội vụ là cơ quan thường trực, hướng dẫn, đôn đốc thực hiện Kế hoạch.', '2. Sở Y tế là đơn vị có nhiều hồ sơ.'].join('\n');
    expect(toGoldFormat(extractDirective(text)).assignments.map((a) => a.lead)).toEqual(['Sở Nội vụ']);
  });

  it('never takes the letterhead of the issuing committee for a lead', () => {
    const text = ['ỦY BAN NHÂN DÂN', 'TỈNH BẮC HÀ', 'Số: 7/UBND-VX', 'V/v dữ liệu', '', 'Sở Nội vụ cập nhật dữ liệu cán bộ hằng tháng.'].join('\n');
    expect(toGoldFormat(extractDirective(text)).assignments.map((a) => a.lead)).toEqual(['Sở Nội vụ']);
  });

  it('keeps an item with a period of its own apart from the heading’s standing duty', () => {
    const text = [
      'Chủ tịch UBND tỉnh chỉ đạo như sau:',
      '1. Các sở, ban, ngành tỉnh:',
      'a) Rà soát quy trình điện tử; hoàn thành trước tháng 6/2024.',
      'b) Hướng dẫn người dân nộp hồ sơ trực tuyến.',
      'c) Định kỳ 6 tháng, đánh giá kết quả và báo cáo UBND tỉnh.',
    ].join('\n');
    expect(toGoldFormat(extractDirective(text)).assignments.map((a) => [a.deadline, a.deadline_text, a.recurrence])).toEqual([
      ['2024-05-31', 'hoàn thành trước tháng 6/2024', null],
      [null, 'Định kỳ 6 tháng', null],
    ]);
  });
});
