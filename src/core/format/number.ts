/**
 * The one rounding rule of the product: half away from zero, at the precision shown
 * (TT 200/2014 and the statistics offices round this way; JavaScript's Math.round rounds
 * −2.5 to −2 and toFixed rounds 1.005 to "1.00" because of binary floats). Every rate and
 * number a screen or an export shows goes through here, so the same figure reads the same
 * everywhere. Money keeps its own bigint formatter (core/projects/money), same rule.
 */

export type NumberLang = 'vi' | 'en';

/** x rounded half away from zero to `decimals` places (0–9). */
export function roundHalfAway(x: number, decimals = 0): number {
  if (!Number.isFinite(x)) return x;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 9) throw new RangeError(`Số chữ số thập phân không hợp lệ: ${decimals}.`);
  const f = 10 ** decimals;
  // toPrecision(15) strips the binary noise of the product (1.005 × 100 = 100.49999999999999).
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r = Math.floor(scaled + 0.5) / f;
  return x < 0 && r !== 0 ? -r : r;
}

/**
 * n / d × 100 rounded half away from zero to `decimals` places, computed exactly on integers
 * (20 / 397 → 5.04, never the 5.03 of an integer division). null when d is 0.
 */
export function percentOf(n: number | bigint, d: number | bigint, decimals = 2): number | null {
  const num = BigInt(n);
  const den = BigInt(d);
  if (den === 0n) return null;
  const negative = num < 0n !== den < 0n && num !== 0n;
  const a = num < 0n ? -num : num;
  const b = den < 0n ? -den : den;
  const scale = 10n ** BigInt(decimals);
  const q = (2n * a * 100n * scale + b) / (2n * b);
  const v = Number(q) / Number(scale);
  return negative ? -v : v;
}

function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

export interface NumberFormat {
  /** Places shown (the rounding precision). */
  readonly decimals?: number;
  /** Keep trailing zeros ("5,00") for aligned columns; prose drops them ("5"). */
  readonly keepZeros?: boolean;
  readonly lang?: NumberLang;
}

/** 1234.5 → "1.234,5" (vi) or "1,234.5" (en); at most `decimals` places (default 2). */
export function formatNumber(x: number, format: NumberFormat = {}): string {
  const decimals = format.decimals ?? 2;
  const lang = format.lang ?? 'vi';
  const r = roundHalfAway(x, decimals);
  const [int = '0', frac0 = ''] = Math.abs(r).toFixed(decimals).split('.');
  const frac = format.keepZeros ? frac0 : frac0.replace(/0+$/, '');
  const sign = r < 0 ? '-' : '';
  const [thousands, point] = lang === 'vi' ? ['.', ','] : [',', '.'];
  const grouped = group(int, thousands);
  return frac ? `${sign}${grouped}${point}${frac}` : `${sign}${grouped}`;
}

/** A percentage value (already × 100): "5,04 %" (vi, with the space Vietnamese typesetting uses) or "5.04%" (en). */
export function formatPercent(value: number | null | undefined, format: NumberFormat = {}): string {
  if (value === null || value === undefined) return '—';
  const text = formatNumber(value, format);
  return (format.lang ?? 'vi') === 'vi' ? `${text} %` : `${text}%`;
}
