import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeSheet } from './write';

describe('writeSheet', () => {
  it('prints on A4 landscape, one page wide, the header row repeated on every page', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({ title: `Nhiệm vụ ${i + 1}`, unit: 'Sở Y tế', deadline: '2026-12-31' }));
    const buf = await writeSheet({
      sheetName: 'Nhiệm vụ',
      title: 'DANH SÁCH NHIỆM VỤ',
      columns: [
        { header: 'Nội dung', value: 'title' },
        { header: 'Đơn vị chủ trì', value: 'unit' },
        { header: 'Hạn', value: 'deadline', type: 'date' },
      ],
      rows,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.getRow(3).getCell(1).value).toBe('Nội dung');
  });
});
