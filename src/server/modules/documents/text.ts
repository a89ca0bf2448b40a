import { AppError } from '../../errors';
import { pdfToText } from './pdf';
import { readZipEntry } from './zip';

export const DOCUMENT_EXTENSIONS = ['.txt', '.docx', '.pdf'] as const;

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : '';
  });
}

/**
 * Paragraphs of word/document.xml, one per line. Word numbers list items itself (the "1."
 * or "-" is not in the text), so a numbered paragraph gets a "- " to keep it a list item
 * for the extractor.
 */
export function docxToText(buffer: Buffer): string {
  const xml = readZipEntry(buffer, 'word/document.xml');
  if (!xml) throw new AppError('VALIDATION', 'Không đọc được tệp .docx: tệp hỏng hoặc không phải Word 2007 trở lên', 'file');
  const body = xml.toString('utf8');
  const lines: string[] = [];
  for (const p of body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const para = p[0];
    let text = '';
    for (const t of para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>|<w:cr\/>/g)) {
      if (t[1] !== undefined) text += decodeXml(t[1]);
      else if (t[0] === '<w:tab/>') text += '\t';
      else text += '\n';
    }
    const listItem = /<w:numPr>/.test(para) && text.trim() && !/^\s*(?:[-–•+]|\d+[.)]|[a-zđ]\)|[IVX]+\.)/u.test(text);
    lines.push(listItem ? `- ${text}` : text);
  }
  return lines.join('\n');
}

/** UTF-8 (with or without BOM); a UTF-16 file (Notepad's "Unicode") is detected by its BOM. */
export function plainToText(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return buffer.subarray(2).toString('utf16le');
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return Buffer.from(buffer.subarray(2)).swap16().toString('utf16le');
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw new AppError('VALIDATION', 'Tệp .txt không phải mã UTF-8; hãy lưu lại với mã UTF-8', 'file');
  return text;
}

/** The text of an uploaded directive, NFC. */
export function uploadToText(filename: string, buffer: Buffer): string {
  const ext = filename.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  let text: string;
  if (ext === '.docx') text = docxToText(buffer);
  else if (ext === '.pdf') {
    try {
      text = pdfToText(buffer);
    } catch {
      throw new AppError('VALIDATION', 'Không đọc được tệp PDF: tệp hỏng hoặc được mã hoá', 'file');
    }
  } else text = plainToText(buffer);
  text = text.normalize('NFC');
  if (text.replace(/\s/g, '').length < 20) {
    throw new AppError('VALIDATION', ext === '.pdf' ? 'Tệp PDF không có lớp chữ (có thể là bản quét); hãy dán nội dung văn bản vào ô văn bản' : 'Tệp không có nội dung văn bản', 'file');
  }
  return text;
}
