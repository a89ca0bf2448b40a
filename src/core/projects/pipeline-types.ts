import type { Dong } from './money';

/**
 * Pipeline templates are data (rows an administrator edits, valid from a date); the state
 * machine in `pipeline.ts` only interprets them. Everything here is JSON-serialisable except
 * the bigint money in the state, which the server stores as numeric.
 */

export type ActorRole = 'owner' | 'technical_appraiser' | 'finance_appraiser' | 'approver';

export const ACTOR_ROLES: readonly ActorRole[] = ['owner', 'technical_appraiser', 'finance_appraiser', 'approver'];

export type ActionType =
  | 'submit'
  | 'appraise'
  | 'return_for_revision'
  | 'approve'
  | 'allocate'
  | 'contract'
  | 'accept'
  | 'disburse';

/** Actions that complete a step (return_for_revision sends a step back instead). */
export type StepAction = Exclude<ActionType, 'return_for_revision'>;

/**
 * One vocabulary across laws so a project keeps its kind when the law changes:
 * NĐ 73 "dự án đầu tư" and NĐ 45 "dự án đầu tư hệ thống" are both `investment_project`;
 * `purchase` ("dự án mua sắm") exists from NĐ 45/2026.
 */
export type ProjectKind = 'investment_project' | 'recurrent_activity' | 'service_rental' | 'purchase';

/** Investment phases (NĐ 73/2019 and NĐ 45/2026 Điều 8): chuẩn bị, thực hiện, kết thúc đầu tư. */
export type PipelinePhase = 'preparation' | 'implementation' | 'close_out';

export interface PipelineStep {
  readonly code: string;
  readonly name: string;
  readonly phase: PipelinePhase;
  readonly actorRole: ActorRole;
  /** The action that completes this step. */
  readonly action: StepAction;
  readonly requiredDocuments: readonly string[];
  readonly timeLimitWorkingDays: number;
  /** When set, the actor may return the dossier to this (earlier) step for revision. */
  readonly returnTo?: string;
  /** Where the time limit comes from, or that it is a plausible default. */
  readonly basis?: string;
}

export interface PipelineTemplate {
  readonly code: string;
  readonly law: string;
  readonly name: string;
  readonly kind: ProjectKind;
  readonly validFrom: string;
  /** Inclusive; null while in force. */
  readonly validTo: string | null;
  /** Amount range in đồng the template applies to (number: these bounds are far below 2^53). */
  readonly amountRange?: { readonly minExclusive: number | null; readonly maxInclusive: number | null };
  readonly steps: readonly PipelineStep[];
  readonly note?: string;
}

interface ActionBase {
  readonly documentNumber?: string;
  readonly comment?: string;
}

export type PipelineAction =
  | (ActionBase & { readonly type: 'submit' })
  | (ActionBase & { readonly type: 'appraise' })
  | (ActionBase & { readonly type: 'return_for_revision'; readonly comment: string })
  | (ActionBase & { readonly type: 'approve' })
  | (ActionBase & { readonly type: 'allocate'; readonly amount: Dong })
  | (ActionBase & { readonly type: 'contract'; readonly amount?: Dong })
  | (ActionBase & { readonly type: 'accept' })
  /** `final` closes the disbursement step before the whole allocation is spent (the rest lapses). */
  | (ActionBase & { readonly type: 'disburse'; readonly amount: Dong; readonly final?: boolean });

export interface TransitionRecord {
  readonly action: ActionType;
  readonly stepCode: string;
  readonly fromStep: number;
  /** Equal to fromStep for a partial disbursement; steps.length when the pipeline is finished. */
  readonly toStep: number;
  readonly actorRole: ActorRole;
  readonly date: string;
  readonly documentNumber?: string;
  readonly comment?: string;
  readonly amount?: Dong;
}

export interface PipelineState {
  readonly templateCode: string;
  readonly startedOn: string;
  /** Index into template.steps; equals steps.length once finished. */
  readonly stepIndex: number;
  readonly stepStartedOn: string;
  readonly revisions: number;
  readonly revisionsByStep: Readonly<Record<string, number>>;
  readonly allocated: Dong | null;
  readonly contracted: Dong | null;
  readonly disbursed: Dong;
  readonly disbursements: ReadonlyArray<{ readonly date: string; readonly amount: Dong }>;
  readonly history: readonly TransitionRecord[];
}

export type PipelineErrorCode =
  | 'template_mismatch'
  | 'invalid_date'
  | 'date_out_of_order'
  | 'already_finished'
  | 'illegal_action'
  | 'wrong_role'
  | 'missing_comment'
  | 'invalid_amount'
  | 'over_disbursement';

export interface PipelineError {
  readonly code: PipelineErrorCode;
  /** Vietnamese, for the person who tried. */
  readonly message: string;
}

export type TransitionResult =
  | { readonly ok: true; readonly state: PipelineState }
  | { readonly ok: false; readonly error: PipelineError };

export interface AllowedAction {
  readonly type: ActionType;
  readonly actorRole: ActorRole;
}
