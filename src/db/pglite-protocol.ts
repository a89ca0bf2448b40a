/** Messages between the server thread (pglite-thread.ts) and the engine's worker (pglite-worker.ts). */
export type Request =
  /** `blob`: the data of a `COPY … FROM '/dev/blob'` (bulk load of staging rows). */
  | { id: number; op: 'query'; sql: string; params?: readonly unknown[]; tx?: number; blob?: string }
  | { id: number; op: 'exec'; sql: string; tx?: number }
  /** Answers with a transaction number once the engine has begun it (it then holds the engine). */
  | { id: number; op: 'begin' }
  /** Commits (or rolls back) and answers when the engine is free again. */
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'close' };

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: SerializedError };

/** The worker announces once the engine has opened (or failed to). */
export type Ready = { ready: true } | { ready: false; error: SerializedError };

/**
 * A database error crosses the thread boundary as its fields: the callers look at `code`
 * (23505, 23503…) and `constraint` as they would on node-postgres.
 */
export interface SerializedError {
  name: string;
  message: string;
  fields: Record<string, string | number | undefined>;
}

// The query text and parameters stay behind: parameters can be megabytes of staged rows.
const FIELDS = ['code', 'severity', 'detail', 'hint', 'position', 'where', 'schema', 'table', 'column', 'dataType', 'constraint', 'routine'] as const;

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { name: 'Error', message: String(err), fields: {} };
  const fields: SerializedError['fields'] = {};
  const source = err as unknown as Record<string, unknown>;
  for (const f of FIELDS) {
    const v = source[f];
    if (typeof v === 'string' || typeof v === 'number') fields[f] = v;
  }
  return { name: err.name, message: err.message, fields };
}

export function deserializeError(e: SerializedError): Error {
  const err = new Error(e.message);
  err.name = e.name;
  Object.assign(err, e.fields);
  return err;
}
