import type { Db, Queryable } from './client';

/**
 * What a backup holds: every table of the public schema, except
 *  - tables declared UNLOGGED: rows that may be lost in a crash are transient by
 *    declaration (the staging rows of an import; PostgreSQL empties an unlogged table
 *    after a crash). A new staging table must be created `create unlogged table …`;
 *    test/integration/backup-rule.test.ts fails for a staging-named table that is not;
 *  - the session tables below: a restored system starts logged out, with no throttling;
 *  - schema_migrations: the backup records its schema version and the target is migrated.
 */
export const NOT_BACKED_UP: readonly string[] = ['schema_migrations', 'sessions', 'login_failures'];

export interface BackupTable {
  name: string;
  /** Columns a restore inserts (stored generated columns are recomputed), in table order. */
  columns: string[];
}

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Settings under which row text is the same on PGlite (PostgreSQL 18) and a PostgreSQL
 * server, so that a checksum computed on one engine equals the other's.
 */
export const STABLE_OUTPUT = [
  `set local timezone to 'Asia/Ho_Chi_Minh'`,
  `set local datestyle to 'ISO, YMD'`,
  `set local intervalstyle to 'postgres'`,
  `set local extra_float_digits to 1`,
  `set local bytea_output to 'hex'`,
].join('; ');

/** The row as one line of JSON: the text a backup stores and a checksum hashes. */
export const rowJson = (alias: string) => `row_to_json(${alias})::text`;

/** Backed-up tables, each after the tables it references (self-references aside). */
export async function backupTables(db: Queryable): Promise<BackupTable[]> {
  const rows = await db.query<{ name: string; columns: string[] }>(
    `select c.relname as name,
            array_agg(a.attname::text order by a.attnum) filter (where a.attgenerated = '') as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition and c.relpersistence = 'p'
        and c.relname <> all($1::text[])
      group by c.relname
      order by c.relname`,
    [NOT_BACKED_UP],
  );
  const deps = await db.query<{ child: string; parent: string }>(
    `select cl.relname as child, pl.relname as parent
       from pg_constraint k
       join pg_class cl on cl.oid = k.conrelid
       join pg_class pl on pl.oid = k.confrelid
       join pg_namespace n on n.oid = cl.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and cl.relname <> pl.relname`,
  );
  const byName = new Map(rows.map((r) => [r.name, r]));
  const ordered: BackupTable[] = [];
  const done = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t) || !byName.has(t)) return;
    path.add(t);
    for (const d of deps) if (d.child === t) visit(d.parent, path);
    done.add(t);
    ordered.push({ name: t, columns: byName.get(t)!.columns });
  };
  for (const r of rows) visit(r.name, new Set());
  return ordered;
}

/** Sequences of the public schema with their position (identity columns, serials, standalone). */
export async function sequenceStates(db: Queryable): Promise<Record<string, { lastValue: number; isCalled: boolean }>> {
  const names = await db.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'S' order by 1`,
  );
  const out: Record<string, { lastValue: number; isCalled: boolean }> = {};
  // One statement for all of them: a sequence is read as a one-row relation.
  if (names.length === 0) return out;
  const rows = await db.query<{ name: string; last_value: number; is_called: boolean }>(
    names.map((s) => `select '${s.name.replace(/'/g, "''")}' as name, last_value, is_called from ${quoteIdent(s.name)}`).join(' union all '),
  );
  for (const r of rows) out[r.name] = { lastValue: r.last_value, isCalled: r.is_called };
  return out;
}

/**
 * Row count and an order-independent checksum of every row's JSON text: the sum of the
 * first 60 bits of each row's MD5. The backup writer computes the same sum in JavaScript
 * over the lines it writes, so file, source and restored database can all be compared.
 */
export async function tableChecksum(db: Queryable, table: string): Promise<{ rows: number; checksum: string }> {
  const r = await db.query<{ rows: number; checksum: string }>(
    `select count(*)::int as rows,
            coalesce(sum(('x' || substr(md5(${rowJson('x')}), 1, 15))::bit(60)::bigint), 0)::text as checksum
       from ${quoteIdent(table)} x`,
  );
  return r[0]!;
}

/** Every backed-up table's row count and checksum: what a restored database is compared by. */
export async function databaseChecksums(db: Db): Promise<Record<string, { rows: number; checksum: string }>> {
  return db.transaction(async (tx) => {
    await tx.exec(`set transaction isolation level repeatable read, read only; ${STABLE_OUTPUT}`);
    const out: Record<string, { rows: number; checksum: string }> = {};
    for (const t of await backupTables(tx)) out[t.name] = await tableChecksum(tx, t.name);
    return out;
  });
}
