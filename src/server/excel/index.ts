export { attachmentHeader, writeSheet, XLSX_MIME, type SheetColumn, type SheetSpec } from './write';
export { importErrorMessage, readRows, readTable, type ImportColumn, type ImportError, type ImportResult, type ImportedRow } from './read';
export { parseCsv, splitCsvLine } from './csv';
