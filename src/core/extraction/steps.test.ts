import { describe, expect, it } from 'vitest';
import { extractDirective, toGoldFormat } from './extract';

const letter = (body: string): string =>
  ['ỦY BAN NHÂN DÂN', 'TỈNH BẮC HÀ', 'Số: 5/UBND-VX', 'Bắc Hà, ngày 02 tháng 10 năm 2023', 'V/v kinh phí chuyển đổi số', '', body].join('\n');

describe('two dated steps in one clause', () => {
  it('become two assignments of the same lead, each with its own deadline', () => {
    const gold = toGoldFormat(
      extractDirective(
        letter(
          'Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ tham mưu bố trí kinh phí năm 2024 trước ngày 31/10/2023; hướng dẫn các đơn vị lập dự toán, hoàn thành trong tháng 11/2023; tổng hợp kết quả.',
        ),
      ),
    );
    expect(gold.assignments.map((a) => [a.lead, a.task, a.deadline, a.coordinators])).toEqual([
      ['Sở Tài chính', 'tham mưu bố trí kinh phí năm 2024', '2023-10-31', ['Sở Nội vụ']],
      ['Sở Tài chính', 'hướng dẫn các đơn vị lập dự toán; tổng hợp kết quả', '2023-11-30', []],
    ]);
  });

  it('split a dated step from a recurring one', () => {
    const gold = toGoldFormat(
      extractDirective(letter('Giao Sở Khoa học và Công nghệ nâng cấp đường truyền, hoàn thành trước ngày 30/11/2023; tổng hợp sự cố, báo cáo UBND tỉnh hằng tuần.')),
    );
    expect(gold.assignments.map((a) => [a.task, a.deadline, a.recurrence])).toEqual([
      ['nâng cấp đường truyền', '2023-11-30', null],
      ['tổng hợp sự cố, báo cáo UBND tỉnh', null, 'weekly'],
    ]);
  });

  it('stay one assignment when the dates agree or sit in one step', () => {
    const one = toGoldFormat(extractDirective(letter('Sở Y tế rà soát hồ sơ trước ngày 15/11/2023 (đợt 1) và trước ngày 15/12/2023 (đợt 2).')));
    expect(one.assignments.map((a) => a.deadline)).toEqual(['2023-11-15']);
  });
});
