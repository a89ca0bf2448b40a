/**
 * Task tables of plans' appendices (Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời
 * gian hoàn thành) as text extracted from .docx/.pdf: tab-separated rows, or rows between
 * bars ("| 1 | … | Sở Nội vụ | … |"). Columns are found by the header row's names, read
 * diacritic-blind, so their order and wording may vary.
 */
import { foldVietnamese } from '../text/fold';

export type TCell = { start: number; end: number };
export type TTableRow = { start: number; end: number; cells: TCell[] };
export type TTableColumns = { task: number; lead: number; coordinators: number | null; time: number | null };
export type TTaskTable = { start: number; end: number; columns: TTableColumns; rows: TTableRow[] };

const TASK_HEAD = /^(?:ten )?(?:nhiem vu|noi dung|cong viec|hoat dong|de an|san pham)/;
const LEAD_HEAD = /chu tri/;
const COORD_HEAD = /phoi hop/;
const TIME_HEAD = /^(?:thoi gian|thoi han|tien do|han hoan thanh|moc thoi gian|nam hoan thanh)/;

/** Which cell holds what, or null when the row does not head a task table. */
export function tableColumns(cells: string[]): TTableColumns | null {
  const folded = cells.map((c) => foldVietnamese(c).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim());
  const find = (test: (f: string) => boolean): number | null => {
    const i = folded.findIndex(test);
    return i === -1 ? null : i;
  };
  const lead = find((f) => LEAD_HEAD.test(f) && !COORD_HEAD.test(f));
  const task = find((f) => TASK_HEAD.test(f));
  if (lead === null || task === null || lead === task) return null;
  return { task, lead, coordinators: find((f) => COORD_HEAD.test(f) && !LEAD_HEAD.test(f)), time: find((f) => TIME_HEAD.test(f)) };
}

/**
 * Tab-separated rows of a task table written between bars, so the table survives the
 * normalisation that turns tabs into spaces. Only rows from a recognised header on are
 * touched: tabs elsewhere (a letterhead laid out with tabs) are layout, not a table.
 */
export function barTabTables(text: string): string {
  const lines = text.split('\n');
  let inTable = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.includes('\t')) {
      if (line.trim() !== '') inTable = false;
      continue;
    }
    const cells = line.split('\t').map((c) => c.trim());
    if (!inTable && tableColumns(cells) === null) continue;
    inTable = true;
    lines[i] = `| ${cells.join(' | ')} |`;
  }
  return lines.join('\n');
}

function cellsOf(text: string, start: number, end: number): TCell[] | null {
  const line = text.slice(start, end);
  const open = /^\s*\|/.exec(line);
  if (!open) return null;
  const cells: TCell[] = [];
  let from = start + open[0].length;
  for (;;) {
    const bar = text.indexOf('|', from);
    if (bar === -1 || bar >= end) {
      if (text.slice(from, end).trim()) cells.push(trimCell(text, from, end));
      return cells;
    }
    cells.push(trimCell(text, from, bar));
    from = bar + 1;
  }
}

function trimCell(text: string, start: number, end: number): TCell {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}

const isRule = (text: string, cells: TCell[]): boolean =>
  cells.every((c) => /^:?-{2,}:?$|^$/.test(text.slice(c.start, c.end)));

/** Every task table in a normalised text, with its data rows (section and rule rows left out). */
export function findTaskTables(text: string): TTaskTable[] {
  const tables: TTaskTable[] = [];
  let current: TTaskTable | null = null;
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const cells = cellsOf(text, start, end);
    if (!cells) {
      if (text.slice(start, end).trim() !== '') current = null;
    } else if (!current) {
      const columns = tableColumns(cells.map((c) => text.slice(c.start, c.end)));
      if (columns) {
        current = { start, end, columns, rows: [] };
        tables.push(current);
      }
    } else {
      current.end = end;
      const lead = cells[current.columns.lead];
      const task = cells[current.columns.task];
      const isData = lead && task && lead.end > lead.start && task.end > task.start && !isRule(text, cells);
      if (isData) current.rows.push({ start, end, cells });
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return tables;
}
