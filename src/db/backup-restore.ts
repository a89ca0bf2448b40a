import { basename } from 'node:path';
import type { Db, Queryable } from './client';
import { BackupError, type TBackupFooter, type TBackupHeader } from './backup-format';
import { readBackup, verifyBackup } from './backup-read';
import { backupTables, quoteIdent, STABLE_OUTPUT, tableChecksum, type BackupTable } from './backup-tables';
import { schemaVersionIfAny } from './migrate';

/** Rows per insert, and a cap on the JSON text of one insert: memory stays bounded whatever the table's size. */
const CHUNK_ROWS = 5000;
const CHUNK_CHARS = 8 * 1_048_576;

export interface RestoreSummary {
  header: TBackupHeader;
  footer: TBackupFooter;
}

interface DbError extends Error {
  code?: string;
  table?: string;
  constraint?: string;
}

/** The database's refusal in Vietnamese, naming the table and the rule: never the rows or the SQL. */
function explain(err: DbError): string {
  const where = err.table ? ` ở bảng ${err.table}` : '';
  const rule = err.constraint ? ` (${err.constraint})` : '';
  if (err.code === '23503') return `dữ liệu${where} tham chiếu tới dòng không có${rule}`;
  if (err.code === '23505') return `dữ liệu${where} bị trùng khoá${rule}`;
  if (err.code === '23502' || err.code === '23514') return `dữ liệu${where} vi phạm ràng buộc${rule}`;
  if (err.code) return `lỗi cơ sở dữ liệu mã ${err.code}${where}`;
  return `lỗi ${err.name ?? 'không rõ'}`;
}

/**
 * Loads a verified backup into an empty database at the backup's schema version, in one
 * transaction: a failure at any row leaves the database as it was. Like pg_restore, the
 * foreign keys and the indexes that back no constraint are dropped during the load and
 * built again after it (one set-based check or sort each, and no ordering problem with
 * self-references); identity
 * columns take the stored values (OVERRIDING SYSTEM VALUE) and every sequence is set to
 * where it was. Before committing, every table's row count and checksum are computed on
 * this engine and compared with the file's: the restore proves itself.
 */
export async function restoreBackup(db: Db, file: string, verified?: RestoreSummary): Promise<RestoreSummary> {
  const { header, footer } = verified ?? (await verifyBackup(file));
  const version = await schemaVersionIfAny(db);
  if (header.schemaVersion !== version) {
    throw new BackupError(`Bản sao lưu ở phiên bản lược đồ ${header.schemaVersion}, cơ sở dữ liệu đích ở ${version ?? 'chưa khởi tạo'}; hãy khôi phục vào một cơ sở dữ liệu trống.`);
  }
  await db.transaction(async (tx) => {
    await tx.exec(STABLE_OUTPUT);
    const used = await tx.query<{ used: boolean }>('select exists (select 1 from users) or exists (select 1 from units) as used');
    if (used[0]!.used) throw new BackupError('Cơ sở dữ liệu đích đã có dữ liệu; hãy khôi phục vào một cơ sở dữ liệu trống (DATA_DIR mới hoặc database PostgreSQL mới).');
    const target = new Map((await backupTables(tx)).map((t) => [t.name, t]));
    for (const t of Object.keys(footer.tables)) {
      if (!target.has(t)) throw new BackupError(`Bản sao lưu có bảng ${t} mà cơ sở dữ liệu đích không có; không khôi phục.`);
    }
    const tables = [...target.values()].filter((t) => t.name in footer.tables);
    const keys = await dropForeignKeys(tx, tables);
    const indexes = await dropSecondaryIndexes(tx, tables);
    for (const t of tables) await tx.exec(`alter table ${quoteIdent(t.name)} disable trigger user`);
    // Rows a first start may have written (holidays, settings) give way to the backup's.
    for (const t of [...tables].reverse()) await tx.exec(`delete from ${quoteIdent(t.name)}`);
    await load(tx, file, target);
    for (const i of indexes) await tx.exec(i.def);
    for (const k of keys) await tx.exec(`alter table ${quoteIdent(k.table)} add constraint ${quoteIdent(k.name)} ${k.def}`);
    for (const t of tables) await tx.exec(`alter table ${quoteIdent(t.name)} enable trigger user`);
    for (const t of tables) {
      const got = await tableChecksum(tx, t.name);
      const want = footer.tables[t.name]!;
      if (got.rows !== want.rows || got.checksum !== want.checksum) {
        throw new BackupError(`Dữ liệu khôi phục của bảng ${t.name} không khớp bản sao lưu (${got.rows}/${want.rows} dòng); đã hoàn tác, cơ sở dữ liệu không thay đổi.`);
      }
    }
  }).catch((err: unknown) => {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`Khôi phục từ ${basename(file)} thất bại: ${explain(err as DbError)}; đã hoàn tác, cơ sở dữ liệu không thay đổi.`);
  });
  return { header, footer };
}

async function dropForeignKeys(tx: Queryable, tables: BackupTable[]) {
  const keys = await tx.query<{ table: string; name: string; def: string }>(
    `select cl.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as def
       from pg_constraint k join pg_class cl on cl.oid = k.conrelid join pg_namespace n on n.oid = cl.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and cl.relname = any($1::text[])
      order by 1, 2`,
    [tables.map((t) => t.name)],
  );
  for (const k of keys) await tx.exec(`alter table ${quoteIdent(k.table)} drop constraint ${quoteIdent(k.name)}`);
  return keys;
}

/** Indexes that serve queries only (not a primary key or unique constraint): built once after the load. */
async function dropSecondaryIndexes(tx: Queryable, tables: BackupTable[]) {
  const indexes = await tx.query<{ name: string; def: string }>(
    `select i.relname as name, pg_get_indexdef(i.oid) as def
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relname = any($1::text[])
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
      order by 1`,
    [tables.map((t) => t.name)],
  );
  for (const i of indexes) await tx.exec(`drop index ${quoteIdent(i.name)}`);
  return indexes;
}

async function load(tx: Queryable, file: string, target: Map<string, BackupTable>) {
  let table: BackupTable | undefined;
  let insert = '';
  let rows: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    const json = `[${rows.join(',')}]`;
    rows = [];
    chars = 0;
    await tx.query(insert, [json]);
  };
  for await (const item of readBackup(file)) {
    if (item.kind === 'row') {
      rows.push(item.json);
      chars += item.json.length;
      if (rows.length >= CHUNK_ROWS || chars >= CHUNK_CHARS) await flush();
    } else if (item.kind === 'table') {
      await flush();
      table = target.get(item.name)!;
      const same = item.columns.length === table.columns.length && item.columns.every((c, i) => c === table!.columns[i]);
      if (!same) throw new BackupError(`Các cột của bảng ${item.name} trong bản sao lưu khác cơ sở dữ liệu đích; không khôi phục.`);
      const cols = table.columns.map(quoteIdent).join(', ');
      const t = quoteIdent(table.name);
      insert = `insert into ${t} (${cols}) overriding system value select ${cols} from json_populate_recordset(null::${t}, $1::text::json)`;
    } else {
      await flush();
      for (const [seq, s] of Object.entries(item.value)) {
        await tx.query(`select setval(c.oid, $2, $3) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'S' and c.relname = $1`, [seq, s.lastValue, s.isCalled]);
      }
    }
  }
  await flush();
}
