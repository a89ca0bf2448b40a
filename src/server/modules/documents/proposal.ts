import type { Queryable } from '../../../db/client';
import { extractDirective, type TExtractOptions } from '../../../core/extraction/extract';
import { RECURRENCE_LABEL_VI } from '../../../core/tasks/recurrence';
import type { TProposal, TProposedAssignment, TUnreadSentenceWire } from '../../../contracts/documents';
import { loadRegistry, resolveMention } from '../tasks/registry';
import type { DocumentRow } from './queries';

/**
 * The "Đề xuất" answer: metadata read from the text and every assignment, each lead and
 * coordinator matched to the units valid on the document's date (aliases included), a
 * group phrase shown with the members it will expand to, a name the registry does not know
 * kept as "đơn vị chưa có trong danh mục". Each assignment says how sure the reader is and
 * why; the sentences that look like instructions but gave nothing are listed for the clerk.
 * Nothing is written.
 */
export async function proposeFor(db: Queryable, doc: DocumentRow, today: string): Promise<TProposal> {
  const options: TExtractOptions = { documentDate: doc.issued_on };
  const p = extractDirective(doc.body, options);
  const asOf = doc.issued_on ?? p.metadata.ngayBanHanh ?? today;
  const registry = await loadRegistry(db, asOf);
  // extractDirective normalises again; the stored body is already normal, so offsets agree.
  const aligned = p.text === doc.body;
  const source = (start: number, end: number, text: string) => (aligned ? { start, end, text } : { start: -1, end: -1, text });
  const assignments: TProposedAssignment[] = p.assignments.map((a, index) => ({
    index,
    lead: resolveMention(a.lead, registry),
    coordinators: a.coordinators.map((c) => resolveMention(c, registry)),
    task: a.task,
    deadline: a.deadline,
    deadlineText: a.deadlineText,
    recurrence: a.recurrence,
    recurrenceLabel: a.recurrence ? RECURRENCE_LABEL_VI[a.recurrence] : null,
    source: source(a.sourceStart, a.sourceEnd, a.sourceText),
    confidence: a.confidence,
    why: a.why,
  }));
  const unread: TUnreadSentenceWire[] = p.unread.map((u, index) => ({
    index,
    source: source(u.start, u.end, u.text),
    lead: u.lead ? resolveMention(u.lead, registry) : null,
    deadline: u.deadline,
    deadlineText: u.deadlineText,
    recurrence: u.recurrence,
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
    unread,
    unmatched: assignments.filter((a) => a.lead.kind === 'unknown').length,
  };
}
