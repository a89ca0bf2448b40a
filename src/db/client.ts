/**
 * One PostgreSQL dialect, two engines. The rest of the code sees only `Db`:
 * explicit SQL with positional parameters, and transactions that hand out their own
 * handle. Inside `transaction(fn)` use only the `tx` passed in: on PGlite the outer
 * handle waits for the transaction to end, so touching it there deadlocks.
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements (migrations, dumps); no parameters. */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Bulk load: `COPY table (columns) FROM STDIN` with `text` in COPY's text format (one row
   * per line, tab-separated, `\N` for null; see copy-text.ts). Committed on its own, so use
   * it for staging tables that a later transaction merges. PostgreSQL through
   * pg-copy-streams, PGlite through its COPY FROM '/dev/blob'.
   */
  copyIn(table: string, columns: readonly string[], text: string): Promise<void>;
  close(): Promise<void>;
  /**
   * The embedded engine runs one statement at a time: this says how long it has been
   * occupied (a statement or an open transaction), so that a health probe can answer
   * without queueing behind a long import. Absent on PostgreSQL, which has a pool.
   */
  activity?(): EngineActivity;
}

export interface EngineActivity {
  /** Milliseconds since the engine became busy; 0 when idle. */
  busyForMs: number;
  /** Requests waiting for or running in the engine. */
  pending: number;
}

/** Where the database layer reports what it cannot throw (the server passes its pino logger). */
export interface DbLogger {
  info(msg: string): void;
  warn(msg: string): void;
}

// Types are parsed the same way on both engines so that results never differ:
// int8 → number (counts, integer đồng; safe up to 9 × 10^15), numeric → number,
// date → 'YYYY-MM-DD' string, timestamptz → ISO string.
export const OID = { int8: 20, numeric: 1700, date: 1082, timestamptz: 1184, timestamp: 1114 } as const;

export function parseInt8(v: string): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${v} exceeds the safe integer range`);
  return n;
}
export const parseNumeric = (v: string): number => Number(v);
export const parseDate = (v: string): string => v;
export const parseTimestamp = (v: string): string => new Date(v.includes('T') || /[+-]\d\d(:?\d\d)?$/.test(v) ? v : `${v}Z`).toISOString();
