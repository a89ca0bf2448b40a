import type { FastifyRequest } from 'fastify';
import { can, type Action } from '../../../core/auth/policy';
import { authorize, readReach, requireActor, type SessionActor } from '../../context';
import { forbidden } from '../../errors';
import type { TTask } from '../../../contracts/tasks';

/**
 * First gate, before the task is loaded: can this role do `action` on anything at all
 * (its own unit stands in for the resource)? A finance officer is refused here with 403
 * whether the task exists or not; a unit officer goes on to the check on the real task.
 */
export function gate(req: FastifyRequest, action: Action): SessionActor {
  const actor = requireActor(req);
  if (!can(actor, action, { unitId: actor.unitId })) throw forbidden();
  return actor;
}

/** The check on the task itself: its lead unit owns it, its coordinating units take part. */
export function authorizeTask(req: FastifyRequest, action: Action, task: Pick<TTask, 'leadUnit' | 'coordinators'>): SessionActor {
  return authorize(req, action, { unitId: task.leadUnit.id, participantUnitIds: task.coordinators.map((c) => c.id) });
}

/** Null when the actor reads every task (national); otherwise the units whose tasks they may read (their province, or their scope). */
export function readScope(actor: SessionActor): string[] | null {
  const reach = readReach(actor, 'task.read');
  return reach ? [...reach] : null;
}
