import { EVALUATION_CLASS_LABEL_VI } from './criteria';
import type { ComponentScore, UnitScore } from './score-types';

/** 1234.5 → "1.234,5"; at most `maxDecimals` decimals, trailing zeros dropped. */
export function formatNumberVi(n: number, maxDecimals = 2): string {
  const fixed = Math.abs(n).toFixed(maxDecimals);
  const [int = '0', frac = ''] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const decimals = frac.replace(/0+$/, '');
  const sign = n < 0 && Number(fixed) !== 0 ? '-' : '';
  return decimals ? `${sign}${grouped},${decimals}` : `${sign}${grouped}`;
}

function componentText(c: ComponentScore): string {
  if (!c.applicable || c.raw === null) return `${c.name}: không có số liệu, không tính`;
  const value = c.unit === 'percent' ? `${formatNumberVi(c.raw, 1)}%` : formatNumberVi(c.raw);
  return `${c.name} ${value} (${formatNumberVi(c.points)}/${formatNumberVi(c.weight)} điểm)`;
}

function weakest(components: readonly ComponentScore[]): ComponentScore | null {
  let worst: ComponentScore | null = null;
  for (const c of components) {
    if (c.normalised === null || c.normalised >= 1) continue;
    if (!worst || c.normalised < (worst.normalised ?? 1)) worst = c;
  }
  return worst;
}

/** The one-line Vietnamese reason a unit officer reads: class, score, every component, the weakest. */
export function reasonVi(u: Omit<UnitScore, 'reason'>): string {
  if (u.score === null || u.evaluationClass === null) {
    return 'Chưa xếp loại: chưa có số liệu cho tiêu chí nào.';
  }
  const head = `${EVALUATION_CLASS_LABEL_VI[u.evaluationClass]} — ${formatNumberVi(u.score)}/100 điểm, xếp thứ ${u.rank}`;
  const parts = u.components.map(componentText).join('; ');
  const low = weakest(u.components);
  const tail = low ? `; thấp nhất: ${low.name.charAt(0).toLowerCase()}${low.name.slice(1)}` : '';
  return `${head}: ${parts}${tail}.`;
}
