import type { Queryable } from '../../../db/client';
import { toInstant, vnDateOfInstant } from '../../../core/calendar/timestamps';
import { classifyDossier, type DossierRecord } from '../../../core/indicators/dossier-classify';
import { addDossierCounts, DOSSIER_COUNT_FIELDS, emptyDossierCounts, type DossierCounts } from '../../../core/indicators/dossier-rates';
import { formatPeriodKey } from '../../../core/periods/period-key';
import { periodRange } from '../../../core/periods/period-range';
import { pairsFromArrays, recountPairs, writePairRates } from './monthly-sql';

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
 * Recounts months from the dossiers themselves, in one statement for all pairs. Used for
 * months still open (their in-progress counters change with time alone) and by the nightly pass.
 */
export async function recountMonths(tx: Queryable, pairs: ReadonlyArray<{ unitId: string; month: string }>, asOf: string) {
  if (pairs.length === 0) return;
  await pairsFromArrays(tx, pairs);
  await recountPairs(tx, asOf);
}

/**
 * Turns monthly counters into the two rate indicators, as numerator and denominator, in one
 * statement (see writePairRates).
 */
export async function writeRateValues(tx: Queryable, pairs: ReadonlyArray<{ unitId: string; month: string }>, actor: { id: string | null; name: string }, importId: string | null, now: string, sample = false) {
  if (pairs.length === 0) return 0;
  await pairsFromArrays(tx, pairs);
  return writePairRates(tx, actor, importId, now, sample);
}
