import { parse } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { AppError } from '../errors';

/**
 * Delimited text files as people and one-stop systems save them, read with csv-parse
 * (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF).
 *
 * Encodings: UTF-8 with or without BOM, UTF-16 LE or BE with BOM. Anything else — a legacy
 * Vietnamese encoding such as Windows-1258, TCVN3 (ABC) or VNI, which cannot be told apart
 * reliably from the bytes — is refused with a message that names the problem and the fix.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export const NOT_UTF8_MESSAGE =
  'Tệp không phải mã UTF-8: có thể tệp được lưu bằng bảng mã cũ (Windows-1258, TCVN3/ABC hoặc VNI). ' +
  'Hãy mở tệp và lưu lại dạng "CSV UTF-8 (Comma delimited)" rồi nhập lại.';
const UTF16_NO_BOM_MESSAGE =
  'Tệp có vẻ là mã UTF-16 nhưng thiếu dấu BOM ở đầu tệp nên không xác định được thứ tự byte. Hãy lưu lại dạng "CSV UTF-8" rồi nhập lại.';

function encodingOf(head: Buffer): { encoding: TextEncoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // Text never holds NUL bytes; many of them at the start is UTF-16 written without a BOM.
  const sample = head.subarray(0, 512);
  let nul = 0;
  for (const b of sample) if (b === 0) nul++;
  if (sample.length >= 4 && nul * 4 >= sample.length) throw new AppError('VALIDATION', UTF16_NO_BOM_MESSAGE, 'file');
  return { encoding: 'utf-8', bom: 0 };
}

/**
 * Decodes a byte stream to text, strictly: an invalid byte sequence refuses the file rather
 * than turning into U+FFFD (a Windows-1258 file would otherwise reach the header check as
 * garbage and be refused as "missing columns").
 */
export async function* decodeText(source: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let pending = Buffer.alloc(0);
  for await (const chunk of source) {
    let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!decoder) {
      pending = Buffer.concat([pending, buf]);
      if (pending.length < 512) continue;
      const { encoding, bom } = encodingOf(pending);
      decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
      buf = pending.subarray(bom);
    }
    yield decode(decoder, buf, true);
  }
  if (!decoder) {
    const { encoding, bom } = encodingOf(pending);
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    yield decode(decoder, pending.subarray(bom), true);
  }
  yield decode(decoder, new Uint8Array(0), false);
}

function decode(decoder: TextDecoder, bytes: Uint8Array, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new AppError('VALIDATION', decoder.encoding === 'utf-8' ? NOT_UTF8_MESSAGE : 'Tệp UTF-16 có chuỗi byte không hợp lệ; hãy lưu lại dạng "CSV UTF-8" rồi nhập lại.', 'file');
  }
}

/** The delimiter of the header line: tab, semicolon (Excel in a Vietnamese locale) or comma. */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  if (count('\t') > count(',') && count('\t') > count(';')) return '\t';
  return count(';') > count(',') ? ';' : ',';
}

export interface CsvRecord {
  fields: string[];
  /** The line of the file where the record starts (1-based), as an editor shows it. */
  line: number;
}

const LINE_BREAKS = /\r\n|\n|\r/g;

/**
 * Records of a delimited text, streamed. Blank lines are skipped; the delimiter is taken from
 * the first line. Line numbers count the line breaks inside quoted fields too.
 */
export async function* csvRecords(source: AsyncIterable<Buffer | Uint8Array> | Iterable<Buffer | Uint8Array>): AsyncGenerator<CsvRecord> {
  const text = decodeText(source);
  // The first line decides the delimiter: hold decoded text until it is complete.
  let head = '';
  for (;;) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
    if (/[\r\n]/.test(head) || head.length > 65_536) break;
  }
  const delimiter = detectDelimiter(head.split(/\r\n|\n|\r/, 1)[0] ?? '');
  async function* rest() {
    if (head) yield head;
    for (;;) {
      const next = await text.next();
      if (next.done) return;
      yield next.value;
    }
  }
  // pipeline (not pipe) so that a decoding error destroys the parser and reaches the loop below.
  const parser = pipeline(Readable.from(rest()), parse({ delimiter, raw: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }), () => undefined);
  let line = 1;
  try {
    for await (const r of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = line;
      line += r.raw.match(LINE_BREAKS)?.length ?? 0;
      if (r.record.every((f) => f.trim() === '')) continue;
      yield { fields: r.record, line: start };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; lines?: number; message?: string };
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') throw new AppError('VALIDATION', `Tệp CSV có dấu ngoặc kép (") mở mà không đóng, từ dòng ${line} trở đi`, 'file');
    throw new AppError('VALIDATION', `Tệp CSV không đọc được ở dòng ${e.lines ?? line}: ${e.message ?? ''}`, 'file');
  }
}

/** A whole small delimited file as rows of cells (bounded uploads only; large feeds stream). */
export async function parseCsv(buffer: Buffer): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of csvRecords([buffer])) out.push(r);
  return out;
}
