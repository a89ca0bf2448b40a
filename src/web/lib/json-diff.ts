export interface DiffRow {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Field-by-field comparison of an audit row's before and after. A created record has no
 * before, a deleted one no after; a value that is not an object is compared as one field.
 */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const b = before ?? null;
  const a = after ?? null;
  if ((b !== null && !isRecord(b)) || (a !== null && !isRecord(a))) {
    return same(b, a) ? [] : [{ key: '', before: b, after: a, changed: true }];
  }
  const keys = new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})]);
  const rows: DiffRow[] = [];
  for (const key of keys) {
    const bv = b ? b[key] : undefined;
    const av = a ? a[key] : undefined;
    rows.push({ key, before: bv, after: av, changed: !same(bv, av) });
  }
  return rows;
}

/** A compact, readable rendering of one JSON value for the diff table. */
export function showValue(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ');
}
