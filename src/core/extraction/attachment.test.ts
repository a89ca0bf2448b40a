import { describe, expect, it } from 'vitest';
import { isAttachmentStart } from './attachment';
import { extractDirective, toGoldFormat } from './extract';

describe('isAttachmentStart', () => {
  it.each(['KẾ HOẠCH', 'PHỤ LỤC I', 'QUY CHẾ', '(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/01/2025)', '(Kèm theo Kế hoạch số 3/KH-UBND)'])(
    '%s opens an attached document',
    (line) => expect(isAttachmentStart(line)).toBe(true),
  );
  it.each(['Kế hoạch này có hiệu lực.', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'])('%s does not', (line) => expect(isAttachmentStart(line)).toBe(false));
});

/** An invented decision adopting a plan that follows its signature. */
const DECISION = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH NAM SƠN',
  'Số: 88/QĐ-UBND',
  'Nam Sơn, ngày 03 tháng 9 năm 2025',
  'QUYẾT ĐỊNH',
  'Ban hành Kế hoạch số hóa hồ sơ cấp xã năm 2025',
  '',
  'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch số hóa hồ sơ cấp xã năm 2025.',
  'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
  'Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Khoa học và Công nghệ, Chủ tịch UBND các xã, phường chịu trách nhiệm thi hành Quyết định này./.',
  'Nơi nhận:',
  '- Như Điều 3;',
  '- Lưu: VT.',
  'CHỦ TỊCH',
  'Đoàn Minh Phúc',
  '',
  'ỦY BAN NHÂN DÂN',
  'TỈNH NAM SƠN',
  'KẾ HOẠCH',
  'Số hóa hồ sơ cấp xã năm 2025',
  '(Ban hành kèm theo Quyết định số 88/QĐ-UBND ngày 03/9/2025 của Chủ tịch UBND tỉnh)',
  'I. TỔ CHỨC THỰC HIỆN',
  '1. SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  'Hướng dẫn, đôn đốc việc số hóa; báo cáo Chủ tịch UBND tỉnh trước ngày 15/12/2025.',
  '2. UBND CÁC XÃ, PHƯỜNG',
  'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trong quý IV/2025.',
].join('\n');

describe('a decision with its plan attached', () => {
  const gold = toGoldFormat(extractDirective(DECISION));

  it('takes the assignments from the plan, not from the articles', () => {
    expect(gold.assignments.map((a) => [a.lead, a.deadline])).toEqual([
      ['Sở Khoa học và Công nghệ', '2025-12-15'],
      ['UBND các xã, phường', '2025-12-31'],
    ]);
  });

  it('reads the signer above the attached plan', () => {
    expect(gold.metadata.nguoi_ky).toBe('Đoàn Minh Phúc');
    expect(gold.metadata.loai).toBe('Quyết định');
  });
});
