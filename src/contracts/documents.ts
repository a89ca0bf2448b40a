/**
 * Directives (văn bản chỉ đạo), /api/documents: registration, the reader's proposal (each
 * assignment with its confidence and why, and the sentences it could not read), the clerk's
 * confirmation that creates the tasks, withdrawal, and the reviewed assignments exported as
 * gold JSON in the corpus format of test/fixtures/extraction.
 */
import { z } from 'zod';
import { PILLARS } from '../core/tasks/pillars';
import { RECURRENCES } from '../core/tasks/recurrence';
import { ZDay, ZFreeText, ZId, ZInstant, ZIsoDate, ZTextLine } from './common';
import { ZTask } from './tasks';

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

// ─── Requests ────────────────────────────────────────────────────────────────

// Metadata read from a document may wrap over lines: joined, then the text gate.
const ZField = (max: number) => ZTextLine(max, { joinLines: true });

const METADATA_FIELDS = {
  number: ZField(100).nullish(),
  type: ZField(100).nullish(),
  issuedOn: ZIsoDate.nullish(),
  issuer: ZField(300).nullish(),
  place: ZField(100).nullish(),
  summary: ZFreeText(2000).nullish(),
  signer: ZField(200).nullish(),
  signerAuthority: z.enum(['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.']).nullish(),
  recipients: ZFreeText(2000).nullish(),
};

export const ZDocumentMetadataInput = z.strictObject(METADATA_FIELDS);
/** The metadata a reviewer corrects before confirming. */
export type TDocumentMetadataInput = z.input<typeof ZDocumentMetadataInput>;

export const ZDocumentListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  type: z.string().trim().max(100).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TDocumentListQuery = z.infer<typeof ZDocumentListQuery>;

export const ZDocumentParams = z.strictObject({ id: ZId });

export const ZDocumentCreate = z.strictObject({ text: z.string().max(500_000, 'Văn bản quá dài (tối đa 500.000 ký tự)'), ...METADATA_FIELDS });
export type TDocumentCreate = z.input<typeof ZDocumentCreate>;
export const ZDocumentUpdate = z.strictObject({ version: z.number().int().min(1), ...METADATA_FIELDS });
export type TDocumentUpdate = z.input<typeof ZDocumentUpdate>;

export const ZConfirmAssignment = z.strictObject({
  title: ZField(2000).min(1, 'Nội dung nhiệm vụ không được để trống'),
  lead: z.union([
    z.strictObject({ unitId: ZId }),
    z.strictObject({ group: ZGroupKey, text: ZField(300).optional(), excludeUnitIds: z.array(ZId).max(500).optional() }),
  ]),
  coordinatorUnitIds: z.array(ZId).max(200).default([]),
  coordinatorGroups: z.array(ZGroupKey).max(10).optional(),
  deadline: ZIsoDate.nullish(),
  deadlineText: ZField(300).nullish(),
  recurrence: ZRecurrenceWire.nullish(),
  pillar: z.enum(PILLARS).nullish(),
  sourceStart: z.number().int().min(0).nullish(),
  sourceEnd: z.number().int().min(0).nullish(),
});
/** One assignment as the review screen sends it. */
export type TConfirmAssignment = z.input<typeof ZConfirmAssignment>;

export const ZDocumentConfirm = z.strictObject({
  version: z.number().int().min(1),
  metadata: ZDocumentMetadataInput.optional(),
  assignments: z.array(ZConfirmAssignment).min(1, 'Chưa có nhiệm vụ nào để xác nhận').max(300),
});
export type TDocumentConfirm = z.input<typeof ZDocumentConfirm>;

export const ZDocumentWithdraw = z.strictObject({
  version: z.number().int().min(1),
  reason: ZField(2000).pipe(z.string().min(10, 'Hãy nêu lý do thu hồi (ít nhất 10 ký tự)')),
  /** Open tasks of the document to close with it; the others are kept. */
  cancelTaskIds: z.array(ZId).max(1000).default([]),
});
export type TDocumentWithdraw = z.input<typeof ZDocumentWithdraw>;

// ─── Responses: the document ─────────────────────────────────────────────────

/** registered → confirmed (its tasks created) → withdrawn (thu hồi, with a reason). */
export const DOCUMENT_STATUSES = ['registered', 'confirmed', 'withdrawn'] as const;
export const ZDocumentStatus = z.enum(DOCUMENT_STATUSES);
export type TDocumentStatus = z.infer<typeof ZDocumentStatus>;

/** Another registration of the same directive (same số/ký hiệu, issuer and date). */
export const ZDocumentTwin = z.object({
  id: z.string(),
  number: z.string().nullable(),
  type: z.string(),
  issuer: z.string().nullable(),
  issuedOn: ZDay.nullable(),
  status: ZDocumentStatus,
  createdAt: ZInstant,
});
export type TDocumentTwin = z.infer<typeof ZDocumentTwin>;

export const ZDocument = z.object({
  id: z.string(),
  number: z.string().nullable(),
  type: z.string(),
  issuedOn: ZDay.nullable(),
  issuer: z.string().nullable(),
  place: z.string().nullable(),
  summary: z.string().nullable(),
  signer: z.string().nullable(),
  signerAuthority: z.string().nullable(),
  recipients: z.string().nullable(),
  /** The normalised full text: on the detail, a registration, an edit and a confirmation. */
  body: z.string().optional(),
  file: z.object({ id: z.string(), name: z.string() }).nullable(),
  confirmedAt: ZInstant.nullable(),
  status: ZDocumentStatus,
  withdrawnAt: ZInstant.nullable(),
  withdrawnReason: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  /** Other registrations of the same directive (on registration and on the detail). */
  duplicates: z.array(ZDocumentTwin).optional(),
  taskCount: z.number().int(),
  openTaskCount: z.number().int(),
  sample: z.boolean(),
  createdAt: ZInstant,
  updatedAt: ZInstant,
  version: z.number().int(),
});
export type TDocument = z.infer<typeof ZDocument>;

export const ZDocumentList = z.object({ total: z.number().int(), items: z.array(ZDocument) });
export type TDocumentList = z.infer<typeof ZDocumentList>;

export const ZDocumentDetail = z.object({ document: ZDocument, tasks: z.array(ZTask) });
export type TDocumentDetail = z.infer<typeof ZDocumentDetail>;

/** A confirmation: the tasks it created (one per lead unit of a group). */
export const ZDocumentConfirmed = z.object({ created: z.number().int(), document: ZDocument, tasks: z.array(ZTask) });
export type TDocumentConfirmed = z.infer<typeof ZDocumentConfirmed>;

export const ZDocumentWithdrawn = z.object({ document: ZDocument, cancelled: z.number().int() });
export type TDocumentWithdrawn = z.infer<typeof ZDocumentWithdrawn>;

// ─── Responses: the proposal ─────────────────────────────────────────────────

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
