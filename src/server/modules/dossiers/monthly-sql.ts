import type { Queryable } from '../../../db/client';
import { DOSSIER_SOURCE, ensureRateIndicators } from './rate-indicators';

/**
 * The monthly dossier counters, set-based: a bounded number of statements whatever the number
 * of dossiers, units or months. The classification is the SQL form of classifyDossier
 * (src/core/indicators/dossier-classify.ts); a property test holds the two equal.
 *
 * Months are calendar months in Vietnam. For a month m: ps is its first instant, pe its last
 * millisecond, and mo = least(asOf, pe) the moment the counters describe.
 */
const TZ = `'Asia/Ho_Chi_Minh'`;

/** Counters from rows x(unit_id, month, ps, pe, received_at, channel, fully_online, due_at, finished_at, sign), asOf = $asOf. */
function countersFrom(rows: string, asOf: string): string {
  // Days in Vietnam are computed once per row: a time-zone conversion costs more than the rest.
  return `
  select unit_id, month,
         coalesce(sum(sign) filter (where received_at < ps), 0)::int as carried_over,
         coalesce(sum(sign) filter (where received_at >= ps), 0)::int as received,
         coalesce(sum(sign) filter (where received_at >= ps and channel = 'online'), 0)::int as received_online,
         coalesce(sum(sign) filter (where received_at >= ps and channel = 'online' and fully_online), 0)::int as received_online_full,
         coalesce(sum(sign), 0)::int as to_handle,
         coalesce(sum(sign) filter (where done and due_at is not null and finished_at <= due_at and early), 0)::int as finished_early,
         coalesce(sum(sign) filter (where done and (due_at is null or (finished_at <= due_at and not early))), 0)::int as finished_on_time,
         coalesce(sum(sign) filter (where done and due_at is not null and finished_at > due_at), 0)::int as finished_late,
         coalesce(sum(sign) filter (where not done and (due_at is null or mo <= due_at)), 0)::int as in_progress_on_time,
         coalesce(sum(sign) filter (where not done and due_at is not null and mo > due_at), 0)::int as in_progress_late
    from (select x.*, least(${asOf}, x.pe) as mo,
                 (x.finished_at is not null and x.finished_at <= least(${asOf}, x.pe)) as done,
                 (x.finished_at is not null and x.due_at is not null and x.finished_at <= x.due_at
                   and (x.finished_at at time zone ${TZ})::date < (x.due_at at time zone ${TZ})::date) as early
            from (${rows}) x) c
   where mo >= ps and received_at <= mo and not (received_at < ps and finished_at is not null and finished_at < ps)
   group by unit_id, month`;
}

/**
 * Each dossier of `source` (unit_id, received_at, channel, fully_online, due_at, finished_at,
 * sign) in every month it touches as things stand at asOf: from the month it was received to
 * the month it was finished (or asOf's month while open). Months are numbered (year × 12 +
 * month − 1) so that each row needs two time-zone conversions, not several per month; the
 * bounds of each month are computed once, in a small table of months joined by number.
 */
function monthsOf(source: string, asOf: string): string {
  const monthNo = (local: string) => `(extract(year from ${local}) * 12 + extract(month from ${local}) - 1)::int`;
  return `
  with src as (
    select s.*, ${monthNo(`(s.received_at at time zone ${TZ})`)} as m0,
           ${monthNo(`(least(coalesce(s.finished_at, ${asOf}), ${asOf}) at time zone ${TZ})`)} as m1
      from (${source}) s
     where s.received_at <= ${asOf}),
  months as (
    select g.mi, to_char(make_date(g.mi / 12, g.mi % 12 + 1, 1), 'YYYY-"M"MM') as month,
           make_date(g.mi / 12, g.mi % 12 + 1, 1)::timestamp at time zone ${TZ} as ps,
           (make_date(g.mi / 12, g.mi % 12 + 1, 1) + interval '1 month') at time zone ${TZ} - interval '1 millisecond' as pe
      from generate_series((select min(m0) from src), (select max(m1) from src)) as g(mi))
  select s.unit_id, mo.month, mo.ps, mo.pe, s.received_at, s.channel, s.fully_online, s.due_at, s.finished_at, s.sign
    from src s
    cross join lateral generate_series(s.m0, s.m1) as g(mi)
    join months mo on mo.mi = g.mi`;
}

/** The first day of a month key 'YYYY-Mmm'. Month arithmetic stays in local time (timestamp without zone). */
const monthDay = (month: string) => `make_date(substr(${month}, 1, 4)::int, substr(${month}, 7, 2)::int, 1)`;
/** First instant of the month in Vietnam, and first instant of the month after. */
const monthStart = (month: string) => `(${monthDay(month)}::timestamp at time zone ${TZ})`;
const monthNext = (month: string) => `((${monthDay(month)} + interval '1 month') at time zone ${TZ})`;

const COUNTER_COLUMNS = [
  'carried_over', 'received', 'received_online', 'received_online_full', 'to_handle',
  'finished_early', 'finished_on_time', 'finished_late', 'in_progress_on_time', 'in_progress_late',
] as const;

/** A month is final once asOf's date in Vietnam is past its last day. */
const isFinal = (month: string, asOf: string) => `((${monthDay(month)} + interval '1 month')::date <= (${asOf} at time zone ${TZ})::date)`;

/**
 * The pairs (unit, month) a statement works on, in a temporary table of the transaction:
 * dossier_pairs(unit_id, month, recount). Filled from arrays or from a query.
 */
export async function pairsFromArrays(tx: Queryable, pairs: ReadonlyArray<{ unitId: string; month: string }>) {
  await tx.exec('drop table if exists dossier_pairs; create temp table dossier_pairs (unit_id uuid not null, month text not null, recount boolean not null default true) on commit drop');
  await tx.query('insert into dossier_pairs (unit_id, month) select distinct * from unnest($1::uuid[], $2::text[])', [pairs.map((p) => p.unitId), pairs.map((p) => p.month)]);
}

/**
 * The change a feed brings to the counters: + every staged dossier, − the stored version of
 * every dossier it re-sends, per (unit, month). Into dossier_pairs with the deltas beside,
 * `recount` set where adding is not exact: months still open (their in-progress counters move
 * with time) and months whose stored counters were computed before they closed.
 */
export async function feedDeltas(tx: Queryable, importId: string, asOf: string) {
  await tx.exec('drop table if exists dossier_pairs');
  const source = `
    select unit_id, received_at, channel, fully_online, due_at, finished_at, 1 as sign from dossier_import_rows where import_id = $1
    union all
    select d.unit_id, d.received_at, d.channel, d.fully_online, d.due_at, d.finished_at, -1
      from dossier_import_rows s join dossiers d on d.unit_id = s.unit_id and d.code = s.code
     where s.import_id = $1 and s.code is not null`;
  await tx.query(
    `create temp table dossier_pairs on commit drop as
     select c.*, not ${isFinal('c.month', '$2::timestamptz')}
                 or exists (select 1 from dossier_monthly m where m.unit_id = c.unit_id and m.month = c.month and not m.final) as recount
       from (${countersFrom(monthsOf(source, '$2::timestamptz'), '$2::timestamptz')}) c`,
    [importId, asOf],
  );
}

/** Adds the deltas of pairs that need no recount (closed months, stored when already closed). */
export async function applyPairDeltas(tx: Queryable) {
  const cols = COUNTER_COLUMNS.join(', ');
  await tx.query(
    `insert into dossier_monthly (province_id, unit_id, month, ${cols}, final)
     select u.province_id, p.unit_id, p.month, ${COUNTER_COLUMNS.map((c) => `p.${c}`).join(', ')}, true
       from dossier_pairs p join units u on u.id = p.unit_id
      where not p.recount
     on conflict (unit_id, month) do update set ${COUNTER_COLUMNS.map((c) => `${c} = dossier_monthly.${c} + excluded.${c}`).join(', ')},
        final = true, computed_at = now()`,
  );
}

/**
 * Recounts the pairs marked `recount` from the dossiers themselves, in one statement. A pair
 * left without any dossier (one was re-sent into another month) is written as zeros.
 */
export async function recountPairs(tx: Queryable, asOf: string) {
  const cols = COUNTER_COLUMNS.join(', ');
  const rows = `
    select d.unit_id, p.month, p.ps, p.pe, d.received_at, d.channel, d.fully_online, d.due_at, d.finished_at, 1 as sign
      from (select unit_id, month, ${monthStart('month')} as ps, ${monthNext('month')} - interval '1 millisecond' as pe
              from dossier_pairs where recount) p
      join dossiers d on d.unit_id = p.unit_id and d.received_at <= p.pe and (d.finished_at is null or d.finished_at >= p.ps)`;
  await tx.query(
    `insert into dossier_monthly (province_id, unit_id, month, ${cols}, final)
     select u.province_id, p.unit_id, p.month, ${COUNTER_COLUMNS.map((c) => `coalesce(c.${c}, 0)`).join(', ')}, ${isFinal('p.month', '$1::timestamptz')}
       from dossier_pairs p
       join units u on u.id = p.unit_id
       left join (${countersFrom(rows, '$1::timestamptz')}) c on c.unit_id = p.unit_id and c.month = p.month
      where p.recount
     on conflict (unit_id, month) do update set ${COUNTER_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, final = excluded.final, computed_at = now()`,
    [asOf],
  );
}

/**
 * The two rate indicators of every pair from the stored counters, as numerator and
 * denominator (so a quarter or a city is Σ numerators / Σ denominators), in one statement:
 *   online rate  = received online / received;
 *   on-time rate = (to handle − late in progress − finished late) / to handle.
 * Counters that break their own invariants stop the transaction (they never should).
 */
export async function writePairRates(tx: Queryable, actor: { id: string | null; name: string }, importId: string | null, now: string, sample = false): Promise<number> {
  const bad = await tx.query<{ unit_id: string; month: string }>(
    `select m.unit_id, m.month from dossier_monthly m join dossier_pairs p on p.unit_id = m.unit_id and p.month = m.month
      where ${COUNTER_COLUMNS.map((c) => `m.${c} < 0`).join(' or ')}
         or m.to_handle <> m.carried_over + m.received or m.received_online > m.received or m.received_online_full > m.received_online
         or m.finished_early + m.finished_on_time + m.finished_late + m.in_progress_on_time + m.in_progress_late > m.to_handle
      limit 1`,
  );
  if (bad[0]) throw new Error(`Số hồ sơ theo tháng không nhất quán: đơn vị ${bad[0].unit_id}, tháng ${bad[0].month}`);
  const ids = await ensureRateIndicators(tx);
  const out = await tx.query<{ n: number }>(
    `with written as (
       insert into indicator_values (province_id, indicator_id, unit_id, period, period_type, period_start, period_end, source_agency,
                                     value, numerator, denominator, status, origin, import_id, note, entered_by, entered_by_name, entered_at, sample)
       select m.province_id, r.indicator_id, m.unit_id, m.month, 'month',
              ${monthDay('m.month')}, (${monthDay('m.month')} + interval '1 month' - interval '1 day')::date, $3,
              case when r.kind = 'online' then case when m.received = 0 then null else (m.received_online::float8 / m.received) * 100 end
                   else case when m.to_handle = 0 then null else 100 - ((m.in_progress_late + m.finished_late)::float8 / m.to_handle) * 100 end end,
              case when r.kind = 'online' then m.received_online else m.to_handle - m.in_progress_late - m.finished_late end,
              case when r.kind = 'online' then m.received else m.to_handle end,
              'approved', 'dossier_feed', $4::uuid, null, $5::uuid, $6, $7::timestamptz, $8
         from dossier_monthly m
         join dossier_pairs p on p.unit_id = m.unit_id and p.month = m.month
         cross join (values ($1::uuid, 'online'), ($2::uuid, 'on_time')) as r(indicator_id, kind)
       on conflict (indicator_id, unit_id, period, source_agency) do update set
         value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator, status = excluded.status,
         origin = excluded.origin, import_id = excluded.import_id, submission_id = null, note = excluded.note,
         entered_by = excluded.entered_by, entered_by_name = excluded.entered_by_name, entered_at = excluded.entered_at,
         sample = excluded.sample, version = indicator_values.version + 1
       returning 1)
     select count(*)::int as n from written`,
    [ids.online, ids.onTime, DOSSIER_SOURCE, importId, actor.id, actor.name, now, sample],
  );
  return out[0]?.n ?? 0;
}
