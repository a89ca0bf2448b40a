import type { TProjectItem } from '../../../contracts/projects';
import type { Actor } from '../../../core/auth/policy';
import type { Queryable } from '../../../db/client';
import { PHASE_LABEL_VI, PROJECT_KIND_LABEL_VI, ACTOR_ROLE_LABEL_VI } from '../../../core/projects/pipeline-labels';
import { canRead } from './access';
import { dong, FUNDING_SOURCE_LABEL_VI, money, STATUS_LABEL_VI } from './model';
import { groupEvents, selectEvents, selectProjects, type ProjectFilter } from './queries';
import { loadRules, type Rules } from './rules';
import { load, workingDaysInStep, type Loaded } from './state';

export interface Portfolio {
  rules: Rules;
  items: Loaded[];
}

/** Projects matching the filter that this person may read, each replayed through core. */
export async function loadPortfolio(db: Queryable, actor: Actor | null, today: string, filter: ProjectFilter = {}): Promise<Portfolio> {
  const rules = await loadRules(db);
  const rows = await selectProjects(db, filter);
  const events = groupEvents(await selectEvents(db, rows.map((r) => r.id)));
  const items: Loaded[] = [];
  for (const row of rows) {
    const p = load(rules, row, events.get(row.id) ?? [], today);
    if (actor === null || canRead(actor, p)) items.push(p);
  }
  return { rules, items };
}

/** One line of the portfolio: what the table, the export and the warnings show. */
export function presentItem(rules: Rules, p: Loaded): TProjectItem {
  const r = p.row;
  const days = p.step ? workingDaysInStep(rules, p) : null;
  const limit = p.step?.timeLimitWorkingDays ?? null;
  const tpl = rules.templates.get(p.templateId)!.row;
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind: r.kind,
    fiscalYear: r.fiscal_year,
    fundingSource: r.funding_source,
    estimate: r.estimate,
    allocated: r.allocated,
    contracted: r.contracted,
    disbursed: r.disbursed,
    carriedOver: r.carried_over,
    cancelled: r.cancelled,
    /** Money still to spend this year: allocation (or plan while unallocated) less disbursements, carry-over and cancellation. */
    remaining: money(dong(r.allocated ?? r.estimate) - dong(r.disbursed) - dong(r.carried_over) - dong(r.cancelled)),
    startedOn: r.started_on,
    template: { id: tpl.id, code: tpl.code, name: tpl.name, law: tpl.law },
    stepIndex: p.state.stepIndex,
    stepCount: p.template.steps.length,
    step: p.step ? { code: p.step.code, name: p.step.name, phase: p.step.phase, actorRole: p.step.actorRole, action: p.step.action, limit: p.step.timeLimitWorkingDays } : null,
    holder: p.holder,
    stepStartedOn: p.state.stepStartedOn,
    workingDaysInStep: days,
    overdueBy: days !== null && limit !== null ? Math.max(0, days - limit) : 0,
    revisions: p.state.revisions,
    status: p.status,
    finishedOn: r.finished_on,
    closedOn: r.closed_on,
    closingNote: r.closing_note,
    taskIds: r.task_ids,
    sample: r.sample,
    version: r.version,
  };
}

/** Vietnamese labels for exports and notifications. */
export const LABELS = { PHASE_LABEL_VI, PROJECT_KIND_LABEL_VI, ACTOR_ROLE_LABEL_VI, FUNDING_SOURCE_LABEL_VI, STATUS_LABEL_VI };
