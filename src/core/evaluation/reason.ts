import { formatNumber, formatPercent } from '../format/number';
import { formatDong } from '../projects/money';
import { EVALUATION_CLASS_LABEL_VI } from './criteria';
import type { ComponentScore, UnitScore } from './score-types';

/** 1234.5 → "1.234,5"; kept for callers of the evaluation module. */
export function formatNumberVi(n: number, maxDecimals = 2): string {
  return formatNumber(n, { decimals: maxDecimals });
}

/** A component's value as the budget and task screens write it: money in đồng, rates with 2 places. */
export function componentValueVi(c: Pick<ComponentScore, 'unit' | 'raw'>): string {
  if (c.raw === null) return '—';
  if (c.unit === 'money') return formatDong(BigInt(Math.round(c.raw)));
  if (c.unit === 'percent') return formatPercent(c.raw, { decimals: 2 });
  return formatNumber(c.raw);
}

function componentText(c: ComponentScore): string {
  if (!c.applicable || c.raw === null) return `${c.name}: không có số liệu`;
  const detail = c.detail ? ` (${c.detail})` : '';
  const points = c.weight > 0 ? ` — ${formatNumber(c.points)}/${formatNumber(c.weight)} điểm` : '';
  return `${c.name}: ${componentValueVi(c)}${detail}${points}`;
}

/** The Vietnamese reason a unit officer reads: class and its ground, score when weighted, rank, every component. */
export function reasonVi(u: Omit<UnitScore, 'reason'>): string {
  const parts = u.components.map(componentText).join('; ');
  if (u.evaluationClass === null) {
    return `Chưa xếp loại: không có căn cứ nào của bộ quy tắc được thoả mãn. ${parts}.`;
  }
  const score = u.score === null ? '' : `, ${formatNumber(u.score)}/100 điểm`;
  return `${EVALUATION_CLASS_LABEL_VI[u.evaluationClass]} — ${u.ground}${score}, xếp thứ ${u.rank}. ${parts}.`;
}
