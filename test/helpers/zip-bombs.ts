import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';

/**
 * Hostile .xlsx/.docx files, built in the test from real ones: a sheet that inflates to
 * hundreds of megabytes, sizes that lie, tens of thousands of entries.
 */
async function collect(zip: yazl.ZipFile): Promise<Buffer> {
  const chunks: Buffer[] = [];
  zip.end();
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  return Buffer.concat(chunks);
}

/** The entries of a real zip, as buffers. */
export async function entriesOf(buffer: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  const entries: yauzl.Entry[] = await new Promise((ok, fail) => {
    const list: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      list.push(e);
      zip.readEntry();
    });
    zip.once('end', () => ok(list));
    zip.once('error', fail);
    zip.readEntry();
  });
  const out = new Map<string, Buffer>();
  for (const entry of entries) {
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(c);
    out.set(entry.fileName, Buffer.concat(chunks));
  }
  return out;
}

/** A real zip with some entries replaced (a buffer, or a stream made on demand). */
export async function rezip(buffer: Buffer, replace: Record<string, Buffer | (() => Readable)>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of await entriesOf(buffer)) {
    if (name.endsWith('/')) continue;
    const r = replace[name];
    if (r === undefined) zip.addBuffer(data, name);
    else if (Buffer.isBuffer(r)) zip.addBuffer(r, name);
    else zip.addReadStream(r(), name);
  }
  return collect(zip);
}

/** A small real .xlsx in the indicator-value template's shape. */
export async function smallValuesXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('So lieu');
  ws.addRow(['Mã chỉ số', 'Đơn vị', 'Kỳ', 'Giá trị']);
  ws.addRow(['I_X', 'HP.Q.LECHAN', '2022-M01', 1]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** `bytes` of a sheet: a header row, then the same row again and again (deflates ~1000:1). */
export function hugeSheet(bytes: number): () => Readable {
  return () => {
    const head = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
    const row = Buffer.from('<row><c t="inlineStr"><is><t>HP.Q.LECHAN</t></is></c><c><v>1</v></c></row>'.repeat(200));
    const tail = Buffer.from('</sheetData></worksheet>');
    let sent = 0;
    return Readable.from(
      (function* () {
        yield head;
        while (sent < bytes) {
          sent += row.length;
          yield row;
        }
        yield tail;
      })(),
    );
  };
}

/** An .xlsx whose first sheet unpacks to `bytes` (the 293 KB file that unpacks to 300 MB). */
export async function xlsxBomb(bytes = 300 * 1_048_576): Promise<Buffer> {
  return rezip(await smallValuesXlsx(), { 'xl/worksheets/sheet1.xml': hugeSheet(bytes) });
}

/**
 * An .xlsx whose sheet declares `declared` bytes in both headers but inflates to `actual`:
 * the sizes are patched after writing, as an attacker would.
 */
export async function lyingXlsx(actual = 64 * 1_048_576, declared = 4096): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of hugeSheet(actual)() as AsyncIterable<Buffer>) chunks.push(c);
  const sheet = Buffer.concat(chunks);
  const buf = await rezip(await smallValuesXlsx(), { 'xl/worksheets/sheet1.xml': sheet });
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  let patched = 0;
  for (let i = 0; i < buf.length - 46; i++) {
    const sig = buf.readUInt32LE(i);
    if (sig === 0x04034b50 && buf.subarray(i + 30, i + 30 + name.length).equals(name)) {
      if (buf.readUInt32LE(i + 22) !== 0) buf.writeUInt32LE(declared, i + 22);
      patched++;
    } else if (sig === 0x02014b50 && buf.subarray(i + 46, i + 46 + name.length).equals(name)) {
      buf.writeUInt32LE(declared, i + 24);
      patched++;
    } else if (sig === 0x08074b50 && buf.readUInt32LE(i + 12) === sheet.length) {
      buf.writeUInt32LE(declared, i + 12); // the data descriptor, when the writer used one
    }
  }
  if (patched < 2) throw new Error('lyingXlsx: headers not found');
  return buf;
}

/** A zip named .xlsx with `n` tiny entries. */
export async function manyEntries(n = 20_000): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const base = await entriesOf(await smallValuesXlsx());
  for (const [name, data] of base) if (!name.endsWith('/')) zip.addBuffer(data, name);
  for (let i = 0; i < n; i++) zip.addBuffer(Buffer.from('x'), `xl/media/e${i}.bin`, { compress: false });
  return collect(zip);
}

/** A real .docx (the smallest mammoth reads) whose document.xml unpacks to `bytes`. */
export async function docxBomb(bytes = 300 * 1_048_576): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'), '[Content_Types].xml');
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'), '_rels/.rels');
  const para = Buffer.from('<w:p><w:r><w:t>Giao Sở Khoa học và Công nghệ chủ trì thực hiện.</w:t></w:r></w:p>'.repeat(100));
  let sent = 0;
  zip.addReadStream(
    Readable.from(
      (function* () {
        yield Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>');
        while (sent < bytes) {
          sent += para.length;
          yield para;
        }
        yield Buffer.from('</w:body></w:document>');
      })(),
    ),
    'word/document.xml',
  );
  return collect(zip);
}
