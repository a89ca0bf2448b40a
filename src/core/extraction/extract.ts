/**
 * Entry point: the text of an official document in, a proposal out (metadata and every
 * assignment, each pointing at its source sentence). Pure and deterministic: a person
 * confirms the proposal before anything is stored.
 */
import { extractAssignments, type TAssignment } from './assignments';
import { extractMetadata, type TDocumentMetadata } from './metadata';
import { isContingency, isUpwardDocument, isUpwardLead } from './scope';
import { normalizeDocument } from './sentences';
import { parseAddressees } from './addressees';
import { unreadSentences, type TUnreadSentence } from './unread';

export type TDirectiveProposal = {
  /** The normalised text (NFC, no markdown marks); assignment offsets point into it. */
  text: string;
  metadata: TDocumentMetadata;
  assignments: TAssignment[];
  /** Sentences that look like instructions but gave no assignment, for the clerk to add. */
  unread: TUnreadSentence[];
};

/** The gold annotation format used by the CLI and the evaluation. */
export type TGoldDocument = {
  /** The metadata fields the gold annotates (all when absent). */
  metadataScored?: Array<keyof TGoldDocument['metadata']>;
  metadata: {
    so_ky_hieu: string | null;
    ngay_ban_hanh: string | null;
    co_quan: string | null;
    nguoi_ky: string | null;
    loai: string | null;
    trich_yeu: string | null;
  };
  assignments: Array<{
    lead: string;
    coordinators: string[];
    task: string;
    deadline: string | null;
    deadline_text: string | null;
    recurrence: string | null;
  }>;
};

export type TExtractOptions = {
  /** The document's date when the caller knows it (the clerk's entry); the text's own date wins. */
  documentDate?: string | null;
};

export function extractDirective(raw: string, options: TExtractOptions = {}): TDirectiveProposal {
  const text = normalizeDocument(raw);
  const metadata = extractMetadata(text);
  const documentDate = metadata.ngayBanHanh ?? options.documentDate ?? null;
  const addressees = parseAddressees(text);
  const found = extractAssignments(text, { documentDate, issuer: metadata.coQuan, place: metadata.diaDanh, addressees });
  const upward = isUpwardDocument(metadata.loai);
  const assignments = upward ? [] : found.filter((a) => !isUpwardLead(a.lead, metadata.coQuan) && !isContingency(a.sourceText));
  // A report or a submission assigns nothing, so none of its sentences is "unread".
  const unread = upward ? [] : unreadSentences(text, found, documentDate, addressees);
  return { text, metadata, assignments, unread };
}

export function toGoldFormat(p: TDirectiveProposal): TGoldDocument {
  const m = p.metadata;
  return {
    metadata: {
      so_ky_hieu: m.soKyHieu,
      ngay_ban_hanh: m.ngayBanHanh,
      co_quan: m.coQuan,
      nguoi_ky: m.nguoiKy,
      loai: m.loai,
      trich_yeu: m.trichYeu,
    },
    assignments: p.assignments.map((a) => ({
      lead: a.lead,
      coordinators: a.coordinators,
      task: a.task,
      deadline: a.deadline,
      deadline_text: a.deadlineText,
      recurrence: a.recurrence,
    })),
  };
}
