import type { Queryable } from '../../../db/client';
import { vnDateOfInstant } from '../../../core/calendar/timestamps';
import { periodRange } from '../../../core/periods/period-range';
import { loadHolidaySet } from '../calendar/holidays';
import { regimeById, regimeUnits, submissionsOfPeriod, type RegimeUnitRow, type SubmissionRow } from './queries';
import { assertRegimePeriod, periodInfo, periodsOfYear } from './regimes';
import { notFound } from '../../errors';

export type Timeliness = 'on_time' | 'late' | 'missing' | 'pending';

/**
 * A report counts as received when it is submitted or approved; a returned one has to be
 * sent again, and its new submission time is the one judged. On time = received on or
 * before the deadline day (Vietnam date); missing = not received and the deadline passed.
 */
export function timelinessOf(sub: Pick<SubmissionRow, 'status' | 'submitted_at'> | undefined, deadline: string, today: string): Timeliness {
  if (sub && (sub.status === 'submitted' || sub.status === 'approved') && sub.submitted_at) {
    return vnDateOfInstant(Date.parse(sub.submitted_at)) <= deadline ? 'on_time' : 'late';
  }
  return today > deadline ? 'missing' : 'pending';
}

/** Units that report in a period: listed in the regime and existing during the period. */
export function unitsInPeriod(units: readonly RegimeUnitRow[], period: string): RegimeUnitRow[] {
  const r = periodRange(period);
  return units.filter((u) => u.valid_from <= r.end && (u.valid_to === null || u.valid_to >= r.start));
}

/** Per reporting unit of a period: status, time, and on time / late / missing / not yet due. */
export async function timelinessGrid(db: Queryable, regimeId: string, period: string, today: string, scope: ReadonlySet<string> | null) {
  const regime = await regimeById(db, regimeId);
  if (!regime) throw notFound('chế độ báo cáo');
  assertRegimePeriod(regime, period);
  const info = periodInfo(regime, period, await loadHolidaySet(db));
  const subs = new Map((await submissionsOfPeriod(db, regimeId, period)).map((s) => [s.unit_id, s]));
  const units = unitsInPeriod(await regimeUnits(db, regimeId), period).filter((u) => !scope || scope.has(u.unit_id) || scope.has(regime.receiving_unit_id));
  const rows = units.map((u) => {
    const s = subs.get(u.unit_id);
    return {
      unitId: u.unit_id,
      unitCode: u.code,
      unitName: u.name,
      shortName: u.short_name,
      kind: u.kind,
      submissionId: s?.id ?? null,
      status: s?.status ?? null,
      submittedAt: s?.submitted_at ?? null,
      submittedBy: s?.submitted_by_name ?? null,
      decidedAt: s?.decided_at ?? null,
      returnReason: s?.status === 'returned' ? s.return_reason : null,
      timeliness: timelinessOf(s, info.deadline, today),
      version: s?.version ?? 0,
    };
  });
  const count = (t: Timeliness) => rows.filter((r) => r.timeliness === t).length;
  return {
    regimeId,
    ...info,
    today,
    summary: { units: rows.length, onTime: count('on_time'), late: count('late'), missing: count('missing'), pending: count('pending'), approved: rows.filter((r) => r.status === 'approved').length },
    rows,
  };
}
export type TTimeliness = Awaited<ReturnType<typeof timelinessGrid>>;

/** The periods of a year with their deadlines and counts, for the regime's period list. */
export async function regimePeriods(db: Queryable, regimeId: string, year: number, today: string) {
  const regime = await regimeById(db, regimeId);
  if (!regime) throw notFound('chế độ báo cáo');
  const holidays = await loadHolidaySet(db);
  const units = await regimeUnits(db, regimeId);
  const counts = await db.query<{ period: string; status: string; n: number }>(
    `select period, status, count(*)::int as n from report_submissions where regime_id = $1 and period like $2 group by period, status`,
    [regimeId, `${year}%`],
  );
  return periodsOfYear(regime, year).map((p) => {
    const info = periodInfo(regime, p, holidays);
    const of = (status: string) => counts.find((c) => c.period === p && c.status === status)?.n ?? 0;
    return { ...info, units: unitsInPeriod(units, p).length, submitted: of('submitted'), approved: of('approved'), returned: of('returned'), draft: of('draft'), due: info.deadline < today };
  });
}
