import { describe, expect, it } from 'vitest';
import { extractDirective, toGoldFormat } from './extract';

/** An invented plan whose appendix came out of a .docx as tab-separated rows. */
const PLAN = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH BẮC HÀ',
  'Số: 21/KH-UBND',
  'Bắc Hà, ngày 02 tháng 02 năm 2024',
  'KẾ HOẠCH',
  'Chuyển đổi số năm 2024',
  'IV. TỔ CHỨC THỰC HIỆN',
  '1. Sở Tài chính',
  'Bố trí kinh phí thực hiện Kế hoạch.',
  'Nơi nhận:',
  '- Lưu: VT.',
  'CHỦ TỊCH',
  'Hoàng Văn An',
  'PHỤ LỤC',
  'STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tTiến độ',
  'I\tHạ tầng số\t\t\t',
  '1\tNâng cấp Trung tâm dữ liệu tỉnh\tSở Thông tin và Truyền thông\tSở Tài chính; Trung tâm Truyền thông tỉnh\t2024-2025',
  '2\tĐánh giá mức độ chuyển đổi số\tSở Nội vụ\t\tHằng năm',
  '3\tVận hành hệ thống một cửa điện tử\tPhòng Văn hóa - Thông tin các huyện\tVNPT Bắc Hà\tThường xuyên',
].join('\n');

describe('appendix task tables', () => {
  const gold = toGoldFormat(extractDirective(PLAN));

  it('gives one assignment per row, after the plan body, with coordinators and timing from the cells', () => {
    expect(gold.assignments.map((a) => [a.lead, a.coordinators, a.deadline, a.recurrence])).toEqual([
      ['Sở Tài chính', [], null, null],
      ['Sở Thông tin và Truyền thông', ['Sở Tài chính', 'Trung tâm Truyền thông tỉnh'], '2025-12-31', null],
      ['Sở Nội vụ', [], null, 'annual'],
      ['Phòng Văn hóa - Thông tin các huyện', ['VNPT Bắc Hà'], null, null],
    ]);
    expect(gold.assignments[1]?.task).toBe('nâng cấp Trung tâm dữ liệu tỉnh');
    expect(gold.assignments[3]?.deadline_text).toBe('Thường xuyên');
  });

  it('reads the same table written between bars', () => {
    const bars = PLAN.split('\n')
      .map((l) => (l.includes('\t') ? `| ${l.split('\t').join(' | ')} |` : l))
      .join('\n')
      .replace('| STT |', '| STT |')
      .replace(/(\| STT[^\n]*\n)/, '$1|---|---|---|---|---|\n');
    expect(toGoldFormat(extractDirective(bars)).assignments).toEqual(gold.assignments);
  });

  it('still signs the plan above its appendix', () => {
    expect(gold.metadata.nguoi_ky).toBe('Hoàng Văn An');
  });
});
