import ExcelJS from 'exceljs';
import { readDate } from '../../core/calendar/dates';
import { foldVietnamese } from '../../core/text/fold';
import { AppError } from '../errors';
import { Readable } from 'node:stream';
import { checkZip, XLSX_LIMITS, type ZipFacts } from '../zip-guard';
import { csvRecords } from './csv';

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

function cellText(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number') return v;
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('sharedFormula' in v) return null;
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
      const read = readDate(raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw));
      return 'date' in read ? { value: read.date } : { value: null, error: read.problem };
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

type Cell = string | number | Date | null;

interface GridRow {
  /** Row number as Excel shows it, or the CSV line where the record starts. */
  number: number;
  cells: Cell[];
}

export interface TableRow extends ImportedRow {
  /** Cells that could not be converted, by row and column. */
  errors: ImportError[];
}

/** The header is looked for among the first rows, so that a title above the table is allowed. */
const HEADER_SEARCH_ROWS = 10;

const isBlank = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/**
 * Turns grid rows into table rows: finds the header row among the first ten, maps the columns
 * by their (diacritic-blind) names and converts every cell, each error with its row and column.
 * Streams: a row is handed on as soon as it is read, so a large sheet is never held whole.
 */
export async function* tableRows(grid: AsyncIterable<GridRow>, columns: readonly ImportColumn[], opts: { maxRows?: number } = {}): AsyncGenerator<TableRow> {
  const names = (c: ImportColumn) => [c.header, ...(c.aliases ?? [])].map(foldVietnamese);
  const required = columns.filter((c) => c.required);
  const isHeader = (r: readonly Cell[]) => required.every((c) => r.some((cell) => typeof cell === 'string' && names(c).includes(foldVietnamese(cell))));
  let position: Map<string, number> | undefined;
  let count = 0;
  for await (const row of grid) {
    if (!position) {
      if (row.number > HEADER_SEARCH_ROWS) break;
      if (!isHeader(row.cells)) continue;
      position = new Map();
      for (const c of columns) {
        const i = row.cells.findIndex((cell) => typeof cell === 'string' && names(c).includes(foldVietnamese(cell)));
        if (i >= 0) position.set(c.key, i);
      }
      continue;
    }
    if (isBlank(row.cells)) continue;
    if (opts.maxRows !== undefined && count >= opts.maxRows) {
      throw new AppError('VALIDATION', `Tệp có hơn ${opts.maxRows.toLocaleString('vi-VN')} dòng dữ liệu, vượt giới hạn một lần nhập; hãy chia thành nhiều tệp`, 'file');
    }
    count++;
    const values: Record<string, CellValue> = {};
    const errors: ImportError[] = [];
    for (const c of columns) {
      const i = position.get(c.key);
      const { value, error } = convert(i === undefined ? null : row.cells[i] ?? null, c);
      values[c.key] = value;
      if (error) errors.push({ row: row.number, column: c.header, message: error });
    }
    yield { rowNumber: row.number, values, errors };
  }
  if (!position) {
    const wanted = required.map((c) => `"${c.header}"`).join(', ');
    throw new AppError('VALIDATION', `Không tìm thấy dòng tiêu đề có đủ các cột bắt buộc: ${wanted}. Hãy dùng tệp mẫu.`);
  }
  if (count === 0) throw new AppError('VALIDATION', 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề');
}

/** A table from rows of cells held in memory (grid[0] is row 1). */
export async function readRows(grid: Cell[][], columns: readonly ImportColumn[]): Promise<ImportResult> {
  return collect(tableRows(arrayGrid(grid), columns));
}

async function* arrayGrid(grid: Cell[][]): AsyncGenerator<GridRow> {
  for (const [i, cells] of grid.entries()) yield { number: i + 1, cells };
}

async function* csvGrid(buffer: Buffer): AsyncGenerator<GridRow> {
  for await (const r of csvRecords([buffer])) yield { number: r.line, cells: r.fields };
}

/**
 * The first worksheet of an .xlsx, row by row, through exceljs's streaming reader: memory
 * stays flat whatever the number of rows (only the shared strings are kept). The file has
 * passed the zip check (readUpload) before it gets here.
 */
async function* xlsxGrid(buffer: Buffer): AsyncGenerator<GridRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const ws of reader) {
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        yield { number: row.number, cells };
      }
      return; // the first sheet only
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', 'Không đọc được tệp Excel: tệp hỏng hoặc không phải .xlsx');
  }
  throw new AppError('VALIDATION', 'Tệp Excel không có trang tính nào');
}

/** Rows the first sheet declares (its <dimension ref="A1:H5000">), for progress: null if unknown. */
export function declaredSheetRows(zip: ZipFacts | undefined): number | null {
  if (!zip) return null;
  const heads = [...zip.heads.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  const head = heads[0]?.[1];
  const m = head ? /<dimension\s+ref="[A-Z]+(\d+)(?::[A-Z]+(\d+))?"/.exec(head) : null;
  if (!m) return null;
  return Number(m[2] ?? m[1]);
}

export interface TableSource {
  buffer: Buffer;
  filename: string;
  zip?: ZipFacts;
}

/**
 * .xlsx (first sheet) or .csv: the rows, streamed, and how many the file says it has. An
 * .xlsx is checked against the unpacking limits first unless readUpload already did.
 */
export async function openTable(file: TableSource, columns: readonly ImportColumn[], opts: { maxRows?: number } = {}): Promise<{ total: number | null; rows: AsyncGenerator<TableRow> }> {
  if (file.buffer.length === 0) throw new AppError('VALIDATION', 'Tệp rỗng');
  const lower = file.filename.toLowerCase();
  if (lower.endsWith('.csv')) return { total: countLines(file.buffer), rows: tableRows(csvGrid(file.buffer), columns, opts) };
  if (!lower.endsWith('.xlsx')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Chỉ nhận tệp .xlsx hoặc .csv');
  const zip = file.zip ?? (await checkZip(file.buffer, XLSX_LIMITS, 'Excel (.xlsx)'));
  const declared = declaredSheetRows(zip);
  return { total: declared === null ? null : Math.max(0, declared - 1), rows: tableRows(xlsxGrid(file.buffer), columns, opts) };
}

function countLines(buffer: Buffer): number {
  let n = 0;
  for (let i = buffer.indexOf(10); i >= 0; i = buffer.indexOf(10, i + 1)) n++;
  if (buffer.length > 0 && buffer[buffer.length - 1] !== 10) n++;
  return Math.max(0, n - 1);
}

async function collect(rows: AsyncIterable<TableRow>): Promise<ImportResult> {
  const out: ImportedRow[] = [];
  const errors: ImportError[] = [];
  for await (const r of rows) {
    out.push({ rowNumber: r.rowNumber, values: r.values });
    errors.push(...r.errors);
  }
  return { rows: out, errors };
}

/** The whole table in memory, for small imports (tasks): bounded by `maxRows`. */
export async function readTable(buffer: Buffer, filename: string, columns: readonly ImportColumn[], opts: { maxRows?: number; zip?: ZipFacts } = {}): Promise<ImportResult> {
  return collect((await openTable({ buffer, filename, zip: opts.zip }, columns, opts)).rows);
}

/** The Vietnamese sentence listing the errors, for the 400 response and the UI. */
export function importErrorMessage(errors: readonly ImportError[]): string {
  const shown = errors.slice(0, 20).map((e) => `dòng ${e.row}, cột "${e.column}": ${e.message}`);
  const more = errors.length > 20 ? `; và ${errors.length - 20} lỗi khác` : '';
  return `Tệp có ${errors.length} lỗi, chưa có dữ liệu nào được ghi: ${shown.join('; ')}${more}`;
}
