import type { TProjectDetail } from '../../../contracts/projects';
import { can } from '../../../core/auth/policy';
import { stepVisits } from '../../../core/projects/clocks';
import type { Queryable } from '../../../db/client';
import type { SessionActor } from '../../context';
import { forbidden, notFound } from '../../errors';
import { allowedFor, canRead } from './access';
import { riskList } from './analysis';
import { loadPortfolio, presentItem } from './portfolio';
import { taskTitles } from './queries';

/** Everything the project page shows: timeline with clocks, history, the actions this person may take. */
export async function projectDetail(db: Queryable, actor: SessionActor, id: string, today: string): Promise<TProjectDetail> {
  const { rules, items } = await loadPortfolio(db, null, today);
  const p = items.find((x) => x.row.id === id);
  if (!p) throw notFound('dự án');
  if (!canRead(actor, p)) throw forbidden();
  const tpl = rules.templates.get(p.templateId)!.row;
  const stepNames = new Map(p.template.steps.map((s) => [s.code, s.name]));
  const risk = riskList(rules, items, [p], today)[0] ?? null;
  return {
    ...presentItem(rules, p),
    today,
    templateLaw: tpl.law,
    templateNote: tpl.note,
    steps: p.template.steps,
    events: p.events.map((e) => ({
      seq: e.seq,
      action: e.action,
      stepCode: e.step_code,
      stepName: stepNames.get(e.step_code) ?? e.step_code,
      fromStep: e.from_step,
      toStep: e.to_step,
      actorRole: e.actor_role,
      date: e.date,
      documentNumber: e.document_number,
      comment: e.comment,
      amount: e.amount,
      final: e.final,
      actorName: e.actor_name,
      actorUnitName: e.actor_unit_name,
      recordedAt: e.created_at,
    })),
    visits: stepVisits(p.template, p.state, p.clockEnd, rules.holidays),
    revisionsByStep: p.state.revisionsByStep,
    allowedActions: allowedFor(actor, p),
    permissions: {
      edit: p.status === 'active' && can(actor, 'project.manage', { unitId: p.row.unit_id }),
      close: can(actor, 'budget.manage', { unitId: p.row.unit_id }),
    },
    tasks: await taskTitles(db, p.row.task_ids),
    risk,
  };
}
