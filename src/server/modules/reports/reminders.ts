import type { Queryable } from '../../../db/client';
import { formatVnDate } from '../../../core/calendar/dates';
import { countWorkingDays } from '../../../core/calendar/working-days';
import { loadHolidaySet } from '../calendar/holidays';
import { notify } from '../notifications/service';
import { regimeUnits, type RegimeRow } from './queries';
import { AppError } from '../../errors';
import { periodInfo, periodsOfYear, type PeriodInfo } from './regimes';
import { unitsInPeriod } from './timeliness';

/** Reminders start this many working days before the deadline. */
export const REMIND_WORKING_DAYS_BEFORE = 3;
/** Overdue reports keep being chased (once per stage) for this many days. */
export const CHASE_DAYS_AFTER = 60;

/**
 * The daily pass: for every periodic regime, periods whose deadline is near or passed, and
 * only units that have not sent (submitted or approved) their report:
 * - near the deadline: the unit's officers are reminded;
 * - past the deadline: officers are told it is overdue and the unit's leaders are alerted
 *   (escalation). Each stage reaches a person once per period (dedupe key).
 */
export async function sendReportReminders(tx: Queryable, today: string) {
  const holidays = await loadHolidaySet(tx);
  const year = Number(today.slice(0, 4));
  const regimes = await tx.query<RegimeRow>(
    `select r.*, u.name as receiving_unit_name from report_regimes r join units u on u.id = r.receiving_unit_id
      where r.report_kind = 'periodic' and r.valid_from <= $1 and (r.valid_to is null or r.valid_to >= $1::date - $2::int)`,
    [today, CHASE_DAYS_AFTER],
  );
  let reminded = 0;
  let overdue = 0;
  let escalated = 0;
  for (const regime of regimes) {
    const units = await regimeUnits(tx, regime.id);
    for (const period of [...periodsOfYear(regime, year - 1), ...periodsOfYear(regime, year)]) {
      let info: PeriodInfo;
      try {
        info = periodInfo(regime, period, holidays);
      } catch (err) {
        // One regime with a broken rule must not stop the reminders of all the others.
        if (err instanceof AppError) continue;
        throw err;
      }
      const late = today > info.deadline;
      const daysLate = (Date.parse(today) - Date.parse(info.deadline)) / 86_400_000;
      const soon = !late && countWorkingDays(today, info.deadline, holidays) <= REMIND_WORKING_DAYS_BEFORE && today >= info.cutoffEnd;
      if (!(soon || (late && daysLate <= CHASE_DAYS_AFTER))) continue;
      const sent = new Set(
        (await tx.query<{ unit_id: string }>(`select unit_id from report_submissions where regime_id = $1 and period = $2 and status in ('submitted', 'approved')`, [regime.id, period])).map((r) => r.unit_id),
      );
      for (const u of unitsInPeriod(units, period)) {
        if (sent.has(u.unit_id)) continue;
        const link = `/reports?regime=${regime.id}&period=${period}`;
        const what = `${regime.title} – ${info.label}`;
        if (soon) {
          reminded += await notify(tx, {
            unitId: u.unit_id,
            roles: ['unit_officer'],
            kind: 'report_due',
            title: `Sắp đến hạn gửi báo cáo: ${what}`,
            body: `${u.name} chưa gửi báo cáo "${what}". Hạn gửi: ${formatVnDate(info.deadline)}.`,
            link,
            dedupeKey: `report_due:${regime.id}:${period}`,
          });
          continue;
        }
        overdue += await notify(tx, {
          unitId: u.unit_id,
          roles: ['unit_officer'],
          kind: 'report_missing',
          title: `Quá hạn gửi báo cáo: ${what}`,
          body: `${u.name} chưa gửi báo cáo "${what}"; hạn gửi là ${formatVnDate(info.deadline)}. Đề nghị hoàn thành và gửi ngay.`,
          link,
          dedupeKey: `report_missing:${regime.id}:${period}`,
        });
        escalated += await notify(tx, {
          unitId: u.unit_id,
          roles: ['unit_leader'],
          kind: 'report_escalation',
          title: `Đơn vị chưa gửi báo cáo quá hạn: ${what}`,
          body: `${u.name} chưa gửi báo cáo "${what}" cho ${regime.receiving_unit_name}; hạn gửi là ${formatVnDate(info.deadline)}. Đề nghị lãnh đạo đơn vị chỉ đạo hoàn thành.`,
          link,
          dedupeKey: `report_escalation:${regime.id}:${period}`,
        });
      }
    }
  }
  return { reminded, overdue, escalated };
}
