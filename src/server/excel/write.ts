import ExcelJS from 'exceljs';

export type ColumnType = 'text' | 'date' | 'number' | 'integer' | 'money' | 'percent';

export interface SheetColumn<R> {
  header: string;
  /** A property of the row, or a function of it. */
  value: keyof R | ((row: R) => unknown);
  type?: ColumnType;
  width?: number;
}

export interface SheetSpec<R> {
  sheetName: string;
  /** First line, bold and merged across the columns (e.g. "DANH SÁCH NHIỆM VỤ CHUYỂN ĐỔI SỐ"). */
  title: string;
  /** Second line, e.g. "Tính đến ngày 22/11/2026 — Đơn vị: …". */
  subtitle?: string;
  columns: SheetColumn<R>[];
  rows: readonly R[];
}

const FORMATS: Partial<Record<ColumnType, string>> = {
  date: 'dd/mm/yyyy',
  number: '#,##0.##',
  integer: '#,##0',
  money: '#,##0',
  percent: '0.0"%"',
};

function cellValue(type: ColumnType | undefined, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v)) {
    const [y, m, d] = v.slice(0, 10).split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!));
  }
  if ((type === 'number' || type === 'integer' || type === 'money' || type === 'percent') && typeof v !== 'number') return Number(v);
  return v as ExcelJS.CellValue;
}

/** One sheet, the way a Văn phòng sends it: title, subtitle, bold bordered header, real dates and numbers. */
export async function writeSheet<R>(spec: SheetSpec<R>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hải Đăng';
  wb.created = new Date();
  const ws = wb.addWorksheet(spec.sheetName.slice(0, 31));
  const n = spec.columns.length;
  ws.addRow([spec.title]);
  ws.mergeCells(1, 1, 1, n);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(1).alignment = { horizontal: 'center' };
  ws.addRow([spec.subtitle ?? '']);
  ws.mergeCells(2, 1, 2, n);
  ws.getRow(2).font = { italic: true };
  ws.getRow(2).alignment = { horizontal: 'center' };
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  for (const row of spec.rows) {
    const values = spec.columns.map((c) => cellValue(c.type, typeof c.value === 'function' ? c.value(row) : row[c.value]));
    const r = ws.addRow(values);
    r.alignment = { vertical: 'top', wrapText: true };
  }
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? (c.type === 'date' ? 12 : c.type && c.type !== 'text' ? 14 : 30);
    const fmt = c.type && FORMATS[c.type];
    if (fmt) col.numFmt = fmt;
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  // Printed as the Văn phòng files it (issue 14): A4 landscape, all columns on one page width,
  // the header row repeated on every page, page numbers at the foot.
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '3:3',
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&CTrang &P/&N' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Content-Disposition with a Vietnamese file name that every browser accepts. */
export function attachmentHeader(filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
