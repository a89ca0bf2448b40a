import { formatNumber, formatPercent } from '../../../core/format/number';
import type { Lang } from '../../i18n/lang';

export function num(n: number | null | undefined, lang: Lang, max = 1): string {
  return n === null || n === undefined ? '—' : formatNumber(n, { decimals: max, lang });
}

/** Integer đồng → "397" (tỷ đồng), one decimal below 10 tỷ. */
export function ty(dong: number, lang: Lang): string {
  const v = dong / 1e9;
  return formatNumber(v, { decimals: Math.abs(v) < 10 ? 1 : 0, lang });
}

/** A rate as every screen writes it (core/format): "5,04 %"; two places by default, as the rates are computed. */
export function pct(n: number | null | undefined, lang: Lang, max = 2): string {
  return formatPercent(n, { decimals: max, lang });
}

/** A value with its unit of measure, "27,9%" or "1.234 hồ sơ". */
export function withUnit(n: number | null, unit: string, lang: Lang): string {
  if (n === null) return '—';
  return unit === '%' ? pct(n, lang) : `${num(n, lang)}${unit ? ` ${unit}` : ''}`;
}

const vnParts = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();

/** "10:32 22/11" in Vietnam time: how fresh a figure is, short enough for a panel header. */
export function freshness(iso: string): string {
  const v = vnParts(iso);
  return `${v.slice(11, 16)} ${v.slice(8, 10)}/${v.slice(5, 7)}`;
}

export function vnDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
