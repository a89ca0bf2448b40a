import type { Queryable } from '../../../../db/client';
import type { TPanelKey, TPanelStatus } from '../../../../contracts/dashboard';
import { existingTables } from '../queries';

export { existingTables };

/** What a panel is computed for: one year, seen on `asOf` (today, or 31/12 of a past year). */
export interface PanelContext {
  q: Queryable;
  /** Every figure is of this province: one deployment holds many (docs/decisions.md). */
  provinceId: string;
  year: number;
  from: string;
  to: string;
  asOf: string;
  today: string;
  /** Results shared between panels of one refresh (the attention list reuses per-unit figures). */
  memo: Map<string, Promise<unknown>>;
}

export interface PanelResult<P = unknown> {
  status: TPanelStatus;
  message: string | null;
  payload: P;
}

export interface PanelDef<P = unknown> {
  key: TPanelKey;
  /** API paths whose writes can change this panel; a write elsewhere leaves it alone. */
  affectedBy: readonly string[];
  /** The detail page; may depend on what was computed (the evaluation run shown). */
  link(ctx: { year: number }, payload: P): string;
  compute(ctx: PanelContext): Promise<PanelResult<P>>;
}

export const NO_DATA = 'Chưa có dữ liệu';

export function ok<P>(payload: P): PanelResult<P> {
  return { status: 'ok', message: null, payload };
}

export function noData<P>(payload: P, message = NO_DATA): PanelResult<P> {
  return { status: 'no_data', message, payload };
}

export async function hasTables(q: Queryable, tables: readonly string[]): Promise<boolean> {
  return (await existingTables(q, tables)).size === tables.length;
}

/** Memoised per refresh: several panels ask for the same figures. */
export function memo<T>(ctx: PanelContext, key: string, fn: () => Promise<T>): Promise<T> {
  const seen = ctx.memo.get(key);
  if (seen) return seen as Promise<T>;
  const p = fn();
  ctx.memo.set(key, p);
  return p;
}
