import { z } from 'zod';
import type { FundingSource } from '../core/projects/risk';
import { ZDay, ZId, ZInstant, ZIsoDate, ZName, ZVersion, ZYearParam, ZFreeText, ZTextLine } from './common';
import { ZActionType, ZActorRole, ZHolderRole, ZPipelinePhase, ZPipelineStep, ZProjectKind, ZStepAction } from './pipelines';

/**
 * IT projects and activities through their pipeline (/api/projects). Money is integer đồng,
 * sent as JSON numbers (the server refuses anything beyond 2^53 rather than round it).
 */

export const FUNDING_SOURCES = ['public_investment', 'recurrent', 'other'] as const satisfies readonly FundingSource[];
export const ZFundingSource = z.enum(FUNDING_SOURCES);
export const PROJECT_STATUSES = ['active', 'finished', 'closed'] as const;
export const ZProjectStatus = z.enum(PROJECT_STATUSES);
export type TProjectStatus = z.infer<typeof ZProjectStatus>;

// ─── Requests ────────────────────────────────────────────────────────────────

export const ZMoney = z.number().int('Số tiền phải là số nguyên đồng').min(0, 'Số tiền không được âm').max(Number.MAX_SAFE_INTEGER, 'Số tiền quá lớn');
export const ZFiscalYear = z.number().int().min(2000).max(2100);
export const ZLongText = ZFreeText(4000);
export const ZDocNumber = ZTextLine(100);

export const ZProjectListQuery = z.strictObject({
  year: ZYearParam.optional(),
  source: ZFundingSource.optional(),
  /** The unit and everything below it. */
  unitId: ZId.optional(),
  kind: ZProjectKind.optional(),
  status: ZProjectStatus.optional(),
  holderRole: ZActorRole.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
});
/** The list's filters, as a screen keeps them. */
export type TProjectFilter = z.infer<typeof ZProjectListQuery>;

export const ZRiskQuery = z.strictObject({ year: ZYearParam.optional(), atRiskOnly: z.enum(['true', 'false']).optional() });
export const ZBottleneckQuery = z.strictObject({ from: ZIsoDate.optional(), to: ZIsoDate.optional() });
export const ZTaskOptionsQuery = z.strictObject({ q: z.string().trim().max(200).optional() });
export const ZProjectParams = z.strictObject({ id: ZId });

export const ZProjectCreate = z.strictObject({
  unitId: ZId,
  name: ZName,
  description: ZLongText.nullish(),
  kind: ZProjectKind,
  fiscalYear: ZFiscalYear,
  fundingSource: ZFundingSource,
  estimate: ZMoney.positive('Kinh phí dự kiến phải lớn hơn 0'),
  startedOn: ZIsoDate.optional(),
  taskIds: z.array(ZId).max(50).optional(),
});
export type TProjectCreate = z.input<typeof ZProjectCreate>;

export const ZProjectPatch = z.strictObject({
  version: ZVersion,
  name: ZName.optional(),
  description: ZLongText.nullish(),
  fiscalYear: ZFiscalYear.optional(),
  fundingSource: ZFundingSource.optional(),
  estimate: ZMoney.positive('Kinh phí dự kiến phải lớn hơn 0').optional(),
  taskIds: z.array(ZId).max(50).optional(),
});
export type TProjectPatch = z.input<typeof ZProjectPatch>;

export const ZTransition = z.strictObject({
  version: ZVersion,
  type: ZActionType,
  date: ZIsoDate,
  documentNumber: ZDocNumber.nullish(),
  comment: ZLongText.nullish(),
  /** Required to allocate and to disburse, optional for a contract. */
  amount: ZMoney.nullish(),
  /** Closes the disbursement step before the whole allocation is spent. */
  final: z.boolean().optional(),
});
export type TTransition = z.input<typeof ZTransition>;

export const ZClosing = z.strictObject({
  version: ZVersion,
  /** null reopens the year (both amounts must then be 0). */
  closedOn: ZIsoDate.nullable(),
  carriedOver: ZMoney,
  cancelled: ZMoney,
  note: ZLongText.nullish(),
});
export type TClosing = z.input<typeof ZClosing>;

// ─── Responses ───────────────────────────────────────────────────────────────

/** Who must act on the current step: the owner, or the unit holding the role today. */
export const ZHolder = z.object({ role: ZActorRole, unitId: z.string().nullable(), unitName: z.string().nullable() });
export type THolder = z.infer<typeof ZHolder>;

export const ZProjectItem = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  kind: ZProjectKind,
  fiscalYear: z.number().int(),
  fundingSource: ZFundingSource,
  estimate: z.number().int(),
  allocated: z.number().int().nullable(),
  contracted: z.number().int().nullable(),
  disbursed: z.number().int(),
  carriedOver: z.number().int(),
  cancelled: z.number().int(),
  /** Allocation (or plan while unallocated) less disbursements, carry-over and cancellation. */
  remaining: z.number().int(),
  startedOn: ZDay,
  template: z.object({ id: z.string(), code: z.string(), name: z.string(), law: z.string() }),
  stepIndex: z.number().int(),
  stepCount: z.number().int(),
  step: z.object({ code: z.string(), name: z.string(), phase: ZPipelinePhase, actorRole: ZActorRole, action: ZStepAction, limit: z.number().int() }).nullable(),
  holder: ZHolder.nullable(),
  stepStartedOn: ZDay,
  workingDaysInStep: z.number().int().nullable(),
  overdueBy: z.number().int(),
  revisions: z.number().int(),
  status: ZProjectStatus,
  finishedOn: ZDay.nullable(),
  closedOn: ZDay.nullable(),
  closingNote: z.string().nullable(),
  taskIds: z.array(z.string()),
  sample: z.boolean(),
  version: z.number().int(),
});
export type TProjectItem = z.infer<typeof ZProjectItem>;

export const ZProjectList = z.object({
  today: ZDay,
  items: z.array(ZProjectItem),
  totals: z.object({
    count: z.number().int(),
    estimate: z.number().int(),
    allocated: z.number().int(),
    disbursed: z.number().int(),
    carriedOver: z.number().int(),
    cancelled: z.number().int(),
  }),
});
export type TProjectList = z.infer<typeof ZProjectList>;

const ZBasis = z.enum(['limit', 'observed']);

/** One line of the early warning: when the money would be disbursed at the pace observed. */
export const ZRiskRow = z.object({
  projectId: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  fiscalYear: z.number().int(),
  fundingSource: ZFundingSource,
  kind: ZProjectKind,
  amount: z.number().int(),
  legalDeadline: ZDay,
  holder: ZHolder,
  currentStep: z.object({ code: z.string(), name: z.string(), limit: z.number().int(), expectedDays: z.number(), basis: ZBasis }),
  stepStartedOn: ZDay,
  elapsedInCurrentStep: z.number().int(),
  currentStepDue: ZDay,
  remainingSteps: z.array(
    z.object({ code: z.string(), name: z.string(), actorRole: ZActorRole, limit: z.number().int(), observedMedian: z.number().nullable(), expectedDays: z.number(), basis: ZBasis }),
  ),
  remainingWorkingDays: z.number(),
  projectedDisbursement: ZDay,
  atRisk: z.boolean(),
  mustMoveBy: ZDay,
  slackWorkingDays: z.number(),
  revisions: z.number().int(),
  sample: z.boolean(),
});
export type TRiskRow = z.infer<typeof ZRiskRow>;

export const ZRiskList = z.object({
  today: ZDay,
  items: z.array(ZRiskRow),
  totals: z.object({ count: z.number().int(), amount: z.number().int(), atRiskCount: z.number().int(), atRiskAmount: z.number().int() }),
});
export type TRiskList = z.infer<typeof ZRiskList>;

export const ZProjectEvent = z.object({
  seq: z.number().int(),
  action: ZActionType,
  stepCode: z.string(),
  stepName: z.string(),
  fromStep: z.number().int(),
  toStep: z.number().int(),
  actorRole: ZActorRole,
  date: ZDay,
  documentNumber: z.string().nullable(),
  comment: z.string().nullable(),
  amount: z.number().int().nullable(),
  final: z.boolean(),
  actorName: z.string(),
  actorUnitName: z.string().nullable(),
  recordedAt: ZInstant,
});
export type TProjectEvent = z.infer<typeof ZProjectEvent>;

/** A stay of the dossier in one step, counted in working days (src/core/projects/clocks.ts). */
export const ZStepVisit = z.object({
  stepIndex: z.number().int(),
  stepCode: z.string(),
  stepName: z.string(),
  actorRole: ZActorRole,
  enteredOn: ZDay,
  leftOn: ZDay.nullable(),
  outcome: z.enum(['completed', 'returned', 'open']),
  workingDays: z.number().int(),
  limit: z.number().int(),
  overdue: z.boolean(),
  overdueBy: z.number().int(),
});
export type TStepVisit = z.infer<typeof ZStepVisit>;

export const ZAllowedAction = z.object({ type: ZActionType, actorRole: ZActorRole });

export const ZProjectDetail = ZProjectItem.extend({
  today: ZDay,
  templateLaw: z.string(),
  templateNote: z.string().nullable(),
  steps: z.array(ZPipelineStep).readonly(),
  events: z.array(ZProjectEvent),
  visits: z.array(ZStepVisit).readonly(),
  revisionsByStep: z.record(z.string(), z.number().int()),
  /** What this person may do now: the state machine's choices the policy lets them take. */
  allowedActions: z.array(ZAllowedAction).readonly(),
  permissions: z.object({ edit: z.boolean(), close: z.boolean() }),
  tasks: z.array(z.object({ id: z.string(), title: z.string(), leadUnitName: z.string(), deadline: ZDay.nullable() })),
  risk: ZRiskRow.nullable(),
});
export type TProjectDetail = z.infer<typeof ZProjectDetail>;

export const ZDurationStats = z.object({
  key: z.string(),
  label: z.string(),
  count: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  medianDays: z.number(),
  worstDays: z.number(),
  worstProjectId: z.string(),
  worstProjectName: z.string().nullable(),
});
export type TDurationStats = z.infer<typeof ZDurationStats>;

export const ZBottlenecks = z.object({
  today: ZDay,
  from: ZDay.nullable(),
  to: ZDay.nullable(),
  byStep: z.array(ZDurationStats),
  byAppraiser: z.array(ZDurationStats),
  byOwner: z.array(ZDurationStats),
});
export type TBottlenecks = z.infer<typeof ZBottlenecks>;

export const ZTaskOption = z.object({ id: z.string(), title: z.string(), leadUnitName: z.string(), assignedOn: ZDay });
export type TTaskOption = z.infer<typeof ZTaskOption>;
export const ZTaskOptionList = z.array(ZTaskOption);

export { ZHolderRole };
