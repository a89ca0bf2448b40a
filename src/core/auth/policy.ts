import type { Role } from './roles';

/**
 * The one authorisation policy. Routes ask `can(actor, action, resource)`; nothing else
 * decides who may do what. Pure: the actor's unit scope (own unit + subtree, as of
 * today) is computed by the server when the session is loaded and passed in.
 */
export interface Actor {
  id: string;
  role: Role;
  unitId: string;
  /** Ids of the actor's unit and every unit below it. */
  scope: ReadonlySet<string>;
}

export interface Resource {
  /** The unit that owns the resource (a task's lead unit, a user's home unit…). */
  unitId?: string;
  /** Units that take part without owning it (a task's coordinating units). */
  participantUnitIds?: readonly string[];
}

export const ACTIONS = [
  'unit.read',
  'unit.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'system.read',
] as const;
export type Action = (typeof ACTIONS)[number];

type Rule = (actor: Actor, resource: Resource) => boolean;

const inScope: Rule = (a, r) => r.unitId !== undefined && a.scope.has(r.unitId);
const anyone: Rule = () => true;
const nobody: Rule = () => false;

// Row = action, column = role. Leadership reads everything; only admin manages users
// and units; everyone reads the organisation (it is public within the city).
const RULES: Record<Action, Record<Role, Rule>> = {
  'unit.read': { admin: anyone, coordinator: anyone, finance: anyone, unit_officer: anyone, unit_leader: anyone, leadership: anyone },
  'unit.manage': { admin: anyone, coordinator: nobody, finance: nobody, unit_officer: nobody, unit_leader: nobody, leadership: nobody },
  'user.read': { admin: anyone, coordinator: anyone, finance: nobody, unit_officer: inScope, unit_leader: inScope, leadership: anyone },
  'user.manage': { admin: anyone, coordinator: nobody, finance: nobody, unit_officer: nobody, unit_leader: nobody, leadership: nobody },
  'audit.read': { admin: anyone, coordinator: nobody, finance: nobody, unit_officer: nobody, unit_leader: nobody, leadership: nobody },
  'system.read': { admin: anyone, coordinator: anyone, finance: anyone, unit_officer: anyone, unit_leader: anyone, leadership: anyone },
};

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  const rule = RULES[action]?.[actor.role];
  return rule ? rule(actor, resource) : false;
}
