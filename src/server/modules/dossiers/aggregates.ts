import type { Queryable } from '../../../db/client';
import { toInstant, vnDateOfInstant } from '../../../core/calendar/timestamps';
import { classifyDossier, type DossierRecord } from '../../../core/indicators/dossier-classify';
import { addDossierCounts, assertDossierCounts, DOSSIER_COUNT_FIELDS, emptyDossierCounts, onlineRate, onTimeRate, type DossierCounts } from '../../../core/indicators/dossier-rates';
import { formatPeriodKey } from '../../../core/periods/period-key';
import { periodRange } from '../../../core/periods/period-range';
import { writeValues, type ValueWrite } from '../indicators/values';
import { DOSSIER_SOURCE, ensureRateIndicators } from './rate-indicators';

/** Counters per 'unitId|YYYY-Mmm'. */
export type CountMap = Map<string, DossierCounts>;

const COLUMNS: Record<keyof DossierCounts, string> = {
  carriedOver: 'carried_over',
  received: 'received',
  receivedOnline: 'received_online',
  receivedOnlineFull: 'received_online_full',
  toHandle: 'to_handle',
  finishedEarly: 'finished_early',
  finishedOnTime: 'finished_on_time',
  finishedLate: 'finished_late',
  inProgressOnTime: 'in_progress_on_time',
  inProgressLate: 'in_progress_late',
};

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthKey(index: number): string {
  return formatPeriodKey({ type: 'month', year: Math.floor(index / 12), index: (index % 12) + 1 });
}

/**
 * The months a dossier counts in, as things stand at `asOf`: from the month it was received
 * to the month it was finished (or `asOf`'s month while it is open), since an open dossier is
 * carried over into every following month.
 */
export function monthsTouched(record: Pick<DossierRecord, 'receivedAt' | 'finishedAt'>, asOf: string): string[] {
  const asOfMs = toInstant(asOf, 'end');
  const received = toInstant(record.receivedAt, 'start');
  if (received > asOfMs) return [];
  const endMs = record.finishedAt === null ? asOfMs : Math.min(toInstant(record.finishedAt, 'start'), asOfMs);
  const out: string[] = [];
  for (let m = monthIndex(vnDateOfInstant(received)); m <= monthIndex(vnDateOfInstant(endMs)); m++) out.push(monthKey(m));
  return out;
}

/** Adds (or with sign −1 removes) one dossier's contribution to every month it touches. */
export function addContribution(map: CountMap, unitId: string, record: DossierRecord, asOf: string, sign: 1 | -1 = 1) {
  for (const month of monthsTouched(record, asOf)) {
    const c = classifyDossier(record, month, asOf);
    const key = `${unitId}|${month}`;
    map.set(key, addDossierCounts(map.get(key) ?? emptyDossierCounts(), c, sign));
  }
}

/** A month is final once `asOf` is past its last day: its in-progress counters no longer move. */
export function isFinalMonth(month: string, asOf: string): boolean {
  return periodRange(month).end < vnDateOfInstant(toInstant(asOf, 'end'));
}

/** Adds deltas to the stored monthly counters (the incremental path, exact for final months). */
export async function applyDeltas(tx: Queryable, map: CountMap, unitProvince: ReadonlyMap<string, string>, asOf: string) {
  const entries = [...map.entries()];
  for (let i = 0; i < entries.length; i += 2000) {
    const chunk = entries.slice(i, i + 2000);
    const params: unknown[] = [
      chunk.map(([k]) => unitProvince.get(k.split('|')[0]!) ?? 'HP'),
      chunk.map(([k]) => k.split('|')[0]),
      chunk.map(([k]) => k.split('|')[1]),
      ...DOSSIER_COUNT_FIELDS.map((f) => chunk.map(([, c]) => c[f])),
      chunk.map(([k]) => isFinalMonth(k.split('|')[1]!, asOf)),
    ];
    const cols = DOSSIER_COUNT_FIELDS.map((f) => COLUMNS[f]);
    await tx.query(
      `insert into dossier_monthly (province_id, unit_id, month, ${cols.join(', ')}, final)
       select * from unnest($1::text[], $2::uuid[], $3::text[], ${cols.map((_, j) => `$${j + 4}::int[]`).join(', ')}, $${cols.length + 4}::boolean[])
       on conflict (unit_id, month) do update set ${cols.map((c) => `${c} = dossier_monthly.${c} + excluded.${c}`).join(', ')},
          final = excluded.final, computed_at = now()`,
      params,
    );
  }
}

interface DossierDbRow {
  received_at: string;
  channel: DossierRecord['channel'];
  fully_online: boolean;
  due_at: string | null;
  finished_at: string | null;
}

export function toRecord(r: DossierDbRow): DossierRecord {
  return { receivedAt: r.received_at, channel: r.channel, fullyOnline: r.fully_online, dueAt: r.due_at, finishedAt: r.finished_at };
}

/**
 * Recounts months from the dossiers themselves. Used for months still open (their
 * in-progress counters change with time alone) and by the nightly pass.
 */
export async function recountMonths(tx: Queryable, pairs: ReadonlyArray<{ unitId: string; month: string }>, asOf: string) {
  for (const { unitId, month } of pairs) {
    const r = periodRange(month);
    const rows = await tx.query<DossierDbRow & { province_id: string }>(
      `select province_id, received_at, channel, fully_online, due_at, finished_at from dossiers
        where unit_id = $1 and received_at <= $2 and (finished_at is null or finished_at >= $3)`,
      [unitId, new Date(toInstant(r.end, 'end')).toISOString(), new Date(toInstant(r.start, 'start')).toISOString()],
    );
    let counts = emptyDossierCounts();
    for (const row of rows) counts = addDossierCounts(counts, classifyDossier(toRecord(row), month, asOf));
    const province = rows[0]?.province_id ?? (await tx.query<{ province_id: string }>('select province_id from units where id = $1', [unitId]))[0]?.province_id ?? 'HP';
    const cols = DOSSIER_COUNT_FIELDS.map((f) => COLUMNS[f]);
    await tx.query(
      `insert into dossier_monthly (province_id, unit_id, month, ${cols.join(', ')}, final)
       values ($1, $2, $3, ${cols.map((_, j) => `$${j + 4}`).join(', ')}, $${cols.length + 4})
       on conflict (unit_id, month) do update set ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}, final = excluded.final, computed_at = now()`,
      [province, unitId, month, ...DOSSIER_COUNT_FIELDS.map((f) => counts[f]), isFinalMonth(month, asOf)],
    );
  }
}

interface MonthlyRow {
  province_id: string;
  unit_id: string;
  month: string;
  received: number;
  received_online: number;
  to_handle: number;
  finished_late: number;
  in_progress_late: number;
  carried_over: number;
  received_online_full: number;
  finished_early: number;
  finished_on_time: number;
  in_progress_on_time: number;
}

/**
 * Turns monthly counters into the two rate indicators, as numerator and denominator, so a
 * quarter or a city is Σ numerators / Σ denominators:
 *   online rate  = received online / received;
 *   on-time rate = (to handle − late in progress − finished late) / to handle.
 */
export async function writeRateValues(tx: Queryable, pairs: ReadonlyArray<{ unitId: string; month: string }>, actor: { id: string | null; name: string }, importId: string | null, now: string, sample = false) {
  if (pairs.length === 0) return 0;
  const ids = await ensureRateIndicators(tx);
  const rows = await tx.query<MonthlyRow>(
    `select m.* from dossier_monthly m join unnest($1::uuid[], $2::text[]) as p(unit_id, month) on p.unit_id = m.unit_id and p.month = m.month`,
    [pairs.map((p) => p.unitId), pairs.map((p) => p.month)],
  );
  const writes: ValueWrite[] = [];
  for (const m of rows) {
    assertDossierCounts({
      carriedOver: m.carried_over, received: m.received, receivedOnline: m.received_online, receivedOnlineFull: m.received_online_full, toHandle: m.to_handle,
      finishedEarly: m.finished_early, finishedOnTime: m.finished_on_time, finishedLate: m.finished_late, inProgressOnTime: m.in_progress_on_time, inProgressLate: m.in_progress_late,
    });
    const r = periodRange(m.month);
    const base = { unitId: m.unit_id, provinceId: m.province_id, period: m.month, periodType: 'month', periodStart: r.start, periodEnd: r.end, sourceAgency: DOSSIER_SOURCE, note: null, status: 'approved' as const, origin: 'dossier_feed' as const, importId, enteredBy: actor.id, enteredByName: actor.name, enteredAt: now, sample };
    writes.push({ ...base, indicatorId: ids.online, numerator: m.received_online, denominator: m.received, value: onlineRate({ receivedOnline: m.received_online, received: m.received }) });
    writes.push({
      ...base,
      indicatorId: ids.onTime,
      numerator: m.to_handle - m.in_progress_late - m.finished_late,
      denominator: m.to_handle,
      value: onTimeRate({ inProgressLate: m.in_progress_late, finishedLate: m.finished_late, toHandle: m.to_handle }),
    });
  }
  await writeValues(tx, writes);
  return writes.length;
}
