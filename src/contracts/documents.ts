/**
 * Wire shapes of the directive proposal: what the reader proposes (each assignment with its
 * confidence and why, and the sentences it could not read), and the clerk's reviewed
 * assignments exported as gold JSON in the corpus format of test/fixtures/extraction.
 */
import { z } from 'zod';
import { RECURRENCES } from '../core/tasks/recurrence';
import { ZId, ZIsoDate } from './common';

const GROUP_KEYS = [
  'all_departments_and_localities',
  'all_departments',
  'all_districts',
  'all_communes',
  'all_agencies',
  'related_agencies',
  'steering_committee',
  'press_agencies',
] as const;
export const ZGroupKey = z.enum(GROUP_KEYS);
export type TGroupKeyWire = z.infer<typeof ZGroupKey>;

export const ZRecurrenceWire = z.enum(RECURRENCES as unknown as ['weekly', 'biweekly', 'monthly', 'quarterly', 'annual']);

const ZUnitRef = z.object({ id: ZId, name: z.string() });

/** A name as the registry knows it: one unit, a group and its members, or a unit not in the registry. */
export const ZResolved = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unit'), text: z.string(), unit: ZUnitRef }),
  z.object({ kind: z.literal('group'), text: z.string(), group: ZGroupKey, label: z.string(), members: z.array(ZUnitRef) }),
  /** "Đơn vị chưa có trong danh mục": proposed all the same, the clerk maps or adds it. */
  z.object({ kind: z.literal('unknown'), text: z.string() }),
]);
export type TResolved = z.infer<typeof ZResolved>;

export const ZConfidence = z.enum(['high', 'medium', 'low']);
export type TConfidenceWire = z.infer<typeof ZConfidence>;

const ZSource = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });

export const ZProposedAssignment = z.object({
  index: z.number().int(),
  lead: ZResolved,
  coordinators: z.array(ZResolved),
  task: z.string(),
  deadline: ZIsoDate.nullable(),
  deadlineText: z.string().nullable(),
  recurrence: ZRecurrenceWire.nullable(),
  recurrenceLabel: z.string().nullable(),
  source: ZSource,
  confidence: ZConfidence,
  /** Why the reader proposes it, in Vietnamese. */
  why: z.string(),
});
export type TProposedAssignment = z.infer<typeof ZProposedAssignment>;

/** "Câu có vẻ giao việc nhưng chưa đọc được", with what the sentence itself names. */
export const ZUnreadSentence = z.object({
  index: z.number().int(),
  source: ZSource,
  lead: ZResolved.nullable(),
  deadline: ZIsoDate.nullable(),
  deadlineText: z.string().nullable(),
  recurrence: ZRecurrenceWire.nullable(),
});
export type TUnreadSentenceWire = z.infer<typeof ZUnreadSentence>;

export const ZProposalMetadata = z.object({
  number: z.string().nullable(),
  type: z.string().nullable(),
  issuedOn: ZIsoDate.nullable(),
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  summary: z.string().nullable(),
  signer: z.string().nullable(),
});

export const ZProposal = z.object({
  asOf: ZIsoDate,
  metadata: ZProposalMetadata,
  assignments: z.array(ZProposedAssignment),
  unread: z.array(ZUnreadSentence),
  /** Assignments whose lead is not in the registry. */
  unmatched: z.number().int(),
});
export type TProposal = z.infer<typeof ZProposal>;

/** One assignment in the gold format (snake_case, as the corpus and seeds-gold.json write it). */
export const ZGoldAssignment = z.object({
  lead: z.string(),
  coordinators: z.array(z.string()),
  task: z.string(),
  deadline: ZIsoDate.nullable(),
  deadline_text: z.string().nullable(),
  recurrence: ZRecurrenceWire.nullable(),
});
export type TGoldAssignment = z.infer<typeof ZGoldAssignment>;

export const ZGoldDocumentExport = z.object({
  file: z.string(),
  /** The document's id in this installation, so a re-export replaces it. */
  document_id: ZId,
  reviewed_at: z.string(),
  metadata: z.object({
    so_ky_hieu: z.string().nullable(),
    ngay_ban_hanh: ZIsoDate.nullable(),
    co_quan: z.string().nullable(),
    nguoi_ky: z.string().nullable(),
    loai: z.string().nullable(),
    trich_yeu: z.string().nullable(),
  }),
  /** What the clerk confirmed: the gold. */
  assignments: z.array(ZGoldAssignment),
  /** What the reader had proposed, to measure it against the gold. */
  proposed: z.array(ZGoldAssignment),
  /** Counts of the clerk's corrections: added, removed, changed lead, changed deadline. */
  corrections: z.object({ added: z.number().int(), removed: z.number().int(), lead: z.number().int(), deadline: z.number().int() }),
  /** The normalised text the assignments were read from. */
  text: z.string(),
});
export type TGoldDocumentExport = z.infer<typeof ZGoldDocumentExport>;

export const ZGoldExport = z.object({ about: z.string(), documents: z.array(ZGoldDocumentExport) });
export type TGoldExport = z.infer<typeof ZGoldExport>;
