import { describe, expect, it } from 'vitest';
import { extractDirective } from './extract';

describe('sentences that look like instructions but gave no assignment', () => {
  const letter = [
    'UBND TỈNH NAM SƠN',
    'Số: 12/UBND-KGVX',
    'Nam Sơn, ngày 02 tháng 10 năm 2025',
    '',
    'Căn cứ Quyết định số 749/QĐ-TTg, UBND tỉnh giao nhiệm vụ như sau:',
    '1. Giao Sở Tài chính chủ trì thẩm định kinh phí, hoàn thành trước ngày 15/10/2025.',
    '2. Về hạ tầng số, rất cần khẩn trương rà soát các điểm chưa có sóng di động tại Sở Khoa học và Công nghệ trước ngày 30/10/2025.',
    'Nơi nhận:',
    '- Như trên;',
  ].join('\n');
  const p = extractDirective(letter);

  it('lists the sentence the reader could not turn into an assignment, with what it names', () => {
    expect(p.assignments.map((a) => a.lead)).toEqual(['Sở Tài chính']);
    expect(p.unread).toHaveLength(1);
    expect(p.unread[0]?.text).toContain('khẩn trương rà soát các điểm chưa có sóng');
    expect(p.unread[0]?.lead).toBe('Sở Khoa học và Công nghệ');
    expect(p.unread[0]?.deadline).toBe('2025-10-30');
    expect(letter.slice(p.unread[0]!.start, p.unread[0]!.end)).toContain('rà soát');
  });

  it('leaves out preambles, closings and what an assignment already covers', () => {
    expect(p.unread.some((u) => u.text.startsWith('Căn cứ') || u.text.includes('Sở Tài chính'))).toBe(false);
  });
});
