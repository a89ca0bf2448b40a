import { can, type Action, type Actor, type Resource } from '../../../core/auth/policy';
import { allowedActions, type AllowedAction } from '../../../core/projects/pipeline';
import { participantUnits, type Loaded } from './state';

/** The owner unit, and every unit that held one of its steps (appraisers read what they appraise). */
export function readResource(p: Loaded): Resource {
  return { unitId: p.row.unit_id, participantUnitIds: participantUnits(p) };
}

export function canRead(actor: Actor, p: Loaded): boolean {
  return can(actor, 'project.read', readResource(p));
}

/**
 * Who may act on the current step, as a policy question:
 * - the owner's steps (prepare, revise, contract, accept, disburse): `project.manage` on the owning unit;
 * - an appraiser's step (technical, cost, allocation): `project.appraise` on the unit that holds
 *   the role today, so Sở Tài chính cannot appraise technically and the reverse;
 * - the People's Committee's decision: `project.manage` on the committee, i.e. recorded by the
 *   coordinator (the đầu mối that submits it) or by someone of the committee itself.
 */
export function stepPermission(p: Loaded): { action: Action; resource: Resource } | null {
  if (!p.step || !p.holder) return null;
  if (p.holder.role === 'owner') return { action: 'project.manage', resource: { unitId: p.row.unit_id } };
  const resource: Resource = p.holder.unitId ? { unitId: p.holder.unitId } : {};
  if (p.holder.role === 'approver') return { action: 'project.manage', resource };
  return { action: 'project.appraise', resource };
}

export function canActOnStep(actor: Actor, p: Loaded): boolean {
  const perm = stepPermission(p);
  return perm !== null && can(actor, perm.action, perm.resource);
}

/** The actions this person may take now: what the state machine allows, if the policy lets them act. */
export function allowedFor(actor: Actor, p: Loaded): AllowedAction[] {
  if (p.status !== 'active' || !canActOnStep(actor, p)) return [];
  return allowedActions(p.template, p.state);
}
