import { MEASURE } from '../../../core/evaluation/criteria';
import { compareIsoDates } from '../../../core/calendar/dates';
import { vnDateOfInstant } from '../../../core/calendar/timestamps';
import { reportDeadline, type DeadlineRule } from '../../../core/periods/deadline';
import { parsePeriodKey, type PeriodType } from '../../../core/periods/period-key';
import { periodRange, periodsWithin } from '../../../core/periods/period-range';
import { percentOf } from '../../../core/format/number';
import { formatVnDate } from '../../../core/calendar/dates';
import { formatDong } from '../../../core/projects/money';
import { summarize } from '../tasks/read';
import { projectOutcomes } from './queries';
import type { Queryable } from '../../../db/client';
import { loadHolidaySet } from '../calendar/holidays';
import { existingTables } from '../dashboard/panels/context';
import { rollup } from '../indicators/rollup';

export interface CollectedMeasure {
  unitId: string;
  code: string;
  value: number;
  note: string;
}

const pct = (n: number, d: number) => percentOf(n, d) ?? 0;

/**
 * Measures computed from the data of the other capabilities for one period, by lead / owning /
 * reporting unit. A capability that is not installed contributes nothing; a unit without tasks
 * (or projects, or reports) gets no measure, so that criterion does not apply to it.
 */
export async function collectMeasures(q: Queryable, period: string, today: string): Promise<CollectedMeasure[]> {
  const range = periodRange(period);
  const asOf = compareIsoDates(today, range.end) < 0 ? today : range.end;
  const year = parsePeriodKey(period).year;
  const tables = await existingTables(q, ['tasks', 'report_regimes', 'report_submissions', 'report_regime_units', 'projects', 'indicators', 'indicator_targets']);
  const out: CollectedMeasure[] = [];

  if (tables.has('tasks')) {
    // The same summary the task screen shows (GET /api/tasks/summary?from&to&asOf = the period's end).
    const summary = await summarize(q, { from: range.start, to: range.end, asOf });
    for (const u of summary.byUnit) {
      const c = u.counts;
      if (c.onTimeRate.percent !== null) {
        out.push({ unitId: u.unitId, code: MEASURE.onTimeRate, value: c.onTimeRate.percent, note: `${c.onTimeRate.numerator}/${c.onTimeRate.denominator} nhiệm vụ đến hạn hoặc đã xong hoàn thành đúng hạn, tính đến ${formatVnDate(asOf)}` });
      }
      out.push({ unitId: u.unitId, code: MEASURE.overdueTasks, value: c.overdue, note: `${c.overdue} nhiệm vụ quá hạn trên ${c.total} nhiệm vụ được giao` });
    }
  }

  if (tables.has('report_regimes') && tables.has('report_submissions') && tables.has('report_regime_units')) {
    const regimes = await q.query<{ id: string; period_type: PeriodType; deadline_rule: DeadlineRule }>(
      `select id, period_type, deadline_rule from report_regimes where report_kind = 'periodic' and valid_from <= $2 and (valid_to is null or valid_to >= $1)`,
      [range.start, range.end],
    );
    const holidays = await loadHolidaySet(q);
    const byUnit = new Map<string, { due: number; onTime: number }>();
    for (const r of regimes) {
      for (const p of periodsWithin(period, r.period_type)) {
        let deadline: string;
        try {
          deadline = reportDeadline(p, r.deadline_rule, holidays);
        } catch {
          continue;
        }
        if (compareIsoDates(deadline, asOf) > 0) continue;
        const subs = await q.query<{ unit_id: string; first_submitted_at: string | null }>(
          `select ru.unit_id, s.first_submitted_at from report_regime_units ru
             left join report_submissions s on s.regime_id = ru.regime_id and s.unit_id = ru.unit_id and s.period = $2
            where ru.regime_id = $1`,
          [r.id, p],
        );
        for (const s of subs) {
          const u = byUnit.get(s.unit_id) ?? { due: 0, onTime: 0 };
          u.due += 1;
          if (s.first_submitted_at && compareIsoDates(vnDateOfInstant(Date.parse(s.first_submitted_at)), deadline) <= 0) u.onTime += 1;
          byUnit.set(s.unit_id, u);
        }
      }
    }
    for (const [unitId, u] of byUnit) out.push({ unitId, code: MEASURE.reportTimeliness, value: pct(u.onTime, u.due), note: `${u.onTime}/${u.due} báo cáo gửi đúng hạn` });
  }

  if (tables.has('projects')) {
    // The same sums the budget screen shows for the unit (GET /api/budget/:year), and the
    // funded tasks whose dossier was never submitted by the period's end.
    for (const r of await projectOutcomes(q, year, asOf)) {
      const allocated = BigInt(r.allocated);
      const disbursed = BigInt(r.disbursed);
      out.push({ unitId: r.unit_id, code: MEASURE.fundedTasks, value: r.projects, note: `${r.projects} nhiệm vụ, dự án có kinh phí năm ${year}` });
      out.push({ unitId: r.unit_id, code: MEASURE.allocatedAmount, value: Number(allocated), note: '' });
      out.push({ unitId: r.unit_id, code: MEASURE.disbursedAmount, value: Number(disbursed), note: '' });
      out.push({ unitId: r.unit_id, code: MEASURE.carriedOverAmount, value: Number(r.carried_over), note: '' });
      out.push({ unitId: r.unit_id, code: MEASURE.cancelledAmount, value: Number(r.cancelled), note: '' });
      out.push({ unitId: r.unit_id, code: MEASURE.tasksWithoutDossier, value: r.without_dossier, note: `${r.without_dossier}/${r.projects} nhiệm vụ chưa trình hồ sơ đến ${formatVnDate(asOf)}` });
      const rate = percentOf(disbursed, allocated);
      if (rate !== null) out.push({ unitId: r.unit_id, code: MEASURE.disbursementRate, value: rate, note: `${formatDong(disbursed)} / ${formatDong(allocated)} được phân bổ` });
    }
  }

  if (tables.has('indicators') && tables.has('indicator_targets')) {
    const root = (await q.query<{ id: string }>(
      'select id from units where parent_id is null and valid_from <= $1 and (valid_to is null or valid_to >= $1) order by valid_to is not null, valid_from limit 1',
      [range.end],
    ))[0];
    const targeted = await q.query<{ id: string }>(
      `select distinct i.id from indicators i join indicator_targets t on t.indicator_id = i.id
        where t.period = $1 or t.period like $1 || '-%'`,
      [String(year)],
    );
    const byUnit = new Map<string, { judged: number; met: number }>();
    for (const i of root ? targeted : []) {
      try {
        const r = await rollup(q, { indicatorId: i.id, unitId: root!.id, period, children: true });
        for (const c of r.children) {
          if (!c.rag) continue;
          const u = byUnit.get(c.unitId) ?? { judged: 0, met: 0 };
          u.judged += 1;
          if (c.rag === 'green') u.met += 1;
          byUnit.set(c.unitId, u);
        }
      } catch {
        // An indicator reported on a longer period than the evaluation's is not judged here.
      }
    }
    for (const [unitId, u] of byUnit) out.push({ unitId, code: MEASURE.indicatorAchievement, value: pct(u.met, u.judged), note: `${u.met}/${u.judged} chỉ tiêu đạt kế hoạch` });
  }
  return out;
}
