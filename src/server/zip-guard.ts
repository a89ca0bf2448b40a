import yauzl from 'yauzl';
import { AppError } from './errors';

/**
 * .xlsx and .docx are zip files: a few hundred kilobytes can unpack to gigabytes. Before any
 * library inflates an upload, the central directory is checked against limits (entry count,
 * declared sizes, compression ratio); then every entry is inflated once, as a stream that is
 * discarded, and stopped as soon as it passes its declared size or the limits — declared
 * sizes can lie. The readers that run afterwards (exceljs, mammoth) see only entries proven
 * to be within bounds. Checked with yauzl, which validates sizes while inflating.
 */
export interface ZipLimits {
  maxEntries: number;
  /** All entries together, uncompressed. */
  maxTotalBytes: number;
  /** One entry, uncompressed; named entries may have their own (held in memory by the reader). */
  maxEntryBytes: number;
  entryBytes?: Readonly<Record<string, number>>;
  /** Uncompressed / compressed of an entry larger than 1 MiB; real sheets stay far below. */
  maxRatio: number;
}

const MiB = 1_048_576;

export const XLSX_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 256 * MiB,
  maxEntryBytes: 256 * MiB,
  // exceljs keeps the shared strings in memory while it streams the sheet.
  entryBytes: { 'xl/sharedStrings.xml': 64 * MiB },
  maxRatio: 100,
};

export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 128 * MiB,
  maxEntryBytes: 64 * MiB,
  // mammoth parses the whole document into a tree: a directive is far below this.
  entryBytes: { 'word/document.xml': 32 * MiB },
  maxRatio: 100,
};

/** Limits by file extension; other files are not zip containers that we unpack. */
export function zipLimitsFor(filename: string): { limits: ZipLimits; label: string } | null {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.xlsx')) return { limits: XLSX_LIMITS, label: 'Excel (.xlsx)' };
  if (lower.endsWith('.docx')) return { limits: DOCX_LIMITS, label: 'Word (.docx)' };
  return null;
}

export interface ZipFacts {
  entries: number;
  totalBytes: number;
  /** The first bytes of each entry, for readers that want to peek (e.g. a sheet's declared size). */
  heads: Map<string, string>;
}

const mb = (n: number) => `${Math.round(n / MiB).toLocaleString('vi-VN')} MB`;

function refuse(label: string, why: string): AppError {
  return new AppError('VALIDATION', `Tệp ${label} bị từ chối: ${why}. Tệp có thể bị hỏng hoặc là "bom nén"; hãy kiểm tra lại tệp.`, 'file');
}

const LOCAL_HEADER_MIN = 30;

/**
 * Checks a zip upload against the limits and returns what it learned. Throws a Vietnamese
 * VALIDATION error naming the limit that was passed; never inflates more than the limits allow.
 */
export async function checkZip(buffer: Buffer, limits: ZipLimits, label: string, peek: (name: string) => boolean = (n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)): Promise<ZipFacts> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw new AppError('VALIDATION', `Không đọc được tệp ${label}: tệp hỏng hoặc không đúng định dạng`, 'file');
  }
  if (zip.entryCount > limits.maxEntries) {
    throw refuse(label, `có ${zip.entryCount.toLocaleString('vi-VN')} thành phần nén, vượt giới hạn ${limits.maxEntries.toLocaleString('vi-VN')}`);
  }
  // 1. The central directory alone: count, declared sizes and ratios, before inflating a byte.
  const entries: yauzl.Entry[] = [];
  let declared = 0;
  try {
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) break;
      entries.push(entry);
      declared += entry.uncompressedSize;
      checkDeclared(entry, limits, label);
      if (declared > limits.maxTotalBytes) throw refuse(label, `dung lượng khi giải nén vượt ${mb(limits.maxTotalBytes)}`);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION', `Không đọc được tệp ${label}: mục lục của tệp nén bị hỏng`, 'file');
  }
  // 2. No bytes hidden between entries: a reader that walks the local headers in order
  //    (exceljs's streaming reader does) must meet exactly the entries checked here.
  await checkNoHiddenEntries(zip, entries, buffer, label);
  // 3. Inflate each entry, discarding the output; yauzl stops at the declared size.
  const heads = new Map<string, string>();
  let total = 0;
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue;
    const cap = Math.min(limits.entryBytes?.[entry.fileName] ?? limits.maxEntryBytes, limits.maxTotalBytes - total);
    total += await inflateCounting(zip, entry, cap, label, heads, peek(entry.fileName) ? 2048 : 0);
  }
  zip.close();
  return { entries: entries.length, totalBytes: total, heads };
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((ok, fail) => {
    const onEntry = (e: yauzl.Entry) => done(null, e);
    const onEnd = () => done(null, null);
    const onError = (err: Error) => done(err, null);
    const done = (err: Error | null, e: yauzl.Entry | null) => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
      if (err) fail(err);
      else ok(e);
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function checkDeclared(entry: yauzl.Entry, limits: ZipLimits, label: string) {
  const cap = limits.entryBytes?.[entry.fileName] ?? limits.maxEntryBytes;
  if (entry.uncompressedSize > cap) throw refuse(label, `thành phần "${entry.fileName}" khi giải nén lớn ${mb(entry.uncompressedSize)}, vượt giới hạn ${mb(cap)}`);
  if (entry.uncompressedSize > MiB && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
    throw refuse(label, `thành phần "${entry.fileName}" nén với tỷ lệ ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}:1, bất thường`);
  }
}

async function checkNoHiddenEntries(zip: yauzl.ZipFile, entries: readonly yauzl.Entry[], buffer: Buffer, label: string) {
  const spans: Array<[number, number]> = [];
  for (const e of entries) {
    const { fileDataStart } = (await zip.readLocalFileHeaderPromise(e, { minimal: true })) as { fileDataStart: number };
    spans.push([e.relativeOffsetOfLocalHeader, fileDataStart + e.compressedSize]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let end = 0;
  for (const [start, stop] of spans) {
    // Up to a data descriptor (≤ 24 bytes) may sit between entries; a local header needs 30.
    if (start - end >= LOCAL_HEADER_MIN) throw refuse(label, 'có dữ liệu ẩn giữa các thành phần nén');
    end = Math.max(end, stop);
  }
  const cd = centralDirectoryOffset(buffer);
  if (cd !== null && cd - end >= LOCAL_HEADER_MIN) throw refuse(label, 'có dữ liệu ẩn trước mục lục của tệp nén');
}

/** Offset of the central directory from the end-of-central-directory record (null for zip64). */
function centralDirectoryOffset(buffer: Buffer): number | null {
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 65_535); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      const offset = buffer.readUInt32LE(i + 16);
      return offset === 0xffffffff ? null : offset;
    }
  }
  return null;
}

async function inflateCounting(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number, label: string, heads: Map<string, string>, peekBytes: number): Promise<number> {
  let stream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    throw new AppError('VALIDATION', `Không đọc được tệp ${label}: thành phần "${entry.fileName}" bị hỏng`, 'file');
  }
  let n = 0;
  let head: Buffer | null = peekBytes > 0 ? Buffer.alloc(0) : null;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      n += chunk.length;
      if (head && head.length < peekBytes) head = Buffer.concat([head, chunk.subarray(0, peekBytes - head.length)]);
      if (n > cap) {
        stream.destroy();
        throw refuse(label, `thành phần "${entry.fileName}" khi giải nén vượt ${mb(cap)}`);
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // yauzl: more (or fewer) bytes than declared, a bad CRC-free deflate stream, …
    throw refuse(label, `kích thước khai báo của thành phần "${entry.fileName}" không khớp với dữ liệu thật`);
  }
  if (head) heads.set(entry.fileName, head.toString('utf8'));
  return n;
}
