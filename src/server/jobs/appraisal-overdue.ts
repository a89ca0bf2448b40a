import { formatVnDate } from '../../core/calendar/dates';
import { ACTOR_ROLE_LABEL_VI } from '../../core/projects/pipeline-labels';
import type { Queryable } from '../../db/client';
import { notify } from '../modules/notifications/service';
import { loadPortfolio } from '../modules/projects/portfolio';
import { workingDaysInStep } from '../modules/projects/state';
import type { DailyJob } from './types';

/**
 * Dossiers past their time limit at an appraiser or at the approving committee: the unit holding
 * them and the coordinators are told once per stay at that step (the dedupe key names the step
 * and the day it arrived there), so a dossier stuck for months is one notice, not sixty.
 */
export async function notifyOverdueAppraisals(tx: Queryable, today: string): Promise<{ overdue: number; notified: number }> {
  const { rules, items } = await loadPortfolio(tx, null, today);
  const coordinators = (await tx.query<{ id: string }>(`select id from users where active and role = 'coordinator'`)).map((u) => u.id);
  let overdue = 0;
  let notified = 0;
  for (const p of items) {
    if (p.status !== 'active' || !p.step || !p.holder || p.holder.role === 'owner') continue;
    const days = workingDaysInStep(rules, p);
    const limit = p.step.timeLimitWorkingDays;
    if (days <= limit) continue;
    overdue += 1;
    const holderName = p.holder.unitName ?? ACTOR_ROLE_LABEL_VI[p.holder.role];
    const input = {
      kind: 'project_appraisal_overdue',
      title: `Hồ sơ quá hạn ${p.step.name.toLowerCase()}: ${p.row.name}`,
      body:
        `Hồ sơ «${p.row.name}» của ${p.row.unit_name} đến bước «${p.step.name}» tại ${holderName} từ ngày ${formatVnDate(p.state.stepStartedOn)}, ` +
        `đã ${days} ngày làm việc, quá thời hạn ${limit} ngày làm việc ${days - limit} ngày.`,
      link: `/projects?project=${p.row.id}`,
      dedupeKey: `project-overdue:${p.row.id}:${p.step.code}:${p.state.stepStartedOn}`,
    };
    if (p.holder.unitId) notified += await notify(tx, { ...input, unitId: p.holder.unitId });
    notified += await notify(tx, { ...input, userIds: coordinators });
  }
  return { overdue, notified };
}

export const appraisalOverdueJob: DailyJob = {
  name: 'projects.appraisal-overdue',
  run: (_deps, tx, today) => notifyOverdueAppraisals(tx, today),
};
