import ExcelJS from 'exceljs';
import { isIsoDate, parseVnDate } from '../../core/calendar/dates';
import { foldVietnamese } from '../../core/text/fold';
import { AppError } from '../errors';
import { parseCsv } from './csv';

export type CellType = 'text' | 'date' | 'number' | 'integer';

export interface ImportColumn {
  key: string;
  /** The header as the template writes it; matching ignores case and diacritics. */
  header: string;
  aliases?: string[];
  type: CellType;
  required?: boolean;
}

export interface ImportError {
  /** Row number as the user sees it in Excel (1-based, counting the title rows). */
  row: number;
  column: string;
  message: string;
}

export type CellValue = string | number | null;

export interface ImportedRow {
  rowNumber: number;
  values: Record<string, CellValue>;
}

export interface ImportResult {
  rows: ImportedRow[];
  errors: ImportError[];
}

function cellText(v: ExcelJS.CellValue): string | number | Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number') return v;
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('error' in v) return `#${String(v.error)}`;
  }
  return String(v);
}

function convert(raw: string | number | Date | null, col: ImportColumn): { value: CellValue; error?: string } {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    return col.required ? { value: null, error: 'không được để trống' } : { value: null };
  }
  switch (col.type) {
    case 'text':
      return { value: (raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw)).normalize('NFC').trim() };
    case 'date': {
      // Excel stores a date typed into a cell as a Date at UTC midnight of that day.
      if (raw instanceof Date) return { value: raw.toISOString().slice(0, 10) };
      const s = String(raw).trim();
      if (isIsoDate(s)) return { value: s };
      try {
        return { value: parseVnDate(s) };
      } catch {
        return { value: null, error: `"${s}" không phải ngày hợp lệ (dạng dd/mm/yyyy)` };
      }
    }
    case 'number':
    case 'integer': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim().replace(/\./g, '').replace(',', '.'));
      if (typeof raw !== 'number' && !/^-?[\d.]+(,\d+)?$/.test(String(raw).trim())) return { value: null, error: `"${String(raw)}" không phải số` };
      if (!Number.isFinite(n)) return { value: null, error: `"${String(raw)}" không phải số` };
      if (col.type === 'integer' && !Number.isInteger(n)) return { value: null, error: `"${String(raw)}" phải là số nguyên` };
      return { value: n };
    }
  }
}

/**
 * Reads a table from rows of cells: finds the header row among the first ten, maps the
 * columns by their (diacritic-blind) names, converts every cell and collects every
 * error with its row and column. The caller writes nothing unless `errors` is empty.
 */
export function readRows(grid: Array<Array<string | number | Date | null>>, columns: readonly ImportColumn[]): ImportResult {
  const names = (c: ImportColumn) => [c.header, ...(c.aliases ?? [])].map(foldVietnamese);
  const headerIndex = grid.slice(0, 10).findIndex((r) => columns.filter((c) => c.required).every((c) => r.some((cell) => typeof cell === 'string' && names(c).includes(foldVietnamese(cell)))));
  if (headerIndex < 0) {
    const wanted = columns.filter((c) => c.required).map((c) => `"${c.header}"`).join(', ');
    throw new AppError('VALIDATION', `Không tìm thấy dòng tiêu đề có đủ các cột bắt buộc: ${wanted}. Hãy dùng tệp mẫu.`);
  }
  const header = grid[headerIndex]!;
  const position = new Map<string, number>();
  for (const c of columns) {
    const i = header.findIndex((cell) => typeof cell === 'string' && names(c).includes(foldVietnamese(cell)));
    if (i >= 0) position.set(c.key, i);
  }
  const rows: ImportedRow[] = [];
  const errors: ImportError[] = [];
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
    const values: Record<string, CellValue> = {};
    for (const c of columns) {
      const i = position.get(c.key);
      const { value, error } = convert(i === undefined ? null : cells[i] ?? null, c);
      values[c.key] = value;
      if (error) errors.push({ row: r + 1, column: c.header, message: error });
    }
    rows.push({ rowNumber: r + 1, values });
  }
  if (rows.length === 0) throw new AppError('VALIDATION', 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề');
  return { rows, errors };
}

/** .xlsx (first sheet) or .csv (UTF-8, with or without BOM; comma or semicolon). */
export async function readTable(buffer: Buffer, filename: string, columns: readonly ImportColumn[]): Promise<ImportResult> {
  if (buffer.length === 0) throw new AppError('VALIDATION', 'Tệp rỗng');
  const lower = filename.toLowerCase();
  if (lower.endsWith('.csv')) return readRows(parseCsv(buffer.toString('utf8')), columns);
  if (!lower.endsWith('.xlsx')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Chỉ nhận tệp .xlsx hoặc .csv');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('VALIDATION', 'Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION', 'Tệp Excel không có trang tính nào');
  const grid: Array<Array<string | number | Date | null>> = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Array<string | number | Date | null> = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    grid[n - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return readRows(grid, columns);
}

/** The Vietnamese sentence listing the errors, for the 400 response and the UI. */
export function importErrorMessage(errors: readonly ImportError[]): string {
  const shown = errors.slice(0, 20).map((e) => `dòng ${e.row}, cột "${e.column}": ${e.message}`);
  const more = errors.length > 20 ? `; và ${errors.length - 20} lỗi khác` : '';
  return `Tệp có ${errors.length} lỗi, chưa có dữ liệu nào được ghi: ${shown.join('; ')}${more}`;
}
