import { PILLAR_KEYS, type TBudgetPayload, type TPillarsPayload, type TReportsPayload, type TTasksPayload } from '../../../contracts/dashboard';
import type { TNational, TNationalProvince } from '../../../contracts/national';
import type { Queryable } from '../../../db/client';
import { PILLAR_NAME_VI } from '../dashboard/panels/pillars';
import { replicaLagSeconds } from '../../../db/replica';
import { provincePanels, type ProvincePanelsRow } from './queries';

function present(r: ProvincePanelsRow): TNationalProvince {
  const panels = r.panels ?? {};
  const pillars = panels.pillars as TPillarsPayload | undefined;
  const tasks = panels.tasks as TTasksPayload | undefined;
  const budget = panels.budget as TBudgetPayload | undefined;
  const reports = panels.reports as TReportsPayload | undefined;
  return {
    id: r.id,
    name: r.name,
    sample: r.sample,
    computedAt: r.computed_at ? new Date(r.computed_at).toISOString() : null,
    pillars: PILLAR_KEYS.map((key) => {
      const p = pillars?.pillars.find((x) => x.key === key);
      return {
        key,
        name: PILLAR_NAME_VI[key],
        indicators: p?.indicators.filter((i) => i.value !== null).length ?? 0,
        green: p?.counts.green ?? 0,
        amber: p?.counts.amber ?? 0,
        red: p?.counts.red ?? 0,
      };
    }),
    tasks: {
      total: tasks?.total ?? 0,
      doneOnTime: (tasks?.doneOnTime ?? 0) + (tasks?.doneOnTimeExtended ?? 0),
      overdue: tasks?.inProgressOverdue ?? 0,
      onTimeRate: tasks?.onTimeRate.percent ?? null,
    },
    money: { planned: budget?.planned ?? 0, disbursed: budget?.disbursed ?? 0, atRisk: budget?.atRisk ?? 0, atRiskCount: budget?.atRiskCount ?? 0 },
    reports: {
      expected: reports?.expected ?? 0,
      onTime: reports?.onTime ?? 0,
      late: reports?.late ?? 0,
      missing: reports?.missing ?? 0,
      onTimeRate: reports?.onTimeRate ?? null,
    },
  };
}

/** Every province side by side for a year: the figures of each province's own wall, one query. */
export async function nationalComparison(q: Queryable, year: number): Promise<TNational> {
  const rows = await provincePanels(q, String(year));
  return { year, provinces: rows.map(present), replicaLagSeconds: await replicaLagSeconds(q) };
}
