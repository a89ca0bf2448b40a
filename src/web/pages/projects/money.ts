import { formatPercent } from '../../../core/format/number';
import { formatMoneyVi } from '../../../core/projects/money';
import type { Lang } from '../../i18n/lang';

/**
 * Money arrives as integer đồng. People read it in tỷ / triệu; the scaling is done in bigint so
 * that a displayed total is the exact total rounded once, never a sum of rounded parts.
 */
export function formatMoney(amount: number | null | undefined, lang: Lang): string {
  if (amount === null || amount === undefined) return '—';
  const d = BigInt(amount);
  if (lang === 'vi') return formatMoneyVi(d);
  const abs = d < 0n ? -d : d;
  const unit = abs >= 1_000_000_000n ? 1_000_000_000n : abs >= 1_000_000n ? 1_000_000n : 1n;
  const suffix = unit === 1_000_000_000n ? ' bn VND' : unit === 1_000_000n ? ' m VND' : ' VND';
  const tenths = (abs * 10n + unit / 2n) / unit;
  const whole = tenths / 10n;
  const frac = tenths % 10n;
  const text = `${new Intl.NumberFormat('en-GB').format(Number(whole))}${frac === 0n || unit === 1n ? '' : `.${frac}`}`;
  return `${d < 0n ? '-' : ''}${text}${suffix}`;
}

/** Every đồng, grouped: "2.500.000.000" (vi) or "2,500,000,000" (en). */
export function formatDongExact(amount: number | null | undefined, lang: Lang): string {
  if (amount === null || amount === undefined) return '—';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 0 }).format(amount);
}

/** "5,0 %" / "5.0%" */
export function formatRate(rate: number | null | undefined, lang: Lang): string {
  if (rate === null || rate === undefined) return '—';
  return formatPercent(rate, { decimals: 1, keepZeros: true, lang });
}
