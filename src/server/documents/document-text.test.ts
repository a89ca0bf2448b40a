import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxHtmlToText, documentText } from './document-text';

describe('document text for the extractor', () => {
  it('keeps a table row on one tab-separated line and Word-numbered items as list items', () => {
    const html = '<p>Giao các đơn vị:</p><ol><li>Sở Y tế triển khai bệnh án điện tử</li></ol>'
      + '<table><tr><td><p>Nhiệm vụ</p></td><td><p>Chủ trì</p></td></tr>'
      + '<tr><td><p>Số hoá hồ sơ</p><p>lưu trữ</p></td><td><p>Sở Nội vụ</p></td></tr></table><p>A &amp; B</p>';
    expect(docxHtmlToText(html).split('\n').filter(Boolean)).toEqual([
      'Giao các đơn vị:',
      '- Sở Y tế triển khai bệnh án điện tử',
      'Nhiệm vụ\tChủ trì',
      'Số hoá hồ sơ lưu trữ\tSở Nội vụ',
      'A & B',
    ]);
  });

  it('reads a real .docx, NFD text included, as NFC', async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph('Giao Sở Thông tin và Truyền thông chủ trì'.normalize('NFD')),
          new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Nhiệm vụ')] }), new TableCell({ children: [new Paragraph('Thời hạn')] })] })] }),
        ],
      }],
    });
    const text = await documentText('cv.docx', Buffer.from(await Packer.toBuffer(doc)));
    expect(text).toContain('Giao Sở Thông tin và Truyền thông chủ trì'.normalize('NFC'));
    expect(text).toContain('Nhiệm vụ\tThời hạn');
  });

  it('refuses broken, empty and unsupported files with a Vietnamese message', async () => {
    await expect(documentText('x.docx', Buffer.from('not a zip'))).rejects.toThrow(/Không đọc được tệp Word \(\.docx\)/);
    await expect(documentText('x.pdf', Buffer.from('%PDF-1.4 broken'))).rejects.toThrow(/PDF/);
    await expect(documentText('x.txt', Buffer.from('   '))).rejects.toThrow(/không có nội dung/);
    await expect(documentText('x.doc', Buffer.from('x'))).rejects.toThrow(/\.doc/);
  });
});
