/**
 * Task tables copied out of a PDF or a narrow .docx column keep each cell's line breaks
 * as extra bar rows: the row goes on below with an empty "TT" cell ("|   | phát sóng 5G |
 * Công nghệ | … |"). Such a continuation row is folded back into the row above, cell by
 * cell, so "Sở Khoa học và" + "Công nghệ" reads as one lead. Only tables whose header
 * opens with a numbering column are touched: without one, a continuation cannot be told
 * from a new row.
 */
import { foldVietnamese } from '../text/fold';
import { tableColumns } from './table';

const INDEX_HEAD = /^(?:s?tt|so tt|so thu tu)$/;
const RULE = /^:?-{2,}:?$/;

function barCells(line: string): string[] | null {
  const t = line.trim();
  if (!t.startsWith('|')) return null;
  const inner = t.endsWith('|') && t.length > 1 ? t.slice(1, -1) : t.slice(1);
  return inner.split('|').map((c) => c.trim());
}

const isAllCaps = (s: string): boolean => /\p{Lu}/u.test(s) && s === s.toUpperCase();

/** A row that goes on the one above: no number, not a rule, not a caps section title. */
function isContinuation(cells: string[]): boolean {
  if ((cells[0] ?? '') !== '') return false;
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0 || filled.every((c) => RULE.test(c))) return false;
  return !(filled.length === 1 && isAllCaps(filled[0] ?? ''));
}

function joinCells(above: string[], below: string[]): string[] {
  const n = Math.max(above.length, below.length);
  return Array.from({ length: n }, (_, i) => [above[i] ?? '', below[i] ?? ''].filter(Boolean).join(' '));
}

/** The text with every wrapped task-table row joined into one bar row. */
export function joinWrappedRows(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let indexed = false;
  let lastRow: { at: number; cells: string[] } | null = null;
  for (const line of lines) {
    const cells = barCells(line);
    if (!cells) {
      if (line.trim() !== '') {
        indexed = false;
        lastRow = null;
      }
      out.push(line);
      continue;
    }
    if (!indexed) {
      if (tableColumns(cells) !== null) indexed = INDEX_HEAD.test(foldVietnamese(cells[0] ?? '').replace(/[^a-z ]/g, '').trim());
      lastRow = null;
      out.push(line);
      continue;
    }
    if (lastRow && isContinuation(cells)) {
      lastRow.cells = joinCells(lastRow.cells, cells);
      out[lastRow.at] = `| ${lastRow.cells.join(' | ')} |`;
      continue;
    }
    const isRule = cells.every((c) => c === '' || RULE.test(c));
    if (!isRule) lastRow = (cells[0] ?? '') !== '' ? { at: out.length, cells } : null;
    out.push(line);
  }
  return out.join('\n');
}
