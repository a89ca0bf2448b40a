import { percentOf, roundHalfAway } from '../../../../core/format/number';
import type { TTrendSeries, TTrendsPayload } from '../../../../contracts/dashboard';
import { dossierMonths, type DossierMonthRow as DossierMonth } from '../queries';
import { budgetFigures } from './budget';
import { hasTables, noData, ok, type PanelDef } from './context';
import { taskFigures } from './tasks';

/** Months of the year up to `asOf`: tasks finished and overdue, money disbursed (cumulative), dossier rates. */
export const trendsPanel: PanelDef<TTrendsPayload> = {
  key: 'trends',
  affectedBy: ['/api/tasks', '/api/documents', '/api/projects', '/api/budget', '/api/dossiers', '/api/imports', '/api/indicators'],
  link: ({ year }) => `/indicators?period=${year}`,
  async compute(ctx) {
    const lastMonth = Number(ctx.asOf.slice(5, 7));
    const months = Array.from({ length: 12 }, (_, i) => `${ctx.year}-${String(i + 1).padStart(2, '0')}`);
    // dossier_monthly keys months as period keys (2022-M07).
    const monthKeys = months.map((m) => `${m.slice(0, 4)}-M${m.slice(5, 7)}`);
    const upTo = <T>(values: T[]): Array<T | null> => values.map((v, i) => (i < lastMonth ? v : null));
    const series: TTrendSeries[] = [];
    const tasks = await taskFigures(ctx);
    if (tasks && tasks.payload.total > 0) {
      series.push({ key: 'tasks_done', name: 'Nhiệm vụ hoàn thành trong tháng', unit: 'nhiệm vụ', values: upTo(tasks.monthly.done) });
      series.push({ key: 'tasks_overdue', name: 'Nhiệm vụ quá hạn cuối tháng', unit: 'nhiệm vụ', values: upTo(tasks.monthly.overdueAtMonthEnd) });
    }
    const budget = await budgetFigures(ctx);
    if (budget && budget.payload.planned > 0) {
      let cum = 0;
      const values = budget.disbursedByMonth.map((v) => {
        cum += v;
        return roundHalfAway(cum / 1e9, 2);
      });
      series.push({ key: 'disbursed_cumulative', name: 'Giải ngân lũy kế', unit: 'tỷ đồng', values: upTo(values) });
    }
    if (await hasTables(ctx.q, ['dossier_monthly'])) {
      const rows = await dossierMonths(ctx.q, monthKeys[0]!, monthKeys[11]!, ctx.provinceId);
      if (rows.length > 0) {
        const byKey = new Map(rows.map((r) => [r.month, r]));
        const by = new Map(months.map((m, i) => [m, byKey.get(monthKeys[i]!)] as const).filter((x): x is [string, DossierMonth] => x[1] !== undefined));
        const pct = (n: number, d: number) => percentOf(n, d);
        series.push({ key: 'dossier_online_rate', name: 'Tỷ lệ hồ sơ trực tuyến', unit: '%', values: upTo(months.map((m) => { const r = by.get(m); return r ? pct(r.received_online, r.received) : null; })) });
        series.push({ key: 'dossier_on_time_rate', name: 'Tỷ lệ hồ sơ đúng hạn', unit: '%', values: upTo(months.map((m) => { const r = by.get(m); return r && r.to_handle > 0 ? percentOf(r.to_handle - r.late, r.to_handle) : null; })) });
      }
    }
    const payload: TTrendsPayload = { months, series };
    if (series.length === 0) return noData(payload, `Chưa có dữ liệu theo tháng cho năm ${ctx.year}.`);
    return ok(payload);
  },
};
