import { RuleError } from '../errors';

/**
 * One-stop-shop (một cửa) dossier counters of a unit for a period, and the two rates the
 * province is judged on (DOMAIN.md; QĐ 766/QĐ-TTg; Gia Lai "cách tính thống kê"):
 * - online rate  = dossiers received online / all dossiers received in the period;
 * - on-time rate = 100 % − (late still in progress + finished late) / dossiers to handle,
 *   where to handle (cần xử lý) = carried over from before the period (tồn kỳ trước)
 *   + received in the period (tiếp nhận).
 */
export interface DossierCounts {
  /** received before the period, not finished before it started (tồn kỳ trước) */
  readonly carriedOver: number;
  /** received in the period (tiếp nhận mới) */
  readonly received: number;
  /** of `received`, submitted online (trực tuyến) */
  readonly receivedOnline: number;
  /** of `receivedOnline`, handled fully online (toàn trình, NĐ 42/2022) */
  readonly receivedOnlineFull: number;
  /** carriedOver + received (cần xử lý) */
  readonly toHandle: number;
  /** finished in the period on a day before the due day (trước hạn) */
  readonly finishedEarly: number;
  /** finished in the period on the due day, within the time limit, or with no time limit (đúng hạn) */
  readonly finishedOnTime: number;
  /** finished in the period after the time limit (trễ hạn) */
  readonly finishedLate: number;
  /** not finished at the evaluation moment, time limit not passed (đang xử lý trong hạn) */
  readonly inProgressOnTime: number;
  /** not finished at the evaluation moment, time limit passed (đang xử lý trễ hạn) */
  readonly inProgressLate: number;
}

export const DOSSIER_COUNT_FIELDS: ReadonlyArray<keyof DossierCounts> = [
  'carriedOver',
  'received',
  'receivedOnline',
  'receivedOnlineFull',
  'toHandle',
  'finishedEarly',
  'finishedOnTime',
  'finishedLate',
  'inProgressOnTime',
  'inProgressLate',
];

export function emptyDossierCounts(): DossierCounts {
  return {
    carriedOver: 0,
    received: 0,
    receivedOnline: 0,
    receivedOnlineFull: 0,
    toHandle: 0,
    finishedEarly: 0,
    finishedOnTime: 0,
    finishedLate: 0,
    inProgressOnTime: 0,
    inProgressLate: 0,
  };
}

/**
 * a + sign × b, field by field. With sign −1 a server applies "new classification − old
 * classification" of one changed dossier to a stored aggregate.
 */
export function addDossierCounts(a: DossierCounts, b: DossierCounts, sign: 1 | -1 = 1): DossierCounts {
  const out: Record<keyof DossierCounts, number> = { ...emptyDossierCounts() };
  for (const f of DOSSIER_COUNT_FIELDS) out[f] = a[f] + sign * b[f];
  return out;
}

function invalid(message: string, input: unknown): RuleError {
  return new RuleError('invalid_dossier', message, input);
}

function checkCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw invalid(`${what} phải là số nguyên không âm: ${n}.`, n);
}

/** Throws unless the counters are consistent (parts never exceed their totals). */
export function assertDossierCounts(c: DossierCounts): DossierCounts {
  for (const f of DOSSIER_COUNT_FIELDS) checkCount(c[f], `Số hồ sơ (${f})`);
  const finished = c.finishedEarly + c.finishedOnTime + c.finishedLate;
  const inProgress = c.inProgressOnTime + c.inProgressLate;
  if (c.toHandle !== c.carriedOver + c.received) {
    throw invalid('Số hồ sơ cần xử lý phải bằng tồn kỳ trước cộng tiếp nhận mới.', c);
  }
  if (c.receivedOnline > c.received || c.receivedOnlineFull > c.receivedOnline) {
    throw invalid('Số hồ sơ trực tuyến không được lớn hơn số hồ sơ tiếp nhận.', c);
  }
  if (finished + inProgress > c.toHandle) {
    throw invalid('Số hồ sơ đã và đang xử lý không được lớn hơn số hồ sơ cần xử lý.', c);
  }
  return c;
}

/** Online rate in percent; null when nothing was received (the rate is undefined, not 0 %). */
export function onlineRate(counts: { readonly receivedOnline: number; readonly received: number }): number | null {
  checkCount(counts.receivedOnline, 'Số hồ sơ trực tuyến');
  checkCount(counts.received, 'Số hồ sơ tiếp nhận');
  if (counts.receivedOnline > counts.received) {
    throw invalid('Số hồ sơ trực tuyến không được lớn hơn số hồ sơ tiếp nhận.', counts);
  }
  if (counts.received === 0) return null;
  return (counts.receivedOnline / counts.received) * 100;
}

/** Late rate in percent: (late in progress + finished late) / to handle; null when nothing to handle. */
export function lateRate(counts: {
  readonly inProgressLate: number;
  readonly finishedLate: number;
  readonly toHandle: number;
}): number | null {
  checkCount(counts.inProgressLate, 'Số hồ sơ đang xử lý trễ hạn');
  checkCount(counts.finishedLate, 'Số hồ sơ đã xử lý trễ hạn');
  checkCount(counts.toHandle, 'Số hồ sơ cần xử lý');
  const late = counts.inProgressLate + counts.finishedLate;
  if (late > counts.toHandle) throw invalid('Số hồ sơ trễ hạn không được lớn hơn số hồ sơ cần xử lý.', counts);
  if (counts.toHandle === 0) return null;
  return (late / counts.toHandle) * 100;
}

/** On-time rate in percent = 100 − late rate; null when nothing to handle. */
export function onTimeRate(counts: {
  readonly inProgressLate: number;
  readonly finishedLate: number;
  readonly toHandle: number;
}): number | null {
  const late = lateRate(counts);
  return late === null ? null : 100 - late;
}

export interface DossierRates {
  readonly onlineRate: number | null;
  /** online toàn trình / received */
  readonly onlineFullRate: number | null;
  readonly lateRate: number | null;
  readonly onTimeRate: number | null;
}

export function dossierRates(counts: DossierCounts): DossierRates {
  assertDossierCounts(counts);
  return {
    onlineRate: onlineRate(counts),
    onlineFullRate: onlineRate({ receivedOnline: counts.receivedOnlineFull, received: counts.received }),
    lateRate: lateRate(counts),
    onTimeRate: onTimeRate(counts),
  };
}
