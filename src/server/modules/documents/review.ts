import type { Queryable } from '../../../db/client';
import { leadsMatch } from '../../../core/extraction/evaluate';
import { extractDirective, toGoldFormat } from '../../../core/extraction/extract';
import type { TGoldAssignment, TGoldDocumentExport, TGoldExport } from '../../../contracts/documents';
import { GROUP_LABEL_VI, type RegistryUnit } from '../tasks/registry';
import type { TGroupKey } from '../../../core/extraction/units';
import { selectReviews, upsertReview, type DocumentRow, type ReviewRow } from './queries';

type TProposedGold = TGoldAssignment & { sourceStart: number; sourceEnd: number };

/** A confirmed row as confirm.ts receives it (the fields the gold needs). */
type ConfirmAssignment = {
  title: string;
  lead: { unitId: string } | { group: TGroupKey; text?: string };
  coordinatorUnitIds: string[];
  coordinatorGroups?: TGroupKey[];
  deadline?: string | null;
  deadlineText?: string | null;
  recurrence?: TGoldAssignment['recurrence'];
  sourceStart?: number | null;
  sourceEnd?: number | null;
};

/** The task as the gold writes it: from its verb, first letter in lower case. */
const goldTask = (title: string): string => (/^\p{Lu}\p{Ll}/u.test(title) ? (title[0] ?? '').toLowerCase() + title.slice(1) : title);

/** What the reader proposes for the stored text, with the spans that tie it to the confirmed rows. */
export function proposedGold(doc: DocumentRow): TProposedGold[] {
  const p = extractDirective(doc.body, { documentDate: doc.issued_on });
  const gold = toGoldFormat(p).assignments;
  return gold.map((g, i) => ({
    ...g,
    recurrence: g.recurrence as TGoldAssignment['recurrence'],
    sourceStart: p.assignments[i]?.sourceStart ?? -1,
    sourceEnd: p.assignments[i]?.sourceEnd ?? -1,
  }));
}

/** The confirmed rows in the gold format: units by their registry name, groups as written. */
export function reviewedGold(assignments: ConfirmAssignment[], registry: RegistryUnit[]): TGoldAssignment[] {
  const name = (id: string) => registry.find((u) => u.id === id)?.name ?? id;
  return assignments.map((a) => ({
    lead: 'unitId' in a.lead ? name(a.lead.unitId) : (a.lead.text ?? GROUP_LABEL_VI[a.lead.group]),
    coordinators: [...a.coordinatorUnitIds.map(name), ...(a.coordinatorGroups ?? []).map((g) => GROUP_LABEL_VI[g])],
    task: goldTask(a.title),
    deadline: a.deadline ?? null,
    deadline_text: a.deadlineText ?? null,
    recurrence: a.recurrence ?? null,
  }));
}

/** Which confirmed rows the reader had proposed (same source span), and what the clerk changed. */
export function corrections(proposed: TProposedGold[], reviewed: TGoldAssignment[], spans: Array<{ start: number | null; end: number | null }>) {
  const used = new Set<number>();
  let added = 0;
  let lead = 0;
  let deadline = 0;
  reviewed.forEach((r, i) => {
    const span = spans[i];
    const at = proposed.findIndex((p, k) => !used.has(k) && span?.start != null && p.sourceStart === span.start && p.sourceEnd === span.end);
    if (at === -1) {
      added++;
      return;
    }
    used.add(at);
    const p = proposed[at] as TProposedGold;
    if (!leadsMatch(p.lead, r.lead)) lead++;
    if (p.deadline !== r.deadline) deadline++;
  });
  return { added, removed: proposed.length - used.size, lead, deadline };
}

/** Keeps the proposal and the clerk's confirmed assignments, in the caller's transaction. */
export async function recordReview(
  tx: Queryable,
  doc: DocumentRow,
  assignments: ConfirmAssignment[],
  registry: RegistryUnit[],
  actorId: string,
  at: string,
): Promise<void> {
  const proposed = proposedGold(doc);
  const reviewed = reviewedGold(assignments, registry);
  const c = corrections(proposed, reviewed, assignments.map((a) => ({ start: a.sourceStart ?? null, end: a.sourceEnd ?? null })));
  const plain = proposed.map(({ sourceStart: _s, sourceEnd: _e, ...g }) => g);
  await upsertReview(tx, {
    document_id: doc.id,
    proposed: plain,
    reviewed,
    added: c.added,
    removed: c.removed,
    lead_changed: c.lead,
    deadline_changed: c.deadline,
    reviewed_by: actorId,
    reviewed_at: at,
  });
}

const fileName = (r: ReviewRow): string =>
  `${(r.doc_number ?? r.id).replace(/[^\p{L}\p{N}-]+/gu, '_').replace(/^_+|_+$/g, '') || r.id}.txt`;

/**
 * The reviewed documents as a gold file in the corpus format (one entry per document, the
 * text inline): `eval-extract` scores the reader against it, and the corpus grows with use.
 */
export async function goldExport(db: Queryable, documentId: string | null): Promise<TGoldExport> {
  const rows = await selectReviews(db, documentId);
  const documents: TGoldDocumentExport[] = rows.map((r) => ({
    file: fileName(r),
    document_id: r.id,
    reviewed_at: r.reviewed_at,
    metadata: { so_ky_hieu: r.doc_number, ngay_ban_hanh: r.issued_on, co_quan: r.issuer, nguoi_ky: r.signer, loai: r.doc_type, trich_yeu: r.summary },
    assignments: r.reviewed,
    proposed: r.proposed,
    corrections: { added: r.added, removed: r.removed, lead: r.lead_changed, deadline: r.deadline_changed },
    text: r.body,
  }));
  return {
    about:
      'Gold annotations confirmed by clerks in Hải Đăng: for each reviewed directive, the assignments as confirmed (the gold), ' +
      'what the reader had proposed, and the text. Same format as test/fixtures/extraction (score with `haidang eval-extract FILE`).',
    documents,
  };
}
