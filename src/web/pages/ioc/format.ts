import type { Lang } from '../../i18n/lang';

const nf = (lang: Lang, max: number) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: max });

export function num(n: number | null | undefined, lang: Lang, max = 1): string {
  return n === null || n === undefined ? '—' : nf(lang, max).format(n);
}

/** Integer đồng → "397" (tỷ đồng), one decimal below 10 tỷ. */
export function ty(dong: number, lang: Lang): string {
  const v = dong / 1e9;
  return nf(lang, Math.abs(v) < 10 ? 1 : 0).format(v);
}

export function pct(n: number | null | undefined, lang: Lang, max = 1): string {
  return n === null || n === undefined ? '—' : `${nf(lang, max).format(n)}%`;
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
