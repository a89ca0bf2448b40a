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
  /**
   * Ids of every unit of the actor's province: what the province-wide roles read and manage.
   * null (the national role) or absent (a screen deciding what to show): not bound to one province.
   */
  province?: ReadonlySet<string> | null;
}

export interface Resource {
  /** The unit that owns the resource (a task's lead unit, a user's home unit…). */
  unitId?: string;
  /** Units that take part without owning it (a task's coordinating units). */
  participantUnitIds?: readonly string[];
}

export const ACTIONS = [
  'system.read',
  'unit.read',
  'unit.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'calendar.manage',
  'backup.manage',
  'embed.manage',
  'delivery.manage',
  // Directives and tasks
  'document.read',
  'document.manage',
  'task.read',
  'task.manage',
  'task.update',
  'task.progress',
  // Indicators, targets, periodic reports
  'indicator.read',
  'indicator.manage',
  'indicator.enter',
  'report.read',
  'report.submit',
  'report.approve',
  // IT projects and budget
  'project.read',
  'project.manage',
  'project.appraise',
  'budget.read',
  'budget.manage',
  'pipeline.manage',
  // IOC and evaluation
  'dashboard.read',
  'evaluation.read',
  'evaluation.manage',
  // Every province side by side
  'national.read',
] as const;
export type Action = (typeof ACTIONS)[number];

type Rule = (actor: Actor, resource: Resource) => boolean;

const inScope: Rule = (a, r) => r.unitId !== undefined && a.scope.has(r.unitId);
/** Owner in scope, or one of the participating (coordinating) units in scope. */
const takesPart: Rule = (a, r) => inScope(a, r) || (r.participantUnitIds ?? []).some((u) => a.scope.has(u));
/**
 * Province-wide: anything of the actor's province (one deployment holds many provinces, each a
 * tenant). A request that names no unit is the route's own business (its lists are filtered by
 * the province); the national role is bound to none.
 */
const anyone: Rule = (a, r) => r.unitId === undefined || a.province === undefined || a.province === null || a.province.has(r.unitId);
const nobody: Rule = () => false;

const everyone = (rule: Rule = anyone): Record<Role, Rule> => ({ admin: rule, coordinator: rule, finance: rule, unit_officer: rule, unit_leader: rule, leadership: rule, national: rule });
const only = (roles: Partial<Record<Role, Rule>>): Record<Role, Rule> => ({ ...everyone(nobody), ...roles });
/** Read rights: the city-wide roles read everything, unit roles read what they take part in. */
const cityReadsUnitsTakePart = only({ admin: anyone, coordinator: anyone, finance: anyone, leadership: anyone, national: anyone, unit_officer: takesPart, unit_leader: takesPart });

// Row = action, column = role. Every role but `national` acts within its own province (see
// `anyone`); national reads every province and changes nothing. Leadership reads everything and changes nothing; only
// admin manages users and units; the coordinator (Sở TT&TT, now Sở KH&CN) runs the
// programme; units act on their own unit and its subtree.
const RULES: Record<Action, Record<Role, Rule>> = {
  'system.read': everyone(),
  'unit.read': everyone(),
  'unit.manage': only({ admin: anyone }),
  'user.read': only({ admin: anyone, coordinator: anyone, leadership: anyone, unit_officer: inScope, unit_leader: inScope }),
  'user.manage': only({ admin: anyone }),
  'audit.read': only({ admin: anyone }),
  'calendar.manage': only({ admin: anyone }),
  // A backup holds every row, password hashes included: only the administrator sees or makes one.
  'backup.manage': only({ admin: anyone }),
  // Links that show a panel outside the system, and e-mails sent on a schedule: the administrator's.
  'embed.manage': only({ admin: anyone }),
  'delivery.manage': only({ admin: anyone }),

  'document.read': everyone(),
  'document.manage': only({ admin: anyone, coordinator: anyone }),
  'task.read': cityReadsUnitsTakePart,
  'task.manage': only({ admin: anyone, coordinator: anyone }),
  'task.update': only({ admin: anyone, coordinator: anyone, unit_officer: inScope, unit_leader: inScope }),
  'task.progress': only({ admin: anyone, coordinator: anyone, unit_officer: takesPart, unit_leader: takesPart }),

  'indicator.read': everyone(),
  'indicator.manage': only({ admin: anyone, coordinator: anyone }),
  'indicator.enter': only({ coordinator: anyone, unit_officer: inScope, unit_leader: inScope }),
  'report.read': cityReadsUnitsTakePart,
  'report.submit': only({ unit_officer: inScope, unit_leader: inScope }),
  'report.approve': only({ coordinator: anyone, unit_leader: inScope }),

  'project.read': cityReadsUnitsTakePart,
  'project.manage': only({ coordinator: anyone, unit_officer: inScope, unit_leader: inScope }),
  // resource.unitId = the unit the current step is assigned to (the appraiser).
  'project.appraise': only({ coordinator: inScope, finance: inScope, unit_leader: inScope, unit_officer: inScope }),
  'budget.read': everyone(),
  'budget.manage': only({ finance: anyone, admin: anyone }),
  'pipeline.manage': only({ admin: anyone }),

  'dashboard.read': everyone(),
  'evaluation.read': everyone(),
  'evaluation.manage': only({ admin: anyone, coordinator: anyone }),
  // The national role (a ministry, or a province hosting others) compares provinces; it changes nothing.
  'national.read': only({ national: anyone }),
};

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  const rule = RULES[action]?.[actor.role];
  return rule ? rule(actor, resource) : false;
}
