import { countWorkingDays } from '../../../core/calendar/working-days';
import {
  currentStep,
  replayTransitions,
  type PipelineState,
  type PipelineStep,
  type PipelineTemplate,
  type TransitionRecord,
} from '../../../core/projects/pipeline';
import { resolveRoleUnit } from '../../../core/projects/role-units';
import type { THolder, TProjectStatus } from '../../../contracts/projects';
import { eventAction, statusOf } from './model';
import type { EventRow, ProjectRow } from './queries';
import { templateOf, type Rules } from './rules';

/** A project with its template, its replayed state and who holds it today. */
export interface Loaded {
  row: ProjectRow;
  templateId: string;
  template: PipelineTemplate;
  events: EventRow[];
  state: PipelineState;
  status: TProjectStatus;
  step: PipelineStep | null;
  holder: Holder | null;
  /** The day the clocks stop: today, or the day the budget year was closed. */
  clockEnd: string;
}

export type Holder = THolder;

/** The state is never stored on its own: it is the replay of the events through core. */
export function replay(template: PipelineTemplate, row: ProjectRow, events: readonly EventRow[]): PipelineState {
  const result = replayTransitions(
    template,
    row.started_on,
    events.map((e) => ({ action: eventAction(e), actorRole: e.actor_role, date: e.date })),
  );
  if (!result.ok) throw new Error(`Lịch sử hồ sơ ${row.id} không khớp quy trình: ${result.error.message}`);
  return result.state;
}

/** The unit that must act on the current step today (the owner, or the role's holder on that date). */
export function holderOf(rules: Rules, row: ProjectRow, step: PipelineStep | null, today: string): Holder | null {
  if (!step) return null;
  if (step.actorRole === 'owner') return { role: 'owner', unitId: row.unit_id, unitName: row.unit_name };
  const a = resolveRoleUnit(rules.roleUnits, step.actorRole, today, row.kind);
  return { role: step.actorRole, unitId: a?.unitCode ?? null, unitName: a?.unitName ?? null };
}

export function load(rules: Rules, row: ProjectRow, events: readonly EventRow[], today: string): Loaded {
  const { template } = templateOf(rules, row.template_id);
  const state = replay(template, row, events);
  const status = statusOf(row);
  const step = status === 'active' ? currentStep(template, state) : null;
  return {
    row,
    templateId: row.template_id,
    template,
    events: [...events],
    state,
    status,
    step,
    holder: holderOf(rules, row, step, today),
    clockEnd: row.closed_on && row.closed_on < today ? row.closed_on : today,
  };
}

export function workingDaysInStep(rules: Rules, p: Loaded): number {
  return countWorkingDays(p.state.stepStartedOn, p.clockEnd, rules.holidays);
}

/**
 * A closed budget year ends the record: the step it was stuck in stops counting at closing
 * (core's clocks run an open step to "today"), so a 2022 dossier does not look stuck for years.
 */
export function stateForClocks(p: Loaded): PipelineState {
  if (p.status !== 'closed') return p.state;
  const step = currentStep(p.template, p.state);
  if (!step || !p.row.closed_on) return p.state;
  const closing: TransitionRecord = {
    action: step.action,
    stepCode: step.code,
    fromStep: p.state.stepIndex,
    toStep: p.template.steps.length,
    actorRole: step.actorRole,
    date: p.row.closed_on < p.state.stepStartedOn ? p.state.stepStartedOn : p.row.closed_on,
  };
  return { ...p.state, history: [...p.state.history, closing] };
}

/** Units that took part (held a step): they may read the project too (policy `takesPart`). */
export function participantUnits(p: Loaded): string[] {
  const ids = new Set<string>();
  for (const e of p.events) if (e.actor_unit_id) ids.add(e.actor_unit_id);
  if (p.holder?.unitId) ids.add(p.holder.unitId);
  ids.delete(p.row.unit_id);
  return [...ids];
}
