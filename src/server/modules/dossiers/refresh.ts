import type { Queryable } from '../../../db/client';
import { toInstant } from '../../../core/calendar/timestamps';
import { periodOf, periodRange } from '../../../core/periods/period-range';
import type { DailyJob } from '../../jobs/types';
import { recountMonths, writeRateValues } from './aggregates';

/**
 * The nightly pass over the dossier counters. A month's in-progress counters change with time
 * alone (a dossier becomes late at its due moment, with no new data), so every month not yet
 * final is recounted, and so is the current month of every unit that has open dossiers (they
 * are carried over into it). Then the two rates of those months are rewritten.
 */
export async function refreshOpenMonths(tx: Queryable, today: string) {
  const asOf = `${today}T23:59:59+07:00`;
  const month = periodOf(today, 'month');
  const monthStart = new Date(toInstant(periodRange(month).start, 'start')).toISOString();
  const pairs = await tx.query<{ unitId: string; month: string }>(
    `select unit_id as "unitId", month from dossier_monthly where not final
     union
     select distinct unit_id, $1::text from dossiers where received_at <= $3 and (finished_at is null or finished_at >= $2)`,
    [month, monthStart, new Date(toInstant(asOf)).toISOString()],
  );
  await recountMonths(tx, pairs, asOf);
  const values = await writeRateValues(tx, pairs, { id: null, name: 'hệ thống (tính lại hằng ngày)' }, null, new Date(toInstant(asOf)).toISOString());
  return { unitMonths: pairs.length, values };
}

export const dossierRefreshJob: DailyJob = {
  name: 'dossier-refresh',
  run: (_deps, tx, today) => refreshOpenMonths(tx, today),
};
