import { RuleError } from '../errors';
import { toInstant, vnDateOfInstant } from '../calendar/timestamps';
import { periodRange, type DateRange } from '../periods/period-range';
import { emptyDossierCounts, type DossierCounts } from './dossier-rates';

/** How the dossier reached the one-stop desk. */
export type DossierChannel = 'online' | 'direct' | 'postal';

export const DOSSIER_CHANNELS: readonly DossierChannel[] = ['online', 'direct', 'postal'];

/**
 * One dossier as the server stores it. Instants are ISO timestamps with offset, or bare ISO
 * dates read as days in Vietnam (a bare due date means by the end of that day).
 */
export interface DossierRecord {
  readonly receivedAt: string;
  readonly channel: DossierChannel;
  /** handled fully online (toàn trình); only meaningful for the online channel */
  readonly fullyOnline?: boolean;
  /** time limit (hạn xử lý); null when the procedure has none */
  readonly dueAt: string | null;
  readonly finishedAt: string | null;
}

function invalid(message: string, input: unknown): RuleError {
  return new RuleError('invalid_dossier', message, input);
}

function instant(s: string, edge: 'start' | 'end', what: string): number {
  try {
    return toInstant(s, edge);
  } catch (e) {
    if (e instanceof RuleError) throw invalid(`${what}: ${e.message}`, s);
    throw e;
  }
}

/**
 * The dossier's contribution (each counter 0 or 1) to the counters of `period` (a period key
 * or a date range), as things stood at `asOf` — or at the end of the period if that is earlier.
 *
 * A server keeps per-unit aggregates incrementally: when a dossier changes, add
 * classify(new) − classify(old) for each period it touches (addDossierCounts with sign −1).
 * The in-progress counters of a period still open change with time alone (a dossier becomes
 * late at its due moment with no event), so for the current period they must be re-derived at
 * read time or by a nightly pass; once asOf is past the period's end the result is final.
 */
export function classifyDossier(record: DossierRecord, period: string | DateRange, asOf: string): DossierCounts {
  if (!DOSSIER_CHANNELS.includes(record.channel)) {
    throw invalid(`Kênh tiếp nhận không hợp lệ: "${String(record.channel)}" (trực tuyến / trực tiếp / bưu chính).`, record);
  }
  const range = typeof period === 'string' ? periodRange(period) : period;
  const periodStart = instant(range.start, 'start', 'Ngày bắt đầu kỳ');
  const periodEnd = instant(range.end, 'end', 'Ngày kết thúc kỳ');
  if (periodEnd < periodStart) throw invalid('Kỳ thống kê kết thúc trước khi bắt đầu.', range);
  const received = instant(record.receivedAt, 'start', 'Thời điểm tiếp nhận');
  const due = record.dueAt === null ? null : instant(record.dueAt, 'end', 'Hạn xử lý');
  const finished = record.finishedAt === null ? null : instant(record.finishedAt, 'start', 'Thời điểm hoàn thành');
  if (due !== null && due < received) throw invalid('Hạn xử lý không được trước thời điểm tiếp nhận.', record);
  if (finished !== null && finished < received) {
    throw invalid('Thời điểm hoàn thành không được trước thời điểm tiếp nhận.', record);
  }

  const moment = Math.min(instant(asOf, 'end', 'Thời điểm tính'), periodEnd);
  const counts = { ...emptyDossierCounts() };
  if (moment < periodStart || received > moment) return counts;
  if (received < periodStart) {
    if (finished !== null && finished < periodStart) return counts;
    counts.carriedOver = 1;
  } else {
    counts.received = 1;
    if (record.channel === 'online') {
      counts.receivedOnline = 1;
      if (record.fullyOnline === true) counts.receivedOnlineFull = 1;
    }
  }
  counts.toHandle = 1;

  if (finished !== null && finished <= moment) {
    if (due === null) counts.finishedOnTime = 1;
    else if (finished > due) counts.finishedLate = 1;
    else if (vnDateOfInstant(finished) < vnDateOfInstant(due)) counts.finishedEarly = 1;
    else counts.finishedOnTime = 1;
    return counts;
  }
  if (due !== null && moment > due) counts.inProgressLate = 1;
  else counts.inProgressOnTime = 1;
  return counts;
}
