import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createGzip, gzipSync } from 'node:zlib';
import type { Db } from './client';
import { backupTables, quoteIdent, rowJson, sequenceStates, STABLE_OUTPUT } from './backup-tables';
import { endLine, headerLine, RowChecksum, sequencesLine, tableLine, type TBackupFooter, type TBackupHeader, type TTableSum } from './backup-format';
import { currentSchemaVersion } from './migrate';

/** Rows per fetch from the dump cursor: a bounded slice of a table is in memory at a time. */
const FETCH = 2000;

export interface BackupSummary {
  file: string;
  bytes: number;
  header: TBackupHeader;
  footer: TBackupFooter;
}

/**
 * Streams every backed-up table (see backup-tables.ts) through `write`, inside one
 * read-only repeatable-read transaction: the file is one consistent moment of the database
 * even while others write (on PostgreSQL). On PGlite the transaction holds the engine for
 * the duration, as any transaction does. Returns the END line's content.
 */
export async function dumpDatabase(db: Db, write: (text: string) => Promise<void>, now = new Date()): Promise<{ header: TBackupHeader; footer: TBackupFooter }> {
  const hash = createHash('sha256');
  const emit = async (text: string) => {
    hash.update(text, 'utf8');
    await write(text);
  };
  return db.transaction(async (tx) => {
    await tx.exec(`set transaction isolation level repeatable read, read only; ${STABLE_OUTPUT}`);
    const header: TBackupHeader = { created: now.toISOString(), engine: db.engine, schemaVersion: await currentSchemaVersion(tx) };
    await emit(headerLine(header));
    const tables: Record<string, TTableSum> = {};
    let rows = 0;
    for (const t of await backupTables(tx)) {
      await emit(tableLine(t.name, t.columns));
      const sum = new RowChecksum();
      await tx.exec(`declare hd_dump no scroll cursor for select ${rowJson('x')} as j from ${quoteIdent(t.name)} x`);
      for (;;) {
        const batch = await tx.query<{ j: string }>(`fetch ${FETCH} from hd_dump`);
        if (batch.length === 0) break;
        let text = '';
        for (const r of batch) {
          sum.add(r.j);
          text += `${r.j}\n`;
        }
        await emit(text);
        if (batch.length < FETCH) break;
      }
      await tx.exec('close hd_dump');
      tables[t.name] = sum.value;
      rows += sum.rows;
    }
    await emit(sequencesLine(await sequenceStates(tx)));
    return { header, footer: { rows, tables, sha256: hash.digest('hex') } };
  });
}

/** Where a backup to `file` is written until it is complete. */
export const partialPath = (file: string) => `${resolve(file)}.partial-${process.pid}`;

async function writeTo(stream: NodeJS.WritableStream, text: string | Buffer, failed: () => Error | null) {
  const err = failed();
  if (err) throw err;
  if (!stream.write(text)) await once(stream, 'drain');
}

/**
 * Writes a backup to `file` (gzip when the name ends in .gz). The data goes to a temporary
 * name beside it, is flushed to disk, and only then renamed: a backup killed at any moment
 * leaves no file under the final name, only `<file>.partial-<pid>`.
 */
export async function writeBackup(db: Db, file: string, now = new Date()): Promise<BackupSummary> {
  const final = resolve(file);
  const temp = partialPath(final);
  const compressed = final.endsWith('.gz');
  const out: WriteStream = createWriteStream(temp, { flags: 'wx' });
  // A full disk surfaces here; every later write then throws it.
  let error: Error | null = null;
  out.on('error', (err) => (error ??= err));
  const failed = () => error;
  try {
    await once(out, 'open');
    const gzip = compressed ? createGzip({ level: 6 }) : null;
    if (gzip) gzip.pipe(out, { end: false });
    const body = gzip ?? out;
    const { header, footer } = await dumpDatabase(db, (text) => writeTo(body, text, failed), now);
    if (gzip) {
      gzip.end();
      await once(gzip, 'end');
      // The completion marker in a gzip member of its own (see backup-format.ts).
      await writeTo(out, gzipSync(endLine(footer)), failed);
    } else {
      await writeTo(out, endLine(footer), failed);
    }
    out.end();
    await finished(out);
    const fh = await open(temp, 'r');
    await fh.sync();
    await fh.close();
    await rename(temp, final);
    await syncDir(dirname(final));
    return { file: final, bytes: (await stat(final)).size, header, footer };
  } catch (err) {
    out.destroy();
    await rm(temp, { force: true });
    throw err;
  }
}

/** A rename is durable once the directory is flushed; some systems refuse to open one (then nothing to do). */
async function syncDir(dir: string) {
  try {
    const fh = await open(dir, 'r');
    await fh.sync().catch(() => undefined);
    await fh.close();
  } catch {
    // Directory fsync is unsupported here; the rename itself is still atomic.
  }
}
