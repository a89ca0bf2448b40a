import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, gunzipSync } from 'node:zlib';
import {
  BackupError, FORMAT_VERSION, MAGIC, RowChecksum, splitControl, ZBackupFooter, ZBackupHeader, ZSequences,
  type TBackupFooter, type TBackupHeader,
} from './backup-format';

export type BackupItem =
  | { kind: 'table'; name: string; columns: string[] }
  | { kind: 'row'; json: string }
  | { kind: 'sequences'; value: Record<string, { lastValue: number; isCalled: boolean }> };

const isGzip = async (file: string) => {
  const fh = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await fh.close();
  }
};

const name = (file: string) => basename(file);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The file's lines (without their \n), through gunzip when it is compressed. */
async function* lines(file: string): AsyncGenerator<string> {
  const source = createReadStream(file);
  let input: NodeJS.ReadableStream = source;
  if (await isGzip(file)) {
    const gunzip = createGunzip();
    source.on('error', (err) => gunzip.destroy(err));
    input = source.pipe(gunzip);
  }
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      pending += decoder.write(chunk);
      let start = 0;
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', start)) {
        yield pending.slice(start, nl);
        start = nl + 1;
      }
      pending = pending.slice(start);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new BackupError(`Tệp sao lưu ${name(file)} bị cắt ngắn hoặc hỏng (không giải nén được đến hết); hãy dùng một bản sao lưu khác.`);
    }
    throw err;
  }
  pending += decoder.end();
  // A last line without its newline was cut short; it is handed on and fails the checks.
  if (pending) yield pending;
}

/** The first line only: whose file this is and at which schema version. */
export async function readBackupHeader(file: string): Promise<TBackupHeader> {
  await stat(file).catch(() => {
    throw new BackupError(`Không tìm thấy tệp ${file}.`);
  });
  for await (const line of lines(file)) return parseHeader(file, line);
  throw new BackupError(`Tệp ${name(file)} rỗng, không phải bản sao lưu của Hải Đăng.`);
}

function parseHeader(file: string, line: string): TBackupHeader {
  if (line.startsWith('-- Hải Đăng backup')) throw new BackupError(`Tệp ${name(file)} là bản sao lưu dạng SQL cũ, không khôi phục được bằng phiên bản này.`);
  const [magic, rest] = splitControl(line);
  const [version, json] = splitControl(rest);
  if (magic !== MAGIC) throw new BackupError(`Tệp ${name(file)} không phải bản sao lưu của Hải Đăng.`);
  if (version !== String(FORMAT_VERSION)) throw new BackupError(`Tệp ${name(file)} là bản sao lưu định dạng ${version}, phiên bản này đọc định dạng ${FORMAT_VERSION}.`);
  const h = ZBackupHeader.safeParse(parseJson(json));
  if (!h.success) throw new BackupError(`Tệp sao lưu ${name(file)} bị hỏng ở dòng đầu.`);
  return h.data;
}

/**
 * Reads the file item by item. With `verify`, first the whole file is read once: it must
 * end with the END marker, its bytes must hash to the marker's sha256, and every table's
 * rows must match the marker's count and checksum. Only then does the caller see a row.
 */
export async function* readBackup(file: string): AsyncGenerator<BackupItem> {
  let first = true;
  for await (const line of lines(file)) {
    if (first) {
      first = false;
      continue;
    }
    if (line.startsWith('{')) {
      yield { kind: 'row', json: line };
      continue;
    }
    const [word, rest] = splitControl(line);
    if (word === 'TABLE') {
      const [table, cols] = splitControl(rest);
      yield { kind: 'table', name: table, columns: parseJson(cols) as string[] };
    } else if (word === 'SEQUENCES') {
      yield { kind: 'sequences', value: ZSequences.parse(parseJson(rest)) };
    } else if (word === 'END') {
      return;
    }
  }
}

export async function verifyBackup(file: string): Promise<{ header: TBackupHeader; footer: TBackupFooter }> {
  const header = await readBackupHeader(file);
  const hash = createHash('sha256');
  const sums = new Map<string, RowChecksum>();
  let current: RowChecksum | undefined;
  let footer: TBackupFooter | undefined;
  let lineNo = 0;
  const altered = (what: string) => new BackupError(`Tệp sao lưu ${name(file)} đã bị sửa hoặc hỏng (${what}); không khôi phục.`);
  for await (const line of lines(file)) {
    lineNo++;
    if (footer) throw altered(`có nội dung sau dấu kết thúc, dòng ${lineNo}`);
    if (line.startsWith('END ')) {
      const f = ZBackupFooter.safeParse(parseJson(line.slice(4)));
      if (!f.success) throw altered('dấu kết thúc không đọc được');
      footer = f.data;
      continue;
    }
    hash.update(`${line}\n`, 'utf8');
    if (lineNo === 1) continue;
    if (line.startsWith('{')) {
      if (!current) throw altered(`dòng ${lineNo} nằm ngoài bảng nào`);
      current.add(line);
      continue;
    }
    const [word, rest] = splitControl(line);
    if (word === 'TABLE') {
      const [table, cols] = splitControl(rest);
      const columns = parseJson(cols);
      if (!table || sums.has(table) || !Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) throw altered(`dòng ${lineNo}`);
      current = new RowChecksum();
      sums.set(table, current);
    } else if (word === 'SEQUENCES') {
      if (!ZSequences.safeParse(parseJson(rest)).success) throw altered(`dòng ${lineNo}`);
      current = undefined;
    } else {
      throw altered(`dòng ${lineNo} không đúng định dạng`);
    }
  }
  if (!footer) throw new BackupError(`Tệp sao lưu ${name(file)} chưa hoàn chỉnh (thiếu dấu kết thúc): quá trình sao lưu có thể đã bị dừng giữa chừng; hãy dùng một bản sao lưu khác.`);
  if (hash.digest('hex') !== footer.sha256) throw altered('mã kiểm tra của tệp không khớp');
  const names = new Set([...sums.keys(), ...Object.keys(footer.tables)]);
  for (const t of names) {
    const got = sums.get(t)?.value;
    const want = footer.tables[t];
    if (!got || !want || got.rows !== want.rows || got.checksum !== want.checksum) throw altered(`bảng ${t} không khớp số dòng hoặc mã kiểm tra`);
  }
  return { header, footer };
}

/**
 * The END line read from the end of the file, without reading the rest: the list of
 * backups shows every file's row counts this way. Null when the file has no marker
 * (cut short) or is not ours.
 */
export async function readBackupFooter(file: string): Promise<TBackupFooter | null> {
  const size = (await stat(file)).size;
  const tailSize = Math.min(size, 1_048_576);
  const fh = await open(file, 'r');
  let tail: Buffer;
  try {
    tail = Buffer.alloc(tailSize);
    await fh.read(tail, 0, tailSize, size - tailSize);
  } finally {
    await fh.close();
  }
  const texts: string[] = [];
  if (await isGzip(file)) {
    // The marker is the last gzip member: try each member start from the end backwards.
    for (let i = tail.lastIndexOf(Buffer.from([0x1f, 0x8b, 0x08])); i >= 0; i = i === 0 ? -1 : tail.lastIndexOf(Buffer.from([0x1f, 0x8b, 0x08]), i - 1)) {
      try {
        texts.push(gunzipSync(tail.subarray(i)).toString('utf8'));
        break;
      } catch {
        // Not a member start (the bytes occur inside compressed data): keep looking.
      }
    }
  } else {
    texts.push(tail.toString('utf8'));
  }
  for (const text of texts) {
    if (!text.endsWith('\n')) continue;
    const last = text.slice(text.lastIndexOf('\n', text.length - 2) + 1, -1);
    if (!last.startsWith('END ')) continue;
    const f = ZBackupFooter.safeParse(parseJson(last.slice(4)));
    if (f.success) return f.data;
  }
  return null;
}
