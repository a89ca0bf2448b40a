export { attachmentHeader, writeSheet, XLSX_MIME, type SheetColumn, type SheetSpec } from './write';
export { importErrorMessage, openTable, readRows, readTable, type ImportColumn, type ImportError, type ImportResult, type ImportedRow, type TableRow, type TableSource } from './read';
export { csvRecords, decodeText, detectDelimiter, NOT_UTF8_MESSAGE, parseCsv, type CsvRecord } from './csv';
