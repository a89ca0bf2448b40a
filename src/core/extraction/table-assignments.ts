/**
 * Assignments from appendix task tables: one per row (one per lead when the "chủ trì"
 * cell names several bodies), with the "phối hợp" cell as coordinators and the time
 * cell as deadline or recurrence. The header says who leads, so a cell the unit
 * patterns do not know is still taken as the lead, as written.
 */
import type { TAssignment } from './assignment-types';
import { explainAssignment } from './confidence';
import { isIssuer, leadsOf, type TAssignmentContext, type TLead } from './leads';
import { findTaskTables, type TCell, type TTaskTable } from './table';
import { parseTimeCell } from './time-cell';
import { canonicalUnitName, expandGroup, mentionName, readUnitChain } from './units';

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
const cellText = (text: string, c: TCell | undefined): string => (c ? collapse(text.slice(c.start, c.end)) : '');

function leadsOfCell(text: string, cell: TCell, ctx: TAssignmentContext): TLead[] {
  const chain = readUnitChain(text, cell.start, cell.end);
  if (chain && text.slice(chain.end, cell.end).replace(/[\s,;.]+/g, '') === '') {
    return isIssuer(text, chain, ctx) ? [] : leadsOf(text, chain);
  }
  const written = cellText(text, cell);
  return [{ text: written, kind: expandGroup(written) ? 'group' : 'unit', canonical: canonicalUnitName(written) }];
}

/**
 * Bodies listed in a cell, one part per semicolon or line: a part the unit patterns read
 * whole gives its mentions ("Sở A, Sở B", "Các sở, ban, ngành"), any other part is one
 * body as written ("Trung tâm Truyền thông tỉnh").
 */
function unitsOfCell(text: string, cell: TCell | undefined): string[] {
  if (!cell) return [];
  const out: string[] = [];
  let start = cell.start;
  for (const part of text.slice(cell.start, cell.end).split(/([;\n])/)) {
    const end = start + part.length;
    if (part !== ';' && part !== '\n' && part.trim()) {
      const chain = readUnitChain(text, start, end);
      const whole = chain && text.slice(chain.end, end).replace(/[\s,.]+/g, '') === '';
      if (chain && whole) out.push(...chain.mentions.map((m) => mentionName(m, text)));
      else out.push(collapse(part).replace(/[.,]+$/u, ''));
    }
    start = end;
  }
  return out;
}

function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? (s[0] ?? '').toLowerCase() + s.slice(1) : s;
}

function rowAssignments(text: string, table: TTaskTable, ctx: TAssignmentContext): TAssignment[] {
  const { columns } = table;
  const out: TAssignment[] = [];
  for (const row of table.rows) {
    const leadCell = row.cells[columns.lead];
    if (!leadCell) continue;
    const time = parseTimeCell(cellText(text, columns.time === null ? undefined : row.cells[columns.time]), ctx.documentDate);
    const coordinators = unitsOfCell(text, columns.coordinators === null ? undefined : row.cells[columns.coordinators]);
    const task = lowerFirst(cellText(text, row.cells[columns.task]).replace(/[\s.;:]+$/u, ''));
    for (const lead of leadsOfCell(text, leadCell, ctx)) {
      out.push(explainAssignment({
        via: 'table',
        lead: lead.text,
        leadKind: lead.kind,
        groupKey: lead.kind === 'group' ? expandGroup(lead.text) : null,
        coordinators: coordinators.filter((c) => canonicalUnitName(c) !== lead.canonical),
        task,
        deadline: time.deadline,
        deadlineText: time.deadlineText,
        recurrence: time.recurrence,
        sourceStart: row.start,
        sourceEnd: row.end,
        sourceText: text.slice(row.start, row.end),
      }));
    }
  }
  return out;
}

/** Every assignment written as a row of a task table, in text order. */
export function tableAssignments(text: string, ctx: TAssignmentContext): { assignments: TAssignment[]; tables: TTaskTable[] } {
  const tables = findTaskTables(text);
  return { assignments: tables.flatMap((t) => rowAssignments(text, t, ctx)), tables };
}
