import { randomBytes } from 'node:crypto';
import type { Db } from './client';
import { currentSchemaVersion } from './migrate';

// Sessions and login counters are not business data; a restored system starts logged out.
const SKIPPED = new Set(['schema_migrations', 'sessions', 'login_throttle']);

/** Tables in an order where every referenced table comes before the tables that reference it. */
async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = (await db.query<{ t: string }>(
    `select c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by 1`,
  )).map((r) => r.t);
  const deps = await db.query<{ child: string; parent: string }>(
    `select cl.relname as child, pl.relname as parent from pg_constraint k
       join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
       join pg_namespace n on n.oid = cl.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and cl.relname <> pl.relname`,
  );
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const d of deps) if (d.child === t) visit(d.parent, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered.filter((t) => !SKIPPED.has(t));
}

/**
 * A plain-SQL dump that either engine can restore into a freshly migrated, empty
 * database: one `insert … select from json_populate_recordset` per table, which keeps
 * every type exact (numeric, jsonb, arrays, timestamps) without a pg_dump binary.
 */
export async function dumpDatabase(db: Db, write: (chunk: string) => void, now = new Date()): Promise<{ tables: number; rows: number }> {
  const version = await currentSchemaVersion(db);
  write(`-- Hải Đăng backup\n-- created: ${now.toISOString()}\n-- engine: ${db.engine}\n-- schema-version: ${version}\n`);
  write('-- Restore with: haidang restore <this file> (into an empty database at the same schema version)\nbegin;\n');
  let rows = 0;
  const tables = await tablesInDependencyOrder(db);
  for (const t of tables) {
    const data = await db.query<{ j: string | null; n: number }>(`select coalesce(json_agg(x), '[]')::text as j, count(*)::int as n from ${t} x`);
    const n = data[0]?.n ?? 0;
    if (n === 0) continue;
    rows += n;
    let tag = 'hd';
    while (data[0]!.j!.includes(`$${tag}$`)) tag = `hd${randomBytes(4).toString('hex')}`;
    write(`insert into ${t} select * from json_populate_recordset(null::${t}, $${tag}$${data[0]!.j}$${tag}$);\n`);
  }
  const seqs = await db.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'`,
  );
  for (const s of seqs) {
    if (SKIPPED.has(s.table_name)) continue;
    write(`select setval(pg_get_serial_sequence('${s.table_name}', '${s.column_name}'), coalesce((select max(${s.column_name}) from ${s.table_name}), 0) + 1, false);\n`);
  }
  write('commit;\n');
  return { tables: tables.length, rows };
}

export async function restoreDatabase(db: Db, sql: string): Promise<void> {
  const m = /^-- schema-version: (\S+)$/m.exec(sql);
  if (!m) throw new Error('Tệp không phải bản sao lưu của Hải Đăng (thiếu dòng schema-version)');
  const version = await currentSchemaVersion(db);
  if (m[1] !== version) throw new Error(`Bản sao lưu ở phiên bản lược đồ ${m[1]}, cơ sở dữ liệu đang ở ${version}`);
  const used = await db.query<{ n: number }>('select count(*)::int as n from units');
  if (used[0]!.n > 0) throw new Error('Cơ sở dữ liệu đích đã có dữ liệu; hãy khôi phục vào một cơ sở dữ liệu trống');
  await db.exec(sql);
}
