import type { Queryable } from '../../../db/client';
import { extractDirective } from '../../../core/extraction/extract';
import { RECURRENCE_LABEL_VI } from '../../../core/tasks/recurrence';
import { loadRegistry, resolveMention, type Resolved } from '../tasks/registry';
import type { DocumentRow } from './queries';

export interface ProposedAssignment {
  index: number;
  lead: Resolved;
  coordinators: Resolved[];
  task: string;
  deadline: string | null;
  deadlineText: string | null;
  recurrence: string | null;
  recurrenceLabel: string | null;
  source: { start: number; end: number; text: string };
}

/**
 * The "Đề xuất" answer: metadata read from the text and every assignment, each lead and
 * coordinator matched to the units valid on the document's date (aliases included), a
 * group phrase shown with the members it will expand to. Nothing is written.
 */
export async function proposeFor(db: Queryable, doc: DocumentRow, today: string) {
  const p = extractDirective(doc.body);
  const asOf = doc.issued_on ?? p.metadata.ngayBanHanh ?? today;
  const registry = await loadRegistry(db, asOf);
  // extractDirective normalises again; the stored body is already normal, so offsets agree.
  const shift = p.text === doc.body ? 0 : null;
  const assignments: ProposedAssignment[] = p.assignments.map((a, index) => ({
    index,
    lead: resolveMention(a.lead, registry),
    coordinators: a.coordinators.map((c) => resolveMention(c, registry)),
    task: a.task,
    deadline: a.deadline,
    deadlineText: a.deadlineText,
    recurrence: a.recurrence,
    recurrenceLabel: a.recurrence ? RECURRENCE_LABEL_VI[a.recurrence] : null,
    source: shift === null ? { start: -1, end: -1, text: a.sourceText } : { start: a.sourceStart, end: a.sourceEnd, text: a.sourceText },
  }));
  const m = p.metadata;
  return {
    asOf,
    metadata: {
      number: m.soKyHieu,
      type: m.loai,
      issuedOn: m.ngayBanHanh,
      issuer: m.coQuan,
      place: m.diaDanh,
      summary: m.trichYeu,
      signer: m.nguoiKy,
    },
    assignments,
    unmatched: assignments.filter((a) => a.lead.kind === 'unknown').length,
  };
}
