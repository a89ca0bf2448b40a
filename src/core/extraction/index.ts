export { extractDirective, toGoldFormat, type TDirectiveProposal, type TGoldDocument } from './extract';
export { extractAssignments, type TAssignment, type TAssignmentContext } from './assignments';
export { documentTypeFromSymbol, extractMetadata, type TDocumentMetadata } from './metadata';
export {
  DEADLINE_FORMS,
  YEARLESS_FORMS,
  findDeadlines,
  formatDeadline,
  parseDeadline,
  type TDeadline,
  type TDeadlineForm,
  type TDeadlineMatch,
} from './deadline';
export { detectRecurrence, findRecurrences, findTaskRecurrence, type TRecurrence, type TRecurrenceMatch } from './recurrence';
export { normalizeDocument, splitBlocks, splitSentences, type TBlock, type TSpan } from './sentences';
export {
  canonicalUnitName,
  expandGroup,
  findUnitMentions,
  matchUnit,
  readUnitChain,
  unitNameSimilarity,
  type TGroupKey,
  type TRegistryUnit,
  type TUnitMention,
} from './units';
export { leadsMatch, scoreDocument, totalScores, type TDocumentScore, type TTotals } from './evaluate';
export { unreadSentences, type TUnreadSentence } from './unread';
export type { TConfidence, TVia } from './assignment-types';
