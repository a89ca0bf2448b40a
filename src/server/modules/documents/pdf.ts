import { inflateSync } from 'node:zlib';

/**
 * Text of a PDF without a dependency, good enough for letters exported by Word, LibreOffice
 * or a browser: objects (also inside object streams), Flate streams, the page tree in order,
 * each font's ToUnicode map (Vietnamese is nearly always written through one), and the text
 * operators of the page content. Scanned PDFs have no text; the caller says so.
 */

type PdfValue = number | string | boolean | null | PdfName | PdfRef | PdfValue[] | PdfDict | PdfString;
interface PdfName { name: string }
interface PdfRef { ref: number }
interface PdfString { bytes: Buffer }
type PdfDict = { dict: Map<string, PdfValue> };

const isDict = (v: PdfValue | undefined): v is PdfDict => typeof v === 'object' && v !== null && 'dict' in v;
const isRef = (v: PdfValue | undefined): v is PdfRef => typeof v === 'object' && v !== null && 'ref' in v;
const isName = (v: PdfValue | undefined): v is PdfName => typeof v === 'object' && v !== null && 'name' in v;

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** A small tokenizer/parser for PDF objects and content streams. */
class Lexer {
  pos = 0;
  constructor(readonly buf: Buffer) {}

  skipWs(): void {
    const b = this.buf;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (WS.has(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  private regular(): string {
    const start = this.pos;
    while (this.pos < this.buf.length && !WS.has(this.buf[this.pos]!) && !DELIM.has(this.buf[this.pos]!)) this.pos++;
    return this.buf.toString('latin1', start, this.pos);
  }

  private literalString(): Buffer {
    const out: number[] = [];
    let depth = 1;
    this.pos++;
    const b = this.buf;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const n = b[this.pos++];
        if (n === undefined) break;
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (n in map) out.push(map[n]!);
        else if (n >= 0x30 && n <= 0x37) {
          let v = n - 0x30;
          for (let k = 0; k < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; k++) v = v * 8 + (b[this.pos++]! - 0x30);
          out.push(v & 0xff);
        } else if (n === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (n !== 0x0a) out.push(n);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else out.push(c);
    }
    return Buffer.from(out);
  }

  private hexString(): Buffer {
    this.pos++;
    const start = this.pos;
    while (this.pos < this.buf.length && this.buf[this.pos] !== 0x3e) this.pos++;
    let hex = this.buf.toString('latin1', start, this.pos).replace(/[^0-9a-fA-F]/g, '');
    this.pos++;
    if (hex.length % 2) hex += '0';
    return Buffer.from(hex, 'hex');
  }

  /** The next value, or an operator as `{ op }`; null at the end. */
  next(): PdfValue | { op: string } | undefined {
    this.skipWs();
    const b = this.buf;
    if (this.pos >= b.length) return undefined;
    const c = b[this.pos]!;
    if (c === 0x2f) {
      this.pos++;
      return { name: this.regular().replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) };
    }
    if (c === 0x28) return { bytes: this.literalString() };
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) {
        this.pos += 2;
        const dict = new Map<string, PdfValue>();
        for (;;) {
          this.skipWs();
          if (this.pos >= b.length) break;
          if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
            this.pos += 2;
            break;
          }
          const key = this.next();
          if (!key || !isName(key as PdfValue)) break;
          dict.set((key as PdfName).name, this.value());
        }
        return { dict };
      }
      return { bytes: this.hexString() };
    }
    if (c === 0x3e) {
      this.pos++;
      return { op: '>' };
    }
    if (c === 0x5b) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipWs();
        if (this.pos >= b.length) break;
        if (b[this.pos] === 0x5d) {
          this.pos++;
          break;
        }
        arr.push(this.value());
      }
      return arr;
    }
    if (c === 0x5d || c === 0x7b || c === 0x7d || c === 0x29) {
      this.pos++;
      return { op: String.fromCharCode(c) };
    }
    const word = this.regular();
    if (/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(word)) {
      // "12 0 R" is a reference.
      const save = this.pos;
      this.skipWs();
      const gen = this.regular();
      if (/^\d+$/.test(word) && /^\d+$/.test(gen)) {
        this.skipWs();
        if (this.buf[this.pos] === 0x52 && (this.pos + 1 >= b.length || WS.has(b[this.pos + 1]!) || DELIM.has(b[this.pos + 1]!))) {
          this.pos++;
          return { ref: Number(word) };
        }
      }
      this.pos = save;
      return Number(word);
    }
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (word === '') {
      this.pos++;
      return { op: '' };
    }
    return { op: word };
  }

  value(): PdfValue {
    const v = this.next();
    if (v === undefined || (typeof v === 'object' && v !== null && 'op' in v)) return null;
    return v;
  }
}

interface PdfObject {
  value: PdfValue;
  stream: Buffer | null;
}

function streamBytes(obj: PdfObject): Buffer | null {
  if (!obj.stream || !isDict(obj.value)) return obj.stream;
  const filter = obj.value.dict.get('Filter');
  const filters = Array.isArray(filter) ? filter : filter ? [filter] : [];
  let data = obj.stream;
  for (const f of filters) {
    if (!isName(f)) return null;
    if (f.name === 'FlateDecode') {
      try {
        data = inflateSync(data);
      } catch {
        return null;
      }
    } else return null;
  }
  return data;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const re = /(\d+)\s+(\d+)\s+obj\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lex = new Lexer(pdf);
    lex.pos = m.index + m[0].length;
    const value = lex.value();
    let stream: Buffer | null = null;
    lex.skipWs();
    if (text.startsWith('stream', lex.pos)) {
      let start = lex.pos + 6;
      if (text[start] === '\r') start++;
      if (text[start] === '\n') start++;
      const len = isDict(value) ? value.dict.get('Length') : undefined;
      const end = typeof len === 'number' && start + len <= pdf.length && text.startsWith('endstream', skipSpaces(text, start + len)) ? start + len : text.indexOf('endstream', start);
      if (end > start) stream = pdf.subarray(start, end);
      re.lastIndex = end > 0 ? end : re.lastIndex;
    }
    objects.set(Number(m[1]), { value, stream });
  }
  // Objects packed in object streams (PDF 1.5+).
  for (const obj of [...objects.values()]) {
    if (!isDict(obj.value) || !isName(obj.value.dict.get('Type')) || (obj.value.dict.get('Type') as PdfName).name !== 'ObjStm') continue;
    const data = streamBytes(obj);
    const n = obj.value.dict.get('N');
    const first = obj.value.dict.get('First');
    if (!data || typeof n !== 'number' || typeof first !== 'number') continue;
    const header = new Lexer(data);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) pairs.push([Number(header.value()), Number(header.value())]);
    for (const [num, off] of pairs) {
      if (objects.has(num)) continue;
      const lex = new Lexer(data);
      lex.pos = first + off;
      objects.set(num, { value: lex.value(), stream: null });
    }
  }
  return objects;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** A ToUnicode CMap: code (as hex of its bytes) → text, and the code width in bytes. */
interface CMap {
  map: Map<string, string>;
  bytes: number;
}

function utf16be(hex: string): string {
  const buf = Buffer.from(hex, 'hex');
  let s = '';
  for (let i = 0; i + 1 < buf.length; i += 2) s += String.fromCharCode(buf.readUInt16BE(i));
  return s;
}

function parseCMap(data: Buffer): CMap {
  const text = data.toString('latin1');
  const map = new Map<string, string>();
  let bytes = 1;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) {
      bytes = Math.max(bytes, m[1]!.length / 2);
      map.set(m[1]!.toLowerCase(), utf16be(m[2]!));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]*)>|\[([^\]]*)\])/g)) {
      const width = m[1]!.length;
      bytes = Math.max(bytes, width / 2);
      const lo = parseInt(m[1]!, 16);
      const hi = Math.min(parseInt(m[2]!, 16), lo + 65_535);
      const list = m[4] ? [...m[4].matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => x[1]!) : null;
      for (let code = lo; code <= hi; code++) {
        const key = code.toString(16).padStart(width, '0');
        if (list) {
          const d = list[code - lo];
          if (d !== undefined) map.set(key, utf16be(d));
        } else {
          const base = m[3]!;
          const last = parseInt(base.slice(-4) || '0', 16) + (code - lo);
          map.set(key, utf16be(base.slice(0, -4) + last.toString(16).padStart(4, '0')));
        }
      }
    }
  }
  return { map, bytes };
}

function decodeString(bytes: Buffer, cmap: CMap | null): string {
  if (!cmap) return bytes.toString('latin1');
  let out = '';
  for (let i = 0; i + cmap.bytes <= bytes.length; i += cmap.bytes) {
    const key = bytes.subarray(i, i + cmap.bytes).toString('hex');
    out += cmap.map.get(key) ?? '';
  }
  return out;
}

export function pdfToText(pdf: Buffer): string {
  if (!pdf.subarray(0, 1024).toString('latin1').includes('%PDF')) throw new Error('not a PDF');
  const objects = readObjects(pdf);
  const resolve = (v: PdfValue | undefined, depth = 0): PdfValue | undefined => (isRef(v) && depth < 10 ? resolve(objects.get(v.ref)?.value, depth + 1) : v);
  const cmaps = new Map<number, CMap | null>();
  const fontCMap = (ref: PdfValue | undefined): CMap | null => {
    const font = resolve(ref);
    if (!isDict(font)) return null;
    const tu = font.dict.get('ToUnicode');
    if (!isRef(tu)) return null;
    if (!cmaps.has(tu.ref)) {
      const o = objects.get(tu.ref);
      const data = o ? streamBytes(o) : null;
      cmaps.set(tu.ref, data ? parseCMap(data) : null);
    }
    return cmaps.get(tu.ref) ?? null;
  };

  // Pages in reading order, from the catalogue's page tree.
  const text = pdf.toString('latin1');
  const roots = [...text.matchAll(/\/Root\s+(\d+)\s+\d+\s+R/g)];
  const catalog = roots.length ? resolve({ ref: Number(roots[roots.length - 1]![1]) }) : undefined;
  const pages: PdfDict[] = [];
  const walk = (node: PdfValue | undefined, depth: number) => {
    const n = resolve(node);
    if (!isDict(n) || depth > 50) return;
    const kids = resolve(n.dict.get('Kids'));
    if (Array.isArray(kids)) for (const k of kids) walk(k, depth + 1);
    else pages.push(n);
  };
  if (isDict(catalog)) walk(catalog.dict.get('Pages'), 0);
  if (pages.length === 0) {
    for (const o of objects.values()) if (isDict(o.value) && isName(o.value.dict.get('Type')) && (o.value.dict.get('Type') as PdfName).name === 'Page') pages.push(o.value);
  }

  const out: string[] = [];
  for (const page of pages) {
    const resources = resolve(page.dict.get('Resources'));
    const fonts = isDict(resources) ? resolve(resources.dict.get('Font')) : undefined;
    const fontMap = new Map<string, CMap | null>();
    if (isDict(fonts)) for (const [name, ref] of fonts.dict) fontMap.set(name, fontCMap(ref));
    const contents = resolve(page.dict.get('Contents'));
    const parts = Array.isArray(contents) ? contents : contents ? [page.dict.get('Contents')!] : [];
    const chunks: Buffer[] = [];
    for (const p of parts) {
      const o = isRef(p) ? objects.get(p.ref) : undefined;
      const data = o ? streamBytes(o) : null;
      if (data) chunks.push(data, Buffer.from('\n'));
    }
    out.push(contentText(Buffer.concat(chunks), fontMap));
  }
  return out.join('\n\n');
}

/** Text operators of one page; a new line whenever the baseline moves. */
function contentText(content: Buffer, fonts: Map<string, CMap | null>): string {
  const lex = new Lexer(content);
  const stack: PdfValue[] = [];
  let cmap: CMap | null = null;
  let line = '';
  const lines: string[] = [];
  let y: number | null = null;
  const newLine = () => {
    lines.push(line);
    line = '';
  };
  const moveTo = (ny: number) => {
    if (y !== null && Math.abs(ny - y) > 0.5) newLine();
    y = ny;
  };
  for (;;) {
    const t = lex.next();
    if (t === undefined) break;
    if (!(typeof t === 'object' && t !== null && 'op' in t)) {
      stack.push(t);
      continue;
    }
    const op = t.op;
    const args = stack.splice(0);
    switch (op) {
      case 'BT':
        break;
      case 'Tf':
        cmap = isName(args[0]) ? (fonts.get(args[0].name) ?? null) : null;
        break;
      case 'Td':
      case 'TD':
        if (typeof args[1] === 'number' && args[1] !== 0) moveTo((y ?? 0) + args[1]);
        break;
      case 'Tm':
        if (typeof args[5] === 'number') moveTo(args[5]);
        break;
      case 'T*':
        newLine();
        break;
      case 'Tj':
      case "'":
      case '"': {
        if (op !== 'Tj') newLine();
        const s = args[args.length - 1];
        if (s && typeof s === 'object' && 'bytes' in s) line += decodeString(s.bytes, cmap);
        break;
      }
      case 'TJ': {
        const arr = args[0];
        if (!Array.isArray(arr)) break;
        for (const item of arr) {
          if (typeof item === 'number') {
            if (item < -180 && line && !line.endsWith(' ')) line += ' ';
          } else if (item && typeof item === 'object' && 'bytes' in item) line += decodeString(item.bytes, cmap);
        }
        break;
      }
      case 'BI':
        // Inline image: skip to EI.
        while (lex.pos < content.length && !(content[lex.pos] === 0x45 && content[lex.pos + 1] === 0x49 && WS.has(content[lex.pos - 1]!))) lex.pos++;
        lex.pos += 2;
        break;
      default:
        break;
    }
  }
  newLine();
  return lines.map((l) => l.replace(/\s+$/, '')).join('\n');
}
