import { MEASURE } from '../../../core/evaluation/criteria';
import { compareIsoDates } from '../../../core/calendar/dates';
import { vnDateOfInstant } from '../../../core/calendar/timestamps';
import { reportDeadline, type DeadlineRule } from '../../../core/periods/deadline';
import { parsePeriodKey, type PeriodType } from '../../../core/periods/period-key';
import { periodRange, periodsWithin } from '../../../core/periods/period-range';
import { summarizeTasks } from '../../../core/tasks/summary';
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

const pct = (n: number, d: number) => Math.round((n * 10_000) / d) / 100;

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
    const rows = await q.query<{ lead_unit_id: string; deadline: string | null; completed_on: string | null; assigned_on: string }>(
      'select lead_unit_id, deadline, completed_on, assigned_on from tasks where assigned_on between $1 and $2 and cancelled_at is null',
      [range.start, range.end],
    );
    const summary = summarizeTasks(
      rows.map((r) => ({
        leadUnitId: r.lead_unit_id,
        assignedOn: r.assigned_on,
        deadline: r.deadline,
        completedAt: r.completed_on && compareIsoDates(r.completed_on, asOf) <= 0 ? r.completed_on : null,
      })),
      { from: range.start, to: range.end, asOf },
    );
    for (const u of summary.byUnit) {
      const c = u.counts;
      if (c.onTimeRate.percent !== null) {
        out.push({ unitId: u.leadUnitId, code: MEASURE.onTimeRate, value: c.onTimeRate.percent, note: `${c.onTimeRate.numerator}/${c.onTimeRate.denominator} nhiệm vụ đến hạn hoàn thành đúng hạn` });
      }
      out.push({ unitId: u.leadUnitId, code: MEASURE.overdueTasks, value: c.overdue, note: `${c.overdue} nhiệm vụ quá hạn trên ${c.total} nhiệm vụ được giao` });
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
    const rows = await q.query<{ unit_id: string; allocated: number; disbursed: number; n: number }>(
      `select unit_id, sum(coalesce(allocated, 0))::bigint as allocated, sum(disbursed)::bigint as disbursed, count(*)::int as n
         from projects where fiscal_year = $1 group by unit_id`,
      [year],
    );
    for (const r of rows) {
      if (r.allocated <= 0) continue;
      out.push({ unitId: r.unit_id, code: MEASURE.disbursementRate, value: Math.min(100, pct(r.disbursed, r.allocated)), note: `giải ngân ${r.disbursed.toLocaleString('vi-VN')} / ${r.allocated.toLocaleString('vi-VN')} đồng được phân bổ (${r.n} dự án, nhiệm vụ)` });
    }
  }

  if (tables.has('indicators') && tables.has('indicator_targets')) {
    const root = (await q.query<{ id: string }>(
      'select id from units where parent_id is null and valid_from <= $1 and (valid_to is null or valid_to >= $1) order by valid_from limit 1',
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
