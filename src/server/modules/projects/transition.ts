import { can } from '../../../core/auth/policy';
import { formatVnDate } from '../../../core/calendar/dates';
import {
  applyTransition,
  currentStep,
  type ActionType,
  type PipelineAction,
  type PipelineErrorCode,
  type PipelineState,
  type PipelineTemplate,
} from '../../../core/projects/pipeline';
import type { Queryable } from '../../../db/client';
import { ACTION_VERB_VI } from '../../../core/projects/pipeline-labels';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps, SessionActor } from '../../context';
import { AppError, forbidden, notFound, staleVersion } from '../../errors';
import { notify } from '../notifications/service';
import { canRead, stepPermission } from './access';
import { dong, money } from './model';
import { insertEvent, projectRowById, selectEvents, storeProjectState } from './queries';
import { loadRules } from './rules';
import { holderOf, load } from './state';

export interface TransitionInput {
  version: number;
  type: ActionType;
  date: string;
  documentNumber?: string | null;
  comment?: string | null;
  /** Integer đồng: required to allocate and to disburse, optional for a contract. */
  amount?: number | null;
  /** Closes the disbursement step before the whole allocation is spent. */
  final?: boolean;
}

/** Refusals of the state machine that concern one field of the form, not the order of steps. */
const FIELD_OF: Partial<Record<PipelineErrorCode, string>> = {
  invalid_date: 'date',
  date_out_of_order: 'date',
  missing_comment: 'comment',
  invalid_amount: 'amount',
  over_disbursement: 'amount',
};

function toAction(input: TransitionInput): PipelineAction {
  const base = {
    ...(input.documentNumber ? { documentNumber: input.documentNumber } : {}),
    ...(input.comment ? { comment: input.comment } : {}),
  };
  const amount = input.amount === null || input.amount === undefined ? null : dong(input.amount);
  const needAmount = (): bigint => {
    if (amount === null) throw new AppError('VALIDATION', `Cần nhập số tiền để ${ACTION_VERB_VI[input.type]}.`, 'amount');
    return amount;
  };
  switch (input.type) {
    case 'return_for_revision':
      return { ...base, type: 'return_for_revision', comment: input.comment ?? '' };
    case 'allocate':
      return { ...base, type: 'allocate', amount: needAmount() };
    case 'contract':
      return { ...base, type: 'contract', ...(amount !== null ? { amount } : {}) };
    case 'disburse':
      return { ...base, type: 'disburse', amount: needAmount(), ...(input.final ? { final: true } : {}) };
    default:
      return { ...base, type: input.type };
  }
}

export interface Who {
  id: string | null;
  name: string;
}

export interface Target {
  id: string;
  template: PipelineTemplate;
  state: PipelineState;
  /** Sequence number the new event takes (events so far + 1). */
  seq: number;
}

/**
 * Core decides whether the action is legal here; the event and the project's denormalised
 * columns are then written together. The caller has locked the row and checked who acts.
 */
export async function storeTransition(tx: Queryable, t: Target, input: TransitionInput, who: Who, holderUnitId: string | null) {
  const step = currentStep(t.template, t.state);
  const result = applyTransition(t.template, t.state, toAction(input), step?.actorRole ?? 'owner', input.date);
  if (!result.ok) {
    const field = FIELD_OF[result.error.code];
    throw new AppError(field ? 'VALIDATION' : 'ILLEGAL_TRANSITION', result.error.message, field);
  }
  const next = result.state;
  const record = next.history[next.history.length - 1]!;
  await insertEvent(tx, {
    project_id: t.id,
    seq: t.seq,
    action: record.action,
    step_code: record.stepCode,
    from_step: record.fromStep,
    to_step: record.toStep,
    actor_role: record.actorRole,
    date: record.date,
    document_number: input.documentNumber || null,
    comment: input.comment || null,
    amount: input.amount ?? null,
    final: input.final ?? false,
    actor_id: who.id,
    actor_name: who.name,
    actor_unit_id: holderUnitId,
  });
  const nextStep = t.template.steps[next.stepIndex] ?? null;
  await storeProjectState(tx, t.id, {
    step_index: next.stepIndex,
    step_code: nextStep?.code ?? null,
    step_started_on: next.stepStartedOn,
    revisions: next.revisions,
    allocated: next.allocated === null ? null : money(next.allocated),
    contracted: next.contracted === null ? null : money(next.contracted),
    disbursed: money(next.disbursed),
    finished_on: nextStep === null ? input.date : null,
  });
  return { state: next, record, seq: t.seq, nextStep };
}

/**
 * One step of a project: the policy decides who may act on the current step, core decides
 * whether the action is legal there, and the version decides which of two simultaneous
 * clicks wins (the other gets 409).
 */
export async function transitionProject(deps: Deps, ctx: AuditContext, actor: SessionActor, id: string, input: TransitionInput, today: string) {
  return deps.db.transaction(async (tx) => {
    const row = await projectRowById(tx, id, true);
    if (!row) throw notFound('dự án');
    const rules = await loadRules(tx);
    const events = await selectEvents(tx, [id]);
    const p = load(rules, row, events, today);
    if (!canRead(actor, p)) throw forbidden();
    // Stale first: whoever clicked on an old copy must reload, whatever the step has become since.
    if (row.version !== input.version) throw staleVersion();
    const perm = stepPermission(p);
    if (perm && !can(actor, perm.action, perm.resource)) throw forbidden();
    if (p.status === 'closed') {
      throw new AppError(
        'ILLEGAL_TRANSITION',
        `Không thể ${ACTION_VERB_VI[input.type]}: năm ngân sách ${row.fiscal_year} của hồ sơ đã khoá sổ ngày ${formatVnDate(row.closed_on!)}. Phần kinh phí chuyển nguồn cần lập hồ sơ cho năm sau.`,
      );
    }
    if (input.date > today) throw new AppError('VALIDATION', 'Ngày thực hiện không được sau ngày hôm nay', 'date');
    const { record, seq, nextStep } = await storeTransition(tx, { id, template: p.template, state: p.state, seq: events.length + 1 }, input, { id: actor.id, name: actor.fullName || actor.username }, p.holder?.unitId ?? null);
    const finished = nextStep === null;
    await recordAudit(tx, ctx, {
      action: 'transition',
      entity: 'project',
      entityId: id,
      before: { stepCode: row.step_code, version: row.version },
      after: { action: record.action, stepCode: nextStep?.code ?? null, date: record.date, documentNumber: input.documentNumber ?? null, amount: input.amount ?? null, comment: input.comment ?? null },
    });
    if (!finished && record.toStep !== record.fromStep) {
      const holder = holderOf(rules, row, nextStep, today);
      if (holder?.unitId) {
        const returned = record.action === 'return_for_revision';
        await notify(tx, {
          unitId: holder.unitId,
          kind: returned ? 'project_returned' : 'project_step',
          title: returned ? `Hồ sơ bị trả lại: ${row.name}` : `Hồ sơ chờ xử lý: ${row.name}`,
          body: returned
            ? `Hồ sơ «${row.name}» được trả lại để chỉnh sửa ngày ${formatVnDate(record.date)}: ${input.comment ?? ''}`
            : `Hồ sơ «${row.name}» (${row.unit_name}) chuyển sang bước «${nextStep.name}» ngày ${formatVnDate(record.date)}; thời hạn ${nextStep.timeLimitWorkingDays} ngày làm việc.`,
          link: `/projects?project=${id}`,
          dedupeKey: `project:${id}:${seq}`,
        });
      }
    }
    return { id, seq };
  });
}
