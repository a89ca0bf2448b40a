import { extname } from 'node:path';
import { AppError } from '../errors';
import { checkZip, DOCX_LIMITS } from '../zip-guard';

/**
 * The plain text of a directive file, for the extractor: .docx through mammoth, .pdf
 * through unpdf (pdf.js), .txt as UTF-8 or UTF-16 with BOM. Used by the upload route and
 * by `haidang extract`, so both read a file the same way.
 */
export const DOCUMENT_EXTENSIONS = ['.txt', '.docx', '.pdf'] as const;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

const stripTags = (s: string) => s.replace(/<[^>]+>/g, '');

/**
 * Mammoth's HTML as the text the extractor reads: a table row becomes one tab-separated
 * line (so appendix tables stay tables), a Word-numbered paragraph becomes a "- " list item
 * (Word keeps the "1." out of the text), every paragraph its own line.
 */
export function docxHtmlToText(html: string): string {
  const text = html
    .replace(/<td[^>]*>([\s\S]*?)<\/td>/g, (_, cell: string) => `${stripTags(cell.replace(/<\/p>\s*<p[^>]*>/g, ' ')).trim()}\t`)
    .replace(/<\/tr>/g, '\n')
    .replace(/<li[^>]*>/g, '\n- ')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(p|h\d|li|ul|ol|table)>/g, '\n');
  return decodeEntities(stripTags(text))
    .split('\n')
    .map((l) => l.replace(/\t+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

function plainText(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return Buffer.from(buffer.subarray(2)).swap16().toString('utf16le');
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw new AppError('VALIDATION', 'Tệp .txt không phải mã UTF-8; hãy lưu lại với mã UTF-8', 'file');
  return text;
}

export async function documentText(filename: string, buffer: Buffer): Promise<string> {
  const ext = extname(filename).toLowerCase();
  let text: string;
  if (ext === '.docx') {
    // Before mammoth inflates anything: a small .docx can unpack to gigabytes.
    await checkZip(buffer, DOCX_LIMITS, 'Word (.docx)', () => false);
    const mammoth = await import('mammoth');
    try {
      text = docxHtmlToText((await mammoth.convertToHtml({ buffer })).value);
    } catch {
      throw new AppError('VALIDATION', 'Không đọc được tệp .docx: tệp hỏng hoặc không phải Word 2007 trở lên', 'file');
    }
  } else if (ext === '.pdf') {
    const { extractText, getDocumentProxy } = await import('unpdf');
    try {
      text = (await extractText(await getDocumentProxy(new Uint8Array(buffer)), { mergePages: true })).text;
    } catch {
      throw new AppError('VALIDATION', 'Không đọc được tệp PDF: tệp hỏng hoặc được mã hoá', 'file');
    }
  } else if (ext === '.doc') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Định dạng .doc (Word 97–2003) chưa được hỗ trợ; hãy lưu lại thành .docx', 'file');
  } else if (ext === '.txt' || ext === '.md' || ext === '') {
    text = plainText(buffer);
  } else {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Định dạng tệp ${ext} chưa được hỗ trợ (hỗ trợ .txt, .docx, .pdf)`, 'file');
  }
  text = text.normalize('NFC');
  if (text.replace(/\s/g, '').length < 20) {
    throw new AppError(
      'VALIDATION',
      ext === '.pdf' ? 'Tệp PDF không có lớp chữ (có thể là bản quét): cần nhận dạng ký tự (OCR), hoặc dán nội dung văn bản vào ô văn bản' : 'Tệp không có nội dung văn bản',
      'file',
    );
  }
  return text;
}
