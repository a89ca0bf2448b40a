import { describe, expect, it } from 'vitest';
import { normalizeDocument, splitBlocks, splitSentences, spanText } from './sentences';

describe('normalizeDocument', () => {
  it('returns NFC without markdown marks or table bars', () => {
    const raw = '**ỦY BAN NHÂN DÂN**\r\n## THÔNG BÁO\n|\n-------\nSở *Nội vụ*'.normalize('NFD');
    expect(normalizeDocument(raw)).toBe('ỦY BAN NHÂN DÂN\nTHÔNG BÁO\n\n\nSở Nội vụ');
  });
});

describe('splitBlocks', () => {
  it('joins hard-wrapped lines and keeps list items apart', () => {
    const text = ['1. Sở Tài chính', 'Phối hợp với Sở Thông tin và', 'Truyền thông, tham mưu bố trí kinh phí.', 'a) Chủ trì, phối hợp với Sở', 'Nội vụ rà soát.'].join('\n');
    const blocks = splitBlocks(text);
    expect(blocks.map((b) => [b.markerKind, spanText(text, { start: b.contentStart, end: b.end })])).toEqual([
      ['number', 'Sở Tài chính'],
      [null, 'Phối hợp với Sở Thông tin và Truyền thông, tham mưu bố trí kinh phí.'],
      ['letter', 'Chủ trì, phối hợp với Sở Nội vụ rà soát.'],
    ]);
  });

  it('continues a sentence across a blank line when the next part starts in lower case', () => {
    const text = 'Giao Sở Nội vụ kiểm tra, báo cáo UBND tỉnh chỉ đạo\n\n\nkhắc phục tồn tại.\n\nSở Y tế thực hiện.';
    expect(splitBlocks(text).map((b) => spanText(text, b))).toEqual([
      'Giao Sở Nội vụ kiểm tra, báo cáo UBND tỉnh chỉ đạo khắc phục tồn tại.',
      'Sở Y tế thực hiện.',
    ]);
  });

  it('nests numbered levels and reads articles as items', () => {
    const text = '2. Nhiệm vụ\n2.1. Rà soát\nĐiều 3. Thi hành';
    expect(splitBlocks(text).map((b) => b.level)).toEqual([1, 1.1, 1]);
  });

  it('joins a heading written in capitals over two lines', () => {
    const text = 'V. TỔ CHỨC\nTHỰC HIỆN\n1. Sở Y tế';
    expect(splitBlocks(text).map((b) => spanText(text, b))).toEqual(['V. TỔ CHỨC THỰC HIỆN', '1. Sở Y tế']);
  });
});

describe('splitSentences', () => {
  it('splits after a full stop followed by a capital and keeps offsets', () => {
    const text = 'Bồi dưỡng cho 12.500 học viên. Hoàn thành trong tháng 5/2024. Báo cáo TP. Hà Nội.';
    const spans = splitSentences(text, { start: 0, end: text.length });
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Bồi dưỡng cho 12.500 học viên.',
      'Hoàn thành trong tháng 5/2024.',
      'Báo cáo TP. Hà Nội.',
    ]);
  });
});
