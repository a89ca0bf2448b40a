/** The shapes the assignment readers share (kept apart so that the readers do not import each other). */
import type { TLead } from './leads';
import type { TRecurrence } from './recurrence';
import type { TSpan } from './sentences';
import type { TGroupKey } from './units';

/** How a lead was read: the clerk is told, and the confidence follows from it. */
export type TVia =
  | 'giao'
  | 'request'
  | 'chi_dao'
  | 'responsible'
  | 'owner_label'
  | 'subject'
  | 'passive'
  | 'for_unit'
  | 'topic'
  | 'heading'
  | 'list'
  | 'table'
  | 'addressee';

export type TConfidence = 'high' | 'medium' | 'low';

export type TAssignment = {
  lead: string;
  leadKind: 'unit' | 'group';
  /** For a group lead, the key the server expands to member units. */
  groupKey: TGroupKey | null;
  coordinators: string[];
  task: string;
  deadline: string | null;
  /** The deadline as written, or the frequency when the task recurs. */
  deadlineText: string | null;
  recurrence: TRecurrence | null;
  /** Offsets of the source sentence(s) in the normalised text. */
  sourceStart: number;
  sourceEnd: number;
  sourceText: string;
  via: TVia;
  confidence: TConfidence;
  /** Why the reader proposes this, in Vietnamese, for the clerk who confirms it. */
  why: string;
};

export type TPiece = TSpan & { clauseStart: number };
export type TDraft = {
  lead: TLead;
  taskStart: number;
  /** Where the task is written when it is not after the lead ("… Cơ quan chủ trì: X"). */
  taskSpan: TSpan | null;
  pieces: TPiece[];
  headingId: string | null;
  outsideImplementation: boolean;
  introOnly: boolean;
  via: TVia;
  /** Bodies named by the lead's chain: a closing list names many, a single assignee one. */
  mentions: number;
};
