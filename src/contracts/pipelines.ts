import { z } from 'zod';
import type { ActionType, ActorRole, PipelinePhase, ProjectKind, StepAction } from '../core/projects/pipeline';
import { ZDay, ZId, ZInstant, ZIsoDate, ZName, ZVersion, ZFreeText, ZTextLine } from './common';

/**
 * Pipeline templates (NĐ 73/2019, NĐ 45/2026) and the units holding the appraisal and
 * approval roles over time: rules as data, /api/pipeline-templates and /api/pipeline-role-units.
 */

export const PROJECT_KINDS = ['investment_project', 'recurrent_activity', 'service_rental', 'purchase'] as const satisfies readonly ProjectKind[];
export const ACTOR_ROLES = ['owner', 'technical_appraiser', 'finance_appraiser', 'approver'] as const satisfies readonly ActorRole[];
/** The roles a unit other than the project's owner holds. */
export const HOLDER_ROLES = ['technical_appraiser', 'finance_appraiser', 'approver'] as const satisfies readonly ActorRole[];
export const PIPELINE_PHASES = ['preparation', 'implementation', 'close_out'] as const satisfies readonly PipelinePhase[];
export const STEP_ACTIONS = ['submit', 'appraise', 'approve', 'allocate', 'contract', 'accept', 'disburse'] as const satisfies readonly StepAction[];
export const ACTION_TYPES = ['submit', 'appraise', 'return_for_revision', 'approve', 'allocate', 'contract', 'accept', 'disburse'] as const satisfies readonly ActionType[];

export const ZProjectKind = z.enum(PROJECT_KINDS);
export const ZActorRole = z.enum(ACTOR_ROLES);
export const ZHolderRole = z.enum(HOLDER_ROLES);
export const ZPipelinePhase = z.enum(PIPELINE_PHASES);
export const ZStepAction = z.enum(STEP_ACTIONS);
export const ZActionType = z.enum(ACTION_TYPES);

// ─── Requests ────────────────────────────────────────────────────────────────

const ZLongText = ZFreeText(2000);
const ZAmountBound = z.number().int('Số tiền phải là số nguyên đồng').min(0).max(Number.MAX_SAFE_INTEGER);

export const ZStepCode = z.string().trim().regex(/^[a-z0-9_]{1,60}$/, 'Mã bước chỉ gồm chữ thường không dấu, số và dấu gạch dưới');
export const ZTemplateCode = z.string().trim().regex(/^[A-Z0-9._-]{1,60}$/, 'Mã quy trình chỉ gồm chữ in hoa không dấu, số, dấu chấm, gạch');
export const ZTimeLimit = z.number().int('Thời hạn là số nguyên ngày làm việc').min(1).max(730);

export const ZStepInput = z.strictObject({
  code: ZStepCode,
  name: ZName,
  phase: ZPipelinePhase,
  actorRole: ZActorRole,
  action: ZStepAction,
  requiredDocuments: z.array(ZName).max(30),
  timeLimitWorkingDays: ZTimeLimit,
  returnTo: ZTextLine(60).min(1).optional(),
  basis: ZLongText.optional(),
});
export type TStepInput = z.input<typeof ZStepInput>;

export const ZTemplateCreate = z.strictObject({
  code: ZTemplateCode,
  law: ZName,
  name: ZName,
  kind: ZProjectKind,
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullish(),
  amountMinExclusive: ZAmountBound.nullish(),
  amountMaxInclusive: ZAmountBound.nullish(),
  steps: z.array(ZStepInput).min(1).max(40),
  note: ZLongText.nullish(),
});
export type TTemplateCreate = z.input<typeof ZTemplateCreate>;

export const ZTemplatePatch = z.strictObject({
  version: ZVersion,
  law: ZName.optional(),
  name: ZName.optional(),
  validFrom: ZIsoDate.optional(),
  validTo: ZIsoDate.nullish(),
  amountMinExclusive: ZAmountBound.nullish(),
  amountMaxInclusive: ZAmountBound.nullish(),
  steps: z.array(ZStepInput).min(1).max(40).optional(),
  note: ZLongText.nullish(),
});
export type TTemplatePatch = z.input<typeof ZTemplatePatch>;

export const ZRoleUnitCreate = z.strictObject({
  role: ZHolderRole,
  kinds: z.array(ZProjectKind).max(4).nullish(),
  unitId: ZId,
  validFrom: ZIsoDate,
  validTo: ZIsoDate.nullish(),
  basis: ZLongText.optional(),
});
export type TRoleUnitCreate = z.input<typeof ZRoleUnitCreate>;

export const ZRoleUnitPatch = z.strictObject({
  version: ZVersion,
  kinds: z.array(ZProjectKind).max(4).nullish(),
  unitId: ZId.optional(),
  validFrom: ZIsoDate.optional(),
  validTo: ZIsoDate.nullish(),
  basis: ZLongText.optional(),
});
export type TRoleUnitPatch = z.input<typeof ZRoleUnitPatch>;

export const ZPipelineParams = z.strictObject({ id: ZId });

// ─── Responses ───────────────────────────────────────────────────────────────

export const ZPipelineStep = z.object({
  code: z.string(),
  name: z.string(),
  phase: ZPipelinePhase,
  actorRole: ZActorRole,
  /** The action that completes the step. */
  action: ZStepAction,
  requiredDocuments: z.array(z.string()).readonly(),
  timeLimitWorkingDays: z.number().int(),
  /** The earlier step a return for revision goes back to. */
  returnTo: z.string().optional(),
  /** Where the time limit comes from. */
  basis: z.string().optional(),
});
export type TPipelineStep = z.infer<typeof ZPipelineStep>;

export const ZPipelineTemplate = z.object({
  id: z.string(),
  code: z.string(),
  law: z.string(),
  name: z.string(),
  kind: ZProjectKind,
  validFrom: ZDay,
  validTo: ZDay.nullable(),
  /** Amount range in đồng the template applies to. */
  amountMinExclusive: z.number().int().nullable(),
  amountMaxInclusive: z.number().int().nullable(),
  steps: z.array(ZPipelineStep).readonly(),
  note: z.string().nullable(),
  /** Projects following it: its structure is then fixed. */
  projects: z.number().int(),
  version: z.number().int(),
  updatedAt: ZInstant,
});
export type TPipelineTemplate = z.infer<typeof ZPipelineTemplate>;
export const ZPipelineTemplateList = z.array(ZPipelineTemplate);

export const ZRoleUnit = z.object({
  id: z.string(),
  role: ZHolderRole,
  /** Empty: every kind of project. */
  kinds: z.array(ZProjectKind),
  unitId: z.string(),
  unitName: z.string(),
  validFrom: ZDay,
  validTo: ZDay.nullable(),
  basis: z.string(),
  version: z.number().int(),
});
export type TRoleUnit = z.infer<typeof ZRoleUnit>;
export const ZRoleUnitList = z.array(ZRoleUnit);
