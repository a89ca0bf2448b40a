import type { Queryable } from '../../../../db/client';
import type { PanelKey, PanelStatus } from '../../../../contracts/dashboard';

/** What a panel is computed for: one year, seen on `asOf` (today, or 31/12 of a past year). */
export interface PanelContext {
  q: Queryable;
  year: number;
  from: string;
  to: string;
  asOf: string;
  today: string;
  /** Results shared between panels of one refresh (the attention list reuses per-unit figures). */
  memo: Map<string, Promise<unknown>>;
}

export interface PanelResult<P = unknown> {
  status: PanelStatus;
  message: string | null;
  payload: P;
}

export interface PanelDef<P = unknown> {
  key: PanelKey;
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

/**
 * Which of `tables` exist. The capabilities the dashboard reads (tasks, indicators and reports,
 * projects and budget) land separately; a panel whose tables are missing says so instead of failing.
 */
export async function existingTables(q: Queryable, tables: readonly string[]): Promise<Set<string>> {
  const rows = await q.query<{ name: string }>(
    `select t as name from unnest($1::text[]) t where to_regclass('public.' || t) is not null`,
    [tables],
  );
  return new Set(rows.map((r) => r.name));
}

export async function hasTables(q: Queryable, tables: readonly string[]): Promise<boolean> {
  return (await existingTables(q, tables)).size === tables.length;
}

/** Columns of a table, to read a capability whose schema may still grow. */
export async function columnsOf(q: Queryable, table: string): Promise<Set<string>> {
  const rows = await q.query<{ name: string }>(
    `select column_name as name from information_schema.columns where table_schema = 'public' and table_name = $1`,
    [table],
  );
  return new Set(rows.map((r) => r.name));
}

/** Memoised per refresh: several panels ask for the same figures. */
export function memo<T>(ctx: PanelContext, key: string, fn: () => Promise<T>): Promise<T> {
  const seen = ctx.memo.get(key);
  if (seen) return seen as Promise<T>;
  const p = fn();
  ctx.memo.set(key, p);
  return p;
}
