/**
 * SAMPLE one-stop-shop dossiers (hồ sơ thủ tục hành chính) for the demo, the tests and the
 * benchmark. Invented, deterministic (seeded), and shaped so that the city's online share of
 * each month is exactly the one asked for: the demo uses 27.9 % over the first half of 2022,
 * the figure of the 22/07/2022 conclusion (seed 001) against the 60 % target of KH 74.
 *
 * Columns of the feed (see src/server/modules/dossiers/feed-rows.ts):
 *   ma_ho_so, don_vi, ma_thu_tuc, ngay_tiep_nhan, kenh, toan_trinh, han_xu_ly, ngay_hoan_thanh
 */

export interface SampleDossier {
  code: string;
  unitCode: string;
  procedureCode: string;
  /** 'YYYY-MM-DDTHH:mm:00+07:00' */
  receivedAt: string;
  channel: 'online' | 'direct' | 'postal';
  fullyOnline: boolean;
  /** a date: by the end of that day */
  dueAt: string | null;
  finishedAt: string | null;
}

export interface SampleOptions {
  year: number;
  /** 1–12 */
  months: readonly number[];
  /** dossiers received in the whole city per month */
  perMonth: number;
  /** share of online dossiers per month (index = month − 1); the city total is exact */
  onlineShare: readonly number[];
  /** units and their relative weight (volume) and online propensity (1 = the city average) */
  units: ReadonlyArray<{ code: string; weight: number; online: number }>;
  /** share finished after the time limit */
  lateShare?: number;
  /** nothing is finished after this instant (the feed is read then) */
  asOf: string;
  seed?: number;
  codePrefix?: string;
}

/** Sample procedure codes in the national format (not real procedures). */
const PROCEDURES = ['1.001612.000.00.00.H37', '1.004227.000.00.00.H37', '2.000889.000.00.00.H37', '1.003001.000.00.00.H37', '2.001711.000.00.00.H37', '1.000775.000.00.00.H37'];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` in proportion to `weights`, exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** An instant written as Vietnam local time with its offset. */
function vnIso(ms: number): string {
  const t = new Date(ms + 7 * 3_600_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:00+07:00`;
}

function addDays(y: number, m: number, d: number, n: number): { y: number; m: number; d: number } {
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function* sampleDossiers(o: SampleOptions): Generator<SampleDossier> {
  const rand = mulberry32(o.seed ?? 2022);
  const asOfMs = Date.parse(o.asOf);
  for (const month of o.months) {
    const counts = apportion(o.perMonth, o.units.map((u) => u.weight));
    const online = apportion(Math.round(o.perMonth * (o.onlineShare[month - 1] ?? 0.3)), o.units.map((u, i) => counts[i]! * u.online));
    for (const [i, unit] of o.units.entries()) {
      const n = counts[i]!;
      const k = Math.min(online[i]!, n);
      for (let j = 0; j < n; j++) {
        const day = 1 + Math.floor(rand() * daysIn(o.year, month));
        const hour = 7 + Math.floor(rand() * 10);
        const minute = Math.floor(rand() * 60);
        const channel = j < k ? 'online' : rand() < 0.06 ? 'postal' : 'direct';
        const limit = [3, 5, 7, 10, 15][Math.floor(rand() * 5)]!;
        const due = addDays(o.year, month, day, limit);
        const late = rand() < (o.lateShare ?? 0.06);
        const after = late ? limit + 1 + Math.floor(rand() * 6) : Math.floor(rand() * (limit + 1));
        const receivedAt = `${o.year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00+07:00`;
        const finishedMs = Date.parse(receivedAt) + after * 86_400_000 + Math.floor((1 + rand() * 6) * 3_600_000 / 60_000) * 60_000;
        const finishedAt = vnIso(finishedMs);
        yield {
          code: `${o.codePrefix ?? 'HS'}-${unit.code.replace(/^HP\./, '').replace(/\./g, '')}-${o.year}${pad(month)}-${String(j + 1).padStart(5, '0')}`,
          unitCode: unit.code,
          procedureCode: PROCEDURES[Math.floor(rand() * PROCEDURES.length)]!,
          receivedAt,
          channel,
          fullyOnline: channel === 'online' && rand() < 0.4,
          dueAt: `${due.y}-${pad(due.m)}-${pad(due.d)}`,
          finishedAt: finishedMs <= asOfMs ? finishedAt : null,
        };
      }
    }
  }
}

export const SAMPLE_CSV_HEADER = 'ma_ho_so,don_vi,ma_thu_tuc,ngay_tiep_nhan,kenh,toan_trinh,han_xu_ly,ngay_hoan_thanh';

export function sampleDossierLine(d: SampleDossier): string {
  return [d.code, d.unitCode, d.procedureCode, d.receivedAt, d.channel, d.fullyOnline ? 1 : 0, d.dueAt ?? '', d.finishedAt ?? ''].join(',');
}

export function sampleDossierCsv(o: SampleOptions): string {
  const lines = [SAMPLE_CSV_HEADER];
  for (const d of sampleDossiers(o)) lines.push(sampleDossierLine(d));
  return `${lines.join('\n')}\n`;
}

/**
 * The demo city: the 15 districts of 2022 and the departments that run one-stop desks, with
 * invented volumes and online propensities. Shares of 2022 (sample): the first half averages
 * exactly 27.9 %, rising through the year.
 */
export const DEMO_DOSSIER_UNITS: ReadonlyArray<{ code: string; weight: number; online: number }> = [
  { code: 'HP.Q.HONGBANG', weight: 6, online: 1.3 },
  { code: 'HP.Q.NGOQUYEN', weight: 8, online: 1.35 },
  { code: 'HP.Q.LECHAN', weight: 9, online: 1.25 },
  { code: 'HP.Q.HAIAN', weight: 6, online: 1.2 },
  { code: 'HP.Q.KIENAN', weight: 5, online: 1.0 },
  { code: 'HP.Q.DOSON', weight: 3, online: 0.8 },
  { code: 'HP.Q.DUONGKINH', weight: 3, online: 0.9 },
  { code: 'HP.H.THUYNGUYEN', weight: 9, online: 0.8 },
  { code: 'HP.H.ANDUONG', weight: 7, online: 0.85 },
  { code: 'HP.H.ANLAO', weight: 5, online: 0.6 },
  { code: 'HP.H.KIENTHUY', weight: 5, online: 0.6 },
  { code: 'HP.H.TIENLANG', weight: 5, online: 0.5 },
  { code: 'HP.H.VINHBAO', weight: 6, online: 0.5 },
  { code: 'HP.H.CATHAI', weight: 2, online: 0.7 },
  { code: 'HP.H.BACHLONGVI', weight: 0.3, online: 0.3 },
  { code: 'HP.SKHDT', weight: 6, online: 1.6 },
  { code: 'HP.STNMT', weight: 7, online: 0.9 },
  { code: 'HP.SXD', weight: 4, online: 1.1 },
  { code: 'HP.SGTVT', weight: 6, online: 1.5 },
  { code: 'HP.STP', weight: 4, online: 1.2 },
  { code: 'HP.SLDTBXH', weight: 3, online: 1.0 },
  { code: 'HP.SCT', weight: 3, online: 1.4 },
  { code: 'HP.SYT', weight: 3, online: 1.3 },
  { code: 'HP.STTTT', weight: 1, online: 1.8 },
];

export const DEMO_ONLINE_SHARE_2022 = [0.25, 0.26, 0.27, 0.28, 0.3, 0.314, 0.32, 0.33, 0.34, 0.35, 0.36, 0.37];
