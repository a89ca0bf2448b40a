import { compareIsoDates } from '../../../../core/calendar/dates';
import { ratePercent } from '../../../../core/tasks/summary';
import { isStale, overdueBucket, overdueDays, taskStatus, type TaskStatus } from '../../../../core/tasks/status';
import type { TTasksPayload } from '../../../../contracts/dashboard';
import { tasksAssignedIn } from '../queries';
import { hasTables, memo, noData, ok, type PanelContext, type PanelDef } from './context';

export interface UnitTaskFigures {
  total: number;
  overdueOpen: number;
  overdueGt30: number;
  doneOnTime: number;
  dueOrDone: number;
  maxOverdueDays: number;
}

export interface TaskFigures {
  payload: TTasksPayload;
  byUnit: Map<string, UnitTaskFigures>;
  /** Per month of the year (1–12): tasks finished, and open overdue tasks at the month's end. */
  monthly: { done: number[]; overdueAtMonthEnd: number[] };
}

function emptyPayload(ctx: PanelContext): TTasksPayload {
  const zero = ratePercent(0, 0);
  return {
    from: ctx.from,
    to: ctx.to,
    asOf: ctx.asOf,
    total: 0,
    withDeadline: 0,
    doneOnTime: 0,
    doneOnTimeExtended: 0,
    doneLate: 0,
    doneNoDeadline: 0,
    inProgressOnTime: 0,
    inProgressOverdue: 0,
    noDeadlineInProgress: 0,
    buckets: { le30: 0, gt30: 0, gt120: 0 },
    stale: 0,
    overdueRateAll: zero,
    overdueRateWithDeadline: zero,
    onTimeRate: zero,
    onTimeWithoutExtensionRate: zero,
  };
}

const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/**
 * Tasks assigned in the year, their status on `asOf` by the core rules (a completion after
 * `asOf` does not count yet). Read with the index on tasks.assigned_on.
 */
export function taskFigures(ctx: PanelContext): Promise<TaskFigures | null> {
  return memo(ctx, 'tasks', async () => {
    if (!(await hasTables(ctx.q, ['tasks']))) return null;
    const rows = await tasksAssignedIn(ctx.q, ctx.from, ctx.to, ctx.provinceId);
    const p = emptyPayload(ctx);
    const counts: Record<TaskStatus, number> = {
      done_on_time: 0,
      done_on_time_extended: 0,
      done_late: 0,
      done_no_deadline: 0,
      in_progress_on_time: 0,
      in_progress_overdue: 0,
      no_deadline_in_progress: 0,
    };
    const byUnit = new Map<string, UnitTaskFigures>();
    const done = new Array<number>(12).fill(0);
    const overdueAtMonthEnd = new Array<number>(12).fill(0);
    const lastMonth = Number(ctx.asOf.slice(5, 7));
    for (const r of rows) {
      const completedAt = r.completed_on && compareIsoDates(r.completed_on, ctx.asOf) <= 0 ? r.completed_on : null;
      const t = { deadline: r.deadline, completedAt, originalDeadline: r.original_deadline };
      const status = taskStatus(t, ctx.asOf);
      counts[status] += 1;
      const u = byUnit.get(r.lead_unit_id) ?? { total: 0, overdueOpen: 0, overdueGt30: 0, doneOnTime: 0, dueOrDone: 0, maxOverdueDays: 0 };
      u.total += 1;
      // On time = by the deadline in force, as core/tasks/summary counts it (an extension included).
      if (status === 'done_on_time' || status === 'done_on_time_extended') u.doneOnTime += 1;
      if (status === 'done_on_time' || status === 'done_on_time_extended' || status === 'done_late' || status === 'in_progress_overdue') u.dueOrDone += 1;
      if (status === 'in_progress_overdue') {
        const days = overdueDays(t, ctx.asOf);
        const bucket = overdueBucket(t, ctx.asOf);
        if (bucket === '>120') p.buckets.gt120 += 1;
        else if (bucket === '>30') p.buckets.gt30 += 1;
        else if (bucket === '≤30') p.buckets.le30 += 1;
        u.overdueOpen += 1;
        if (days > 30) u.overdueGt30 += 1;
        u.maxOverdueDays = Math.max(u.maxOverdueDays, days);
      }
      byUnit.set(r.lead_unit_id, u);
      if (isStale({ ...t, lastProgressAt: r.last_progress_at?.slice(0, 10) ?? null, createdAt: r.created_at.slice(0, 10) }, ctx.asOf)) p.stale += 1;
      if (completedAt && Number(completedAt.slice(0, 4)) === ctx.year) done[Number(completedAt.slice(5, 7)) - 1]! += 1;
      for (let m = 1; m <= lastMonth; m++) {
        const end = m === lastMonth ? ctx.asOf : monthEnd(ctx.year, m);
        if (r.deadline && compareIsoDates(r.deadline, end) < 0 && (!completedAt || compareIsoDates(completedAt, end) > 0)) overdueAtMonthEnd[m - 1]! += 1;
      }
    }
    p.total = rows.length;
    p.doneOnTime = counts.done_on_time;
    p.doneOnTimeExtended = counts.done_on_time_extended;
    p.doneLate = counts.done_late;
    p.doneNoDeadline = counts.done_no_deadline;
    p.inProgressOnTime = counts.in_progress_on_time;
    p.inProgressOverdue = counts.in_progress_overdue;
    p.noDeadlineInProgress = counts.no_deadline_in_progress;
    p.withDeadline = p.total - counts.done_no_deadline - counts.no_deadline_in_progress;
    const overdue = counts.done_late + counts.in_progress_overdue;
    p.overdueRateAll = ratePercent(overdue, p.total);
    p.overdueRateWithDeadline = ratePercent(overdue, p.withDeadline);
    const dueOrDone = counts.done_on_time + counts.done_on_time_extended + counts.done_late + counts.in_progress_overdue;
    p.onTimeRate = ratePercent(counts.done_on_time + counts.done_on_time_extended, dueOrDone);
    p.onTimeWithoutExtensionRate = ratePercent(counts.done_on_time, dueOrDone);
    return { payload: p, byUnit, monthly: { done, overdueAtMonthEnd: overdueAtMonthEnd.map((v, i) => (i < lastMonth ? v : 0)) } };
  });
}

export const tasksPanel: PanelDef<TTasksPayload> = {
  key: 'tasks',
  affectedBy: ['/api/tasks', '/api/documents'],
  link: () => '/tasks?tab=summary',
  async compute(ctx) {
    const f = await taskFigures(ctx);
    if (!f) return noData(emptyPayload(ctx), 'Chưa có dữ liệu: phân hệ nhiệm vụ chưa được cài đặt.');
    if (f.payload.total === 0) return noData(f.payload, `Chưa có dữ liệu: chưa có nhiệm vụ nào giao trong năm ${ctx.year}.`);
    return ok(f.payload);
  },
};
