/**
 * Rows in PostgreSQL's COPY text format: columns separated by a tab, rows by a newline,
 * `\N` for null, and backslash, tab, newline and carriage return escaped inside values.
 * Used to stream staging rows into the database with one COPY per chunk.
 */
export type CopyValue = string | number | boolean | null | undefined;

const SPECIAL = /[\\\t\n\r]/;

function escape(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export function copyValue(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`COPY: số không hợp lệ ${v}`);
    return String(v);
  }
  return escape(v);
}

export function copyLine(values: readonly CopyValue[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) out += (i ? '\t' : '') + copyValue(values[i]);
  return `${out}\n`;
}

/** COPY's column list: identifiers are the project's own constants, checked to be plain names. */
export function copyStatement(table: string, columns: readonly string[], source: 'STDIN' | "'/dev/blob'"): string {
  for (const id of [table, ...columns]) if (!/^[a-z_][a-z0-9_]*$/.test(id)) throw new Error(`COPY: tên không hợp lệ "${id}"`);
  return `copy ${table} (${columns.join(', ')}) from ${source}`;
}
