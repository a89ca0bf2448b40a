import { Select, Space } from 'antd';
import { formatPeriodKey, parsePeriodKey, periodLabel, periodsPerYear, type PeriodType } from '../../../core/periods/period-key';
import type { Lang } from '../../i18n/lang';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { useIndText } from './messages';

export const PERIOD_TYPE_ORDER: readonly PeriodType[] = ['month', 'quarter', 'half', 'nine_months', 'year'];
const RANK: Record<PeriodType, number> = { month: 0, quarter: 1, half: 2, nine_months: 3, year: 4 };

/** Types a rollup can be asked for when values come at `base` periodicity. */
export function typesAtLeast(base: PeriodType): PeriodType[] {
  return PERIOD_TYPE_ORDER.filter((t) => RANK[t] >= RANK[base] && !(base === 'nine_months' && (t === 'half' || t === 'quarter')));
}

export function periodText(key: string, lang: Lang): string {
  if (lang === 'vi') return periodLabel(key);
  const { type, year, index } = parsePeriodKey(key);
  switch (type) {
    case 'month':
      return `${String(index).padStart(2, '0')}/${year}`;
    case 'quarter':
      return `Q${index} ${year}`;
    case 'half':
      return `H${index} ${year}`;
    case 'nine_months':
      return `9 months ${year}`;
    case 'year':
      return String(year);
  }
}

export function periodKeys(type: PeriodType, year: number): string[] {
  return Array.from({ length: periodsPerYear(type) }, (_, i) => formatPeriodKey({ type, year, index: i + 1 }));
}

/** A number as people read it, with the unit of measure: "27,9 %", "1.234 hồ sơ", "0,7857 điểm". */
export function formatValue(n: number | null | undefined, uom: string, lang: Lang): string {
  if (n === null || n === undefined) return '—';
  const digits = Math.abs(n) < 1 ? 4 : Math.abs(n) < 100 ? 2 : 1;
  const text = formatNumber(n, lang, digits);
  if (uom === '%') return `${text} %`;
  return uom ? `${text} ${uom}` : text;
}

export function formatCount(n: number | null | undefined, lang: Lang): string {
  return n === null || n === undefined ? '—' : formatNumber(n, lang);
}

export const YEARS = Array.from({ length: 2030 - 2019 + 1 }, (_, i) => 2019 + i);

/** Period type, year and the period within it. */
export function PeriodPicker({ value, onChange, types, id }: { value: string; onChange: (key: string) => void; types: readonly PeriodType[]; id?: string }) {
  const t = useIndText();
  const { lang } = useI18n();
  const p = parsePeriodKey(value);
  const setType = (type: PeriodType) => onChange(periodKeys(type, p.year)[Math.min(p.index, periodsPerYear(type)) - 1] ?? String(p.year));
  return (
    <Space.Compact id={id}>
      <Select<PeriodType>
        aria-label={t('periodType')}
        value={p.type}
        style={{ width: 110 }}
        onChange={setType}
        options={types.map((ty) => ({ value: ty, label: t(`ptype.${ty}`) }))}
      />
      <Select<number>
        aria-label={t('year')}
        value={p.year}
        style={{ width: 96 }}
        onChange={(y) => onChange(formatPeriodKey({ type: p.type, year: y, index: p.index }))}
        options={YEARS.map((y) => ({ value: y, label: String(y) }))}
      />
      {periodsPerYear(p.type) > 1 ? (
        <Select<string>
          aria-label={t('period')}
          value={value}
          style={{ width: 150 }}
          onChange={onChange}
          options={periodKeys(p.type, p.year).map((k) => ({ value: k, label: periodText(k, lang) }))}
        />
      ) : null}
    </Space.Compact>
  );
}
