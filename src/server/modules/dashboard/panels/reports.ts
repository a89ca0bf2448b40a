import { percentOf } from '../../../../core/format/number';
import { addDays, compareIsoDates } from '../../../../core/calendar/dates';
import { vnDateOfInstant } from '../../../../core/calendar/timestamps';
import { cutoffPeriodOf, cutoffWindow } from '../../../../core/periods/cutoff';
import { reportDeadline } from '../../../../core/periods/deadline';
import { periodLabel } from '../../../../core/periods/period-key';
import { loadHolidaySet } from '../../calendar/holidays';
import type { TReportsPayload } from '../../../../contracts/dashboard';
import { anyReportSent, expectedReports, periodicRegimes } from '../queries';
import { hasTables, memo, noData, ok, type PanelContext, type PanelDef } from './context';

export interface ReportFigures {
  payload: TReportsPayload;
  /** unit id → reports late or missing in the period shown. */
  lateByUnit: Map<string, { late: number; missing: number; period: string }>;
}

/**
 * "This period" of a regime: the latest period whose deadline has passed on `asOf`, so that
 * on time / late / missing are final. For a closed year, the latest such period that anyone
 * reported on: a regime dropped mid-year would otherwise show its empty last months.
 * Timeliness is judged on the first submission (a report returned for correction and sent
 * again was still sent on time).
 */
export function reportFigures(ctx: PanelContext): Promise<ReportFigures | null> {
  return memo(ctx, 'reports', async () => {
    if (!(await hasTables(ctx.q, ['report_regimes', 'report_regime_units', 'report_submissions']))) return null;
    const regimes = await periodicRegimes(ctx.q, ctx.asOf, ctx.from, ctx.provinceId);
    const holidays = await loadHolidaySet(ctx.q);
    const payload: TReportsPayload = { period: null, periodLabel: null, deadline: null, expected: 0, onTime: 0, late: 0, missing: 0, onTimeRate: null, regimes: [] };
    const lateByUnit: ReportFigures['lateByUnit'] = new Map();
    for (const r of regimes) {
      let period = cutoffPeriodOf(ctx.asOf, r.period_type);
      let deadline: string | null = null;
      const closedYear = ctx.asOf === ctx.to && ctx.today > ctx.to;
      for (let step = 0; period && step < 24; step++) {
        try {
          deadline = reportDeadline(period, r.deadline_rule, holidays);
        } catch {
          deadline = null;
          break;
        }
        const due = compareIsoDates(deadline, ctx.asOf) <= 0;
        const reported = !closedYear || (await anyReportSent(ctx.q, r.id, period));
        if (due && reported) break;
        if (compareIsoDates(cutoffWindow(period).start, ctx.from) < 0) {
          period = null;
          break;
        }
        period = cutoffPeriodOf(addDays(cutoffWindow(period).start, -1), r.period_type);
        deadline = null;
      }
      if (!period || !deadline) continue;
      if (compareIsoDates(cutoffWindow(period).end, r.valid_from) < 0) continue;
      const subs = await expectedReports(ctx.q, r.id, period);
      const row = { id: r.id, title: r.title, expected: subs.length, onTime: 0, late: 0, missing: 0, link: `/reports?regime=${r.id}&period=${period}` };
      for (const s of subs) {
        const u = lateByUnit.get(s.unit_id) ?? { late: 0, missing: 0, period };
        if (!s.first_submitted_at) {
          row.missing += 1;
          u.missing += 1;
        } else if (compareIsoDates(vnDateOfInstant(Date.parse(s.first_submitted_at)), deadline) <= 0) row.onTime += 1;
        else {
          row.late += 1;
          u.late += 1;
        }
        if (u.late + u.missing > 0) lateByUnit.set(s.unit_id, u);
      }
      payload.regimes.push(row);
      payload.expected += row.expected;
      payload.onTime += row.onTime;
      payload.late += row.late;
      payload.missing += row.missing;
      if (!payload.period || compareIsoDates(deadline, payload.deadline ?? deadline) > 0 || payload.regimes.length === 1) {
        payload.period = period;
        payload.periodLabel = periodLabel(period);
        payload.deadline = deadline;
      }
    }
    payload.onTimeRate = percentOf(payload.onTime, payload.expected);
    return { payload, lateByUnit };
  });
}

export const reportsPanel: PanelDef<TReportsPayload> = {
  key: 'reports',
  affectedBy: ['/api/reports', '/api/report', '/api/regimes', '/api/submissions'],
  link: ({ year }, p) => (p.regimes.length === 1 ? p.regimes[0]!.link : `/reports?year=${year}`),
  async compute(ctx) {
    const f = await reportFigures(ctx);
    const empty: TReportsPayload = { period: null, periodLabel: null, deadline: null, expected: 0, onTime: 0, late: 0, missing: 0, onTimeRate: null, regimes: [] };
    if (!f) return noData(empty, 'Chưa có dữ liệu: phân hệ báo cáo định kỳ chưa được cài đặt.');
    if (f.payload.expected === 0) return noData(f.payload, `Chưa có dữ liệu: chưa có chế độ báo cáo định kỳ đến hạn trong năm ${ctx.year}.`);
    return ok(f.payload);
  },
};
