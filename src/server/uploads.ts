import type { FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { checkZip, zipLimitsFor, type ZipFacts } from './zip-guard';

export interface Upload {
  filename: string;
  mimetype: string;
  buffer: Buffer;
  /** Other form fields sent with the file. */
  fields: Record<string, string>;
  /** For .xlsx/.docx: what the zip check found (the file is within the unpacking limits). */
  zip?: ZipFacts;
}

/**
 * Reads the single file of a multipart request. The size limit is enforced while
 * streaming (UPLOAD_LIMIT_BYTES), so a huge upload is cut off with 413, not buffered.
 * A zip container (.xlsx, .docx) is then checked against the unpacking limits of
 * zip-guard.ts before any reader inflates it.
 */
export async function readUpload(req: FastifyRequest, opts: { extensions: readonly string[] }): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Cần gửi tệp dưới dạng multipart/form-data');
  const part = await req.file();
  if (!part) throw new AppError('VALIDATION', 'Chưa chọn tệp', 'file');
  const filename = part.filename.normalize('NFC');
  const ext = filename.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
  if (!opts.extensions.includes(ext)) {
    part.file.resume();
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Định dạng tệp ${ext || '(không có đuôi)'} không được hỗ trợ; chỉ nhận ${opts.extensions.join(', ')}`, 'file');
  }
  const buffer = await part.toBuffer();
  if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp quá lớn');
  if (buffer.length === 0) throw new AppError('VALIDATION', 'Tệp rỗng', 'file');
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(part.fields)) {
    const f = Array.isArray(v) ? v[0] : v;
    if (f && 'value' in f && typeof f.value === 'string') fields[k] = f.value.normalize('NFC');
  }
  const zipKind = zipLimitsFor(filename);
  const zip = zipKind ? await checkZip(buffer, zipKind.limits, zipKind.label) : undefined;
  return { filename, mimetype: part.mimetype, buffer, fields, ...(zip ? { zip } : {}) };
}
