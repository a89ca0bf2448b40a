import { assertIsoDate, compareIsoDates, formatVnDate, isIsoDate } from '../calendar/dates';
import { formatMoneyVi } from './money';
import { ACTION_VERB_VI, ACTOR_ROLE_LABEL_VI, PENDING_VI } from './pipeline-labels';
import type {
  ActionType,
  ActorRole,
  AllowedAction,
  PipelineAction,
  PipelineErrorCode,
  PipelineState,
  PipelineStep,
  PipelineTemplate,
  ProjectKind,
  TransitionRecord,
  TransitionResult,
} from './pipeline-types';

export type * from './pipeline-types';

/**
 * The pure state machine of an IT project: which action is allowed at which step, by whom,
 * and what the state becomes. Refusals are values, not exceptions, so the HTTP layer can
 * answer 422 with the Vietnamese message as is.
 */

export function initialState(template: PipelineTemplate, startedOn: string): PipelineState {
  assertIsoDate(startedOn);
  return {
    templateCode: template.code,
    startedOn,
    stepIndex: 0,
    stepStartedOn: startedOn,
    revisions: 0,
    revisionsByStep: {},
    allocated: null,
    contracted: null,
    disbursed: 0n,
    disbursements: [],
    history: [],
  };
}

export function currentStep(template: PipelineTemplate, state: PipelineState): PipelineStep | null {
  return template.steps[state.stepIndex] ?? null;
}

export function isFinished(template: PipelineTemplate, state: PipelineState): boolean {
  return state.stepIndex >= template.steps.length;
}

export function allowedActions(template: PipelineTemplate, state: PipelineState): AllowedAction[] {
  const step = currentStep(template, state);
  if (!step) return [];
  const out: AllowedAction[] = [{ type: step.action, actorRole: step.actorRole }];
  if (step.returnTo !== undefined) out.push({ type: 'return_for_revision', actorRole: step.actorRole });
  return out;
}

function fail(code: PipelineErrorCode, message: string): TransitionResult {
  return { ok: false, error: { code, message } };
}

function illegalActionMessage(template: PipelineTemplate, state: PipelineState, step: PipelineStep, type: ActionType): string {
  const verb = ACTION_VERB_VI[type];
  if (type === 'return_for_revision') return `Không thể ${verb} ở bước «${step.name}».`;
  const later = template.steps.some((s, i) => i > state.stepIndex && s.action === type);
  if (later) return `Không thể ${verb} khi ${PENDING_VI[step.action]} (đang ở bước «${step.name}»).`;
  const earlier = template.steps.some((s, i) => i < state.stepIndex && s.action === type);
  if (earlier) return `Không thể ${verb}: hồ sơ đã qua bước này, đang ở bước «${step.name}».`;
  return `Không thể ${verb}: quy trình «${template.name}» không có bước này.`;
}

function lastEventDate(state: PipelineState): string {
  return state.history[state.history.length - 1]?.date ?? state.startedOn;
}

export function applyTransition(
  template: PipelineTemplate,
  state: PipelineState,
  action: PipelineAction,
  actorRole: ActorRole,
  date: string,
): TransitionResult {
  if (state.templateCode !== template.code) {
    return fail('template_mismatch', `Hồ sơ theo quy trình «${state.templateCode}», không phải «${template.code}».`);
  }
  if (!isIsoDate(date)) return fail('invalid_date', `Ngày thực hiện không hợp lệ: "${String(date)}".`);
  const previous = lastEventDate(state);
  if (compareIsoDates(date, previous) < 0) {
    return fail(
      'date_out_of_order',
      `Ngày thực hiện (${formatVnDate(date)}) không được trước ngày của bước trước (${formatVnDate(previous)}).`,
    );
  }
  const step = currentStep(template, state);
  const verb = ACTION_VERB_VI[action.type];
  if (!step) return fail('already_finished', `Không thể ${verb}: hồ sơ đã hoàn thành quy trình.`);
  const returning = action.type === 'return_for_revision';
  if ((returning && step.returnTo === undefined) || (!returning && action.type !== step.action)) {
    return fail('illegal_action', illegalActionMessage(template, state, step, action.type));
  }
  if (actorRole !== step.actorRole) {
    return fail(
      'wrong_role',
      `Bước «${step.name}» do ${ACTOR_ROLE_LABEL_VI[step.actorRole]} thực hiện, không phải ${ACTOR_ROLE_LABEL_VI[actorRole]}.`,
    );
  }
  const record = {
    action: action.type,
    stepCode: step.code,
    fromStep: state.stepIndex,
    actorRole,
    date,
    ...(action.documentNumber !== undefined ? { documentNumber: action.documentNumber } : {}),
    ...(action.comment !== undefined ? { comment: action.comment } : {}),
  };
  const advance = (patch: Partial<PipelineState>, amount?: bigint): TransitionResult => {
    const toStep = patch.stepIndex ?? state.stepIndex + 1;
    const entry: TransitionRecord = { ...record, toStep, ...(amount !== undefined ? { amount } : {}) };
    const moved = toStep !== state.stepIndex;
    return {
      ok: true,
      state: {
        ...state,
        ...patch,
        stepIndex: toStep,
        stepStartedOn: moved ? date : state.stepStartedOn,
        history: [...state.history, entry],
      },
    };
  };

  switch (action.type) {
    case 'return_for_revision': {
      if (action.comment.trim() === '') {
        return fail('missing_comment', 'Trả lại hồ sơ phải nêu rõ lý do và nội dung cần chỉnh sửa.');
      }
      const target = template.steps.findIndex((s) => s.code === step.returnTo);
      return advance({
        stepIndex: target < 0 ? 0 : target,
        revisions: state.revisions + 1,
        revisionsByStep: { ...state.revisionsByStep, [step.code]: (state.revisionsByStep[step.code] ?? 0) + 1 },
      });
    }
    case 'allocate':
      if (action.amount <= 0n) return fail('invalid_amount', 'Số kinh phí phân bổ phải lớn hơn 0 đồng.');
      return advance({ allocated: action.amount }, action.amount);
    case 'contract':
      if (action.amount !== undefined && action.amount <= 0n) {
        return fail('invalid_amount', 'Giá trị hợp đồng phải lớn hơn 0 đồng.');
      }
      return advance({ contracted: action.amount ?? null }, action.amount);
    case 'disburse': {
      if (action.amount <= 0n) return fail('invalid_amount', 'Số tiền giải ngân phải lớn hơn 0 đồng.');
      const total = state.disbursed + action.amount;
      if (state.allocated !== null && total > state.allocated) {
        return fail(
          'over_disbursement',
          `Số giải ngân lũy kế (${total.toString()} đồng) vượt số kinh phí đã phân bổ (${state.allocated.toString()} đồng).`,
        );
      }
      const done = action.final === true || (state.allocated !== null && total === state.allocated);
      return advance(
        {
          stepIndex: done ? state.stepIndex + 1 : state.stepIndex,
          disbursed: total,
          disbursements: [...state.disbursements, { date, amount: action.amount }],
        },
        action.amount,
      );
    }
    default:
      return advance({});
  }
}

/** Rebuilds a state from stored events; the first refusal is returned as is (corrupt history). */
export function replayTransitions(
  template: PipelineTemplate,
  startedOn: string,
  events: ReadonlyArray<{ readonly action: PipelineAction; readonly actorRole: ActorRole; readonly date: string }>,
): TransitionResult {
  let state = initialState(template, startedOn);
  for (const e of events) {
    const result = applyTransition(template, state, e.action, e.actorRole, e.date);
    if (!result.ok) return result;
    state = result.state;
  }
  return { ok: true, state };
}

/** The template in force on `date` for this kind (latest validFrom wins); null when none. */
export function templateInForce(
  templates: readonly PipelineTemplate[],
  kind: ProjectKind,
  date: string,
): PipelineTemplate | null {
  let best: PipelineTemplate | null = null;
  for (const t of templates) {
    if (t.kind !== kind) continue;
    if (compareIsoDates(t.validFrom, date) > 0) continue;
    if (t.validTo !== null && compareIsoDates(date, t.validTo) > 0) continue;
    if (!best || compareIsoDates(t.validFrom, best.validFrom) > 0 || (t.validFrom === best.validFrom && t.code < best.code)) {
      best = t;
    }
  }
  return best;
}

/** Problems that would make a template unusable, in Vietnamese; empty when it is sound. */
export function validateTemplate(template: PipelineTemplate): string[] {
  const problems: string[] = [];
  const codes = template.steps.map((s) => s.code);
  if (template.steps.length === 0) problems.push('Quy trình phải có ít nhất một bước.');
  if (!isIsoDate(template.validFrom)) problems.push(`Ngày hiệu lực không hợp lệ: "${template.validFrom}".`);
  if (template.validTo !== null && (!isIsoDate(template.validTo) || compareIsoDates(template.validTo, template.validFrom) < 0)) {
    problems.push(`Ngày hết hiệu lực không hợp lệ: "${template.validTo}".`);
  }
  template.steps.forEach((s, i) => {
    if (codes.indexOf(s.code) !== i) problems.push(`Mã bước bị trùng: "${s.code}".`);
    if (!Number.isInteger(s.timeLimitWorkingDays) || s.timeLimitWorkingDays < 1) {
      problems.push(`Bước «${s.name}»: thời hạn phải là số nguyên ngày làm việc, lớn hơn 0.`);
    }
    if (s.returnTo !== undefined) {
      const target = codes.indexOf(s.returnTo);
      if (target < 0 || target >= i) problems.push(`Bước «${s.name}»: chỉ được trả lại về một bước đứng trước.`);
    }
  });
  if (!template.steps.some((s) => s.action === 'disburse')) problems.push('Quy trình phải có bước giải ngân.');
  return problems;
}

/** Why an amount does not fit the template (Vietnamese), or null when it fits. */
export function amountOutOfRange(template: PipelineTemplate, amount: bigint): string | null {
  const range = template.amountRange;
  if (!range) return null;
  if (range.minExclusive !== null && amount <= BigInt(range.minExclusive)) {
    return `Quy trình «${template.name}» áp dụng cho kinh phí trên ${formatMoneyVi(BigInt(range.minExclusive))}.`;
  }
  if (range.maxInclusive !== null && amount > BigInt(range.maxInclusive)) {
    const max = formatMoneyVi(BigInt(range.maxInclusive));
    return `Quy trình «${template.name}» áp dụng cho kinh phí đến ${max}; vượt mức này phải lập dự án đầu tư.`;
  }
  return null;
}
