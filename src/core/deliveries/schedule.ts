import { addDays, dayOfWeek, type IsoDate } from '../calendar/dates';

export type Cadence = 'daily' | 'weekly' | 'monthly';

/**
 * The period a subscription owes a delivery for on `today`, or null when none is due yet.
 * A weekly delivery is due from its weekday to the end of that week, a monthly one from its day
 * to the end of the month: a server that was down on the day still sends, once, when it is back.
 * The key names the period, so (subscription, key) is claimed once across processes.
 */
export function duePeriod(cadence: Cadence, day: number, today: IsoDate): string | null {
  if (cadence === 'daily') return today;
  if (cadence === 'weekly') {
    const iso = dayOfWeek(today) || 7;
    if (iso < day) return null;
    return `week-${addDays(today, 1 - iso)}`;
  }
  if (Number(today.slice(8, 10)) < day) return null;
  return today.slice(0, 7);
}

/** The period's name in an e-mail: "ngày 20/11/2026", "tuần từ 16/11/2026", "tháng 11/2026". */
export function periodLabelVi(period: string): string {
  const vn = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  if (period.startsWith('week-')) return `tuần từ ${vn(period.slice(5))}`;
  if (/^\d{4}-\d{2}$/.test(period)) return `tháng ${period.slice(5, 7)}/${period.slice(0, 4)}`;
  return `ngày ${vn(period)}`;
}
