/**
 * Money is integer đồng as bigint: 397 tỷ is 3.97e11, safe as a number, but sums over a
 * portfolio and over years must stay exact, and a bigint cannot be mixed with a float by
 * accident. Display uses Vietnamese separators: '.' for thousands, ',' for decimals.
 */

export type Dong = bigint;

export const TRIEU: Dong = 1_000_000n;
export const TY: Dong = 1_000_000_000n;

/** Integer đồng from a bigint, a safe integer number or a string of digits (optional '-'). */
export function toDong(value: bigint | number | string): Dong {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`Số tiền phải là số nguyên đồng: ${value}.`);
    return BigInt(value);
  }
  const s = value.trim();
  if (!/^-?\d+$/.test(s)) throw new RangeError(`Số tiền phải là số nguyên đồng: "${value}".`);
  return BigInt(s);
}

export function trieuDong(n: bigint | number): Dong {
  return toDong(n) * TRIEU;
}

export function tyDong(n: bigint | number): Dong {
  return toDong(n) * TY;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** amount / unit rounded half away from zero to `decimals` places, as Vietnamese text. */
function scaled(amount: Dong, unit: Dong, decimals: number, keepZeros: boolean): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 9) {
    throw new RangeError(`Số chữ số thập phân không hợp lệ: ${decimals}.`);
  }
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const factor = 10n ** BigInt(decimals);
  let q = (abs * factor) / unit;
  if (((abs * factor) % unit) * 2n >= unit) q += 1n;
  const digits = q.toString().padStart(decimals + 1, '0');
  const intPart = groupThousands(digits.slice(0, digits.length - decimals));
  let frac = decimals > 0 ? digits.slice(digits.length - decimals) : '';
  if (!keepZeros) frac = frac.replace(/0+$/, '');
  const sign = negative && q !== 0n ? '-' : '';
  return frac ? `${sign}${intPart},${frac}` : `${sign}${intPart}`;
}

export interface MoneyFormat {
  readonly decimals?: number;
  /** Keep trailing zeros ("397,0") for aligned table columns; prose drops them ("397"). */
  readonly keepZeros?: boolean;
}

/** "1.234.567 đồng" */
export function formatDong(amount: Dong): string {
  return `${scaled(amount, 1n, 0, false)} đồng`;
}

/** "1.234,5 triệu đồng" */
export function formatTrieuDong(amount: Dong, format: MoneyFormat = {}): string {
  return `${scaled(amount, TRIEU, format.decimals ?? 1, format.keepZeros ?? false)} triệu đồng`;
}

/** "1.234,5 tỷ đồng" */
export function formatTyDong(amount: Dong, format: MoneyFormat = {}): string {
  return `${scaled(amount, TY, format.decimals ?? 1, format.keepZeros ?? false)} tỷ đồng`;
}

/** Picks the unit a Vietnamese report would use: tỷ from 1 tỷ, triệu from 1 triệu, else đồng. */
export function formatMoneyVi(amount: Dong, format: MoneyFormat = {}): string {
  const abs = amount < 0n ? -amount : amount;
  if (abs >= TY) return formatTyDong(amount, format);
  if (abs >= TRIEU) return formatTrieuDong(amount, format);
  return formatDong(amount);
}

export function sumDong(parts: Iterable<Dong>): Dong {
  let sum = 0n;
  for (const p of parts) sum += p;
  return sum;
}

export interface TotalCheck {
  readonly ok: boolean;
  readonly sum: Dong;
  /** total − sum of parts */
  readonly difference: Dong;
}

export function checkTotal(total: Dong, parts: Iterable<Dong>): TotalCheck {
  const sum = sumDong(parts);
  return { ok: sum === total, sum, difference: total - sum };
}

/** A total with its parts, e.g. city → units → projects in the budget drill-down. */
export interface MoneyNode {
  readonly key: string;
  readonly amount: Dong;
  readonly children?: readonly MoneyNode[];
}

export interface TotalMismatch {
  readonly key: string;
  readonly amount: Dong;
  readonly sum: Dong;
  readonly difference: Dong;
}

/** Every node whose amount differs from the sum of its children (leaves are not checked). */
export function findTotalMismatches(root: MoneyNode): TotalMismatch[] {
  const out: TotalMismatch[] = [];
  const visit = (node: MoneyNode): void => {
    const children = node.children ?? [];
    if (children.length > 0) {
      const check = checkTotal(
        node.amount,
        children.map((c) => c.amount),
      );
      if (!check.ok) out.push({ key: node.key, amount: node.amount, sum: check.sum, difference: check.difference });
    }
    children.forEach(visit);
  };
  visit(root);
  return out;
}
