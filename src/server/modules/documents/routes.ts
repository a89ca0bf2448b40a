import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PILLARS } from '../../../core/tasks/pillars';
import { RECURRENCES } from '../../../core/tasks/recurrence';
import { auditContext, authorize, type Deps } from '../../context';
import { AppError, notFound } from '../../errors';
import { attachmentHeader } from '../../excel';
import { ZId, ZIsoDate, ZFreeText, ZTextLine } from '../../../contracts/common';
import { readUpload } from '../../uploads';
import { readScope } from '../tasks/access';
import { findTasks } from '../tasks/read';
import { GROUP_LABEL_VI } from '../tasks/registry';
import { confirmProposal } from './confirm';
import { proposeFor } from './proposal';
import { goldExport } from './review';
import { ZGoldExport, ZProposal } from '../../../contracts/documents';
import { documentById, listDocuments, presentDocument, presentTwin, twinsOf } from './queries';
import { registerDocument, updateDocument, withdrawDocument } from './service';
import { DOCUMENT_EXTENSIONS, documentText } from '../../documents/document-text';
import { vnToday } from '../../../core/calendar/timestamps';

// Metadata read from a document may wrap over lines: joined, then the text gate.
const ZField = (max: number) => ZTextLine(max, { joinLines: true });

const ZMetadata = {
  number: ZField(100).nullish(),
  type: ZField(100).nullish(),
  issuedOn: ZIsoDate.nullish(),
  issuer: ZField(300).nullish(),
  place: ZField(100).nullish(),
  summary: ZFreeText(2000).nullish(),
  signer: ZField(200).nullish(),
  signerAuthority: z.enum(['TM.', 'KT.', 'TL.', 'TUQ.', 'Q.']).nullish(),
  recipients: ZFreeText(2000).nullish(),
};

const ZDocumentCreate = z.strictObject({ text: z.string().max(500_000, 'Văn bản quá dài (tối đa 500.000 ký tự)'), ...ZMetadata });
const ZDocumentUpdate = z.strictObject({ version: z.number().int().min(1), ...ZMetadata });

const GROUP_KEYS = Object.keys(GROUP_LABEL_VI) as [keyof typeof GROUP_LABEL_VI, ...(keyof typeof GROUP_LABEL_VI)[]];
const ZGroupKey = z.enum(GROUP_KEYS);

const ZConfirm = z.strictObject({
  version: z.number().int().min(1),
  metadata: z.strictObject(ZMetadata).optional(),
  assignments: z
    .array(
      z.strictObject({
        title: ZField(2000).min(1, 'Nội dung nhiệm vụ không được để trống'),
        lead: z.union([
          z.strictObject({ unitId: ZId }),
          z.strictObject({ group: ZGroupKey, text: ZField(300).optional(), excludeUnitIds: z.array(ZId).max(500).optional() }),
        ]),
        coordinatorUnitIds: z.array(ZId).max(200).default([]),
        coordinatorGroups: z.array(ZGroupKey).max(10).optional(),
        deadline: ZIsoDate.nullish(),
        deadlineText: ZField(300).nullish(),
        recurrence: z.enum(RECURRENCES as unknown as ['weekly', 'biweekly', 'monthly', 'quarterly', 'annual']).nullish(),
        pillar: z.enum(PILLARS).nullish(),
        sourceStart: z.number().int().min(0).nullish(),
        sourceEnd: z.number().int().min(0).nullish(),
      }),
    )
    .min(1, 'Chưa có nhiệm vụ nào để xác nhận')
    .max(300),
});

const ZParams = z.strictObject({ id: ZId });

const ZWithdraw = z.strictObject({
  version: z.number().int().min(1),
  reason: ZField(2000).pipe(z.string().min(10, 'Hãy nêu lý do thu hồi (ít nhất 10 ký tự)')),
  /** Open tasks of the document to close with it; the others are kept. */
  cancelTaskIds: z.array(ZId).max(1000).default([]),
});

export async function documentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const today = () => vnToday(deps.now());

  r.get('/api/documents', {
    schema: {
      tags: ['documents'],
      summary: 'Văn bản chỉ đạo',
      querystring: z.strictObject({
        q: z.string().trim().max(200).optional(),
        type: z.string().trim().max(100).optional(),
        year: z.coerce.number().int().min(1990).max(2100).optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        offset: z.coerce.number().int().min(0).default(0),
      }),
    },
  }, async (req) => {
    const actor = authorize(req, 'document.read');
    return listDocuments(deps.db, { ...req.query, provinceId: actor.province === null ? null : actor.provinceId });
  });

  r.post('/api/documents', { schema: { tags: ['documents'], summary: 'Đăng ký văn bản bằng cách dán nội dung', body: ZDocumentCreate } }, async (req, reply) => {
    const actor = authorize(req, 'document.manage');
    const { text, ...meta } = req.body;
    const doc = await registerDocument(deps, auditContext(req), actor.id, { ...meta, text });
    reply.status(201);
    return doc;
  });

  r.post('/api/documents/upload', { schema: { tags: ['documents'], summary: 'Đăng ký văn bản từ tệp .docx, .pdf hoặc .txt (multipart: file)' } }, async (req, reply) => {
    const actor = authorize(req, 'document.manage');
    const upload = await readUpload(req, { extensions: DOCUMENT_EXTENSIONS });
    const text = await documentText(upload.filename, upload.buffer);
    const doc = await registerDocument(deps, auditContext(req), actor.id, { text, file: upload });
    reply.status(201);
    return doc;
  });

  r.get('/api/documents/:id', { schema: { tags: ['documents'], summary: 'Văn bản, toàn văn và các nhiệm vụ đã giao', params: ZParams } }, async (req) => {
    const actor = authorize(req, 'document.read');
    const doc = await documentById(deps.db, req.params.id);
    if (!doc) throw notFound('văn bản');
    const tasks = await findTasks(deps.db, { documentId: doc.id, visibleTo: readScope(actor), includeCancelled: true }, today());
    return { document: { ...presentDocument(doc, true), duplicates: (await twinsOf(deps.db, doc.id)).map(presentTwin) }, tasks };
  });

  r.get('/api/documents/:id/file', { schema: { tags: ['documents'], summary: 'Tải tệp gốc của văn bản', params: ZParams } }, async (req, reply) => {
    authorize(req, 'document.read');
    const f = (await deps.db.query<{ filename: string; mime_type: string; content: Uint8Array }>(
      'select f.filename, f.mime_type, f.content from documents d join files f on f.id = d.file_id where d.id = $1',
      [req.params.id],
    ))[0];
    if (!f) throw notFound('tệp gốc của văn bản');
    return reply.header('content-type', f.mime_type || 'application/octet-stream').header('content-disposition', attachmentHeader(f.filename)).send(Buffer.from(f.content));
  });

  r.patch('/api/documents/:id', { schema: { tags: ['documents'], summary: 'Sửa thông tin văn bản', params: ZParams, body: ZDocumentUpdate } }, async (req) => {
    authorize(req, 'document.manage');
    const { version, ...meta } = req.body;
    return updateDocument(deps, auditContext(req), req.params.id, version, meta);
  });

  r.get('/api/documents/gold', {
    schema: { tags: ['documents'], summary: 'Xuất gold (JSON): nhiệm vụ đã được người rà soát xác nhận của mọi văn bản, cùng đề xuất ban đầu và toàn văn', response: { 200: ZGoldExport } },
  }, async (req, reply) => {
    authorize(req, 'document.manage');
    reply.header('content-disposition', attachmentHeader('haidang-gold.json'));
    return goldExport(deps.db, null);
  });

  r.get('/api/documents/:id/gold', {
    schema: { tags: ['documents'], summary: 'Xuất gold (JSON) của một văn bản đã xác nhận', params: ZParams, response: { 200: ZGoldExport } },
  }, async (req, reply) => {
    authorize(req, 'document.manage');
    const gold = await goldExport(deps.db, req.params.id);
    if (!gold.documents.length) throw notFound('bản rà soát của văn bản (văn bản chưa được xác nhận)');
    reply.header('content-disposition', attachmentHeader(`gold-${gold.documents[0]!.file.replace(/\.txt$/, '')}.json`));
    return gold;
  });

  r.post('/api/documents/:id/proposal', { schema: { tags: ['documents'], summary: 'Đề xuất: đọc thông tin văn bản và các nhiệm vụ được giao (không ghi gì)', params: ZParams, response: { 200: ZProposal } } }, async (req) => {
    authorize(req, 'document.manage');
    const doc = await documentById(deps.db, req.params.id);
    if (!doc) throw notFound('văn bản');
    return proposeFor(deps.db, doc, today());
  });

  r.post('/api/documents/:id/confirm', { schema: { tags: ['documents'], summary: 'Xác nhận đề xuất: tạo các nhiệm vụ trong một giao dịch', params: ZParams, body: ZConfirm } }, async (req, reply) => {
    const actor = authorize(req, 'document.manage');
    authorize(req, 'task.manage');
    for (const [i, a] of req.body.assignments.entries()) {
      if ((a.sourceStart == null) !== (a.sourceEnd == null) || (a.sourceStart != null && a.sourceEnd! < a.sourceStart)) {
        throw new AppError('VALIDATION', `Nhiệm vụ ${i + 1}: vị trí câu nguồn không hợp lệ`, `assignments.${i}.sourceStart`);
      }
    }
    const result = await confirmProposal(deps, auditContext(req), actor.id, req.params.id, req.body);
    reply.status(201);
    return result;
  });

  r.post('/api/documents/:id/withdraw', {
    schema: { tags: ['documents'], summary: 'Thu hồi văn bản (nêu lý do), đóng các nhiệm vụ đã chọn và giữ các nhiệm vụ còn lại, trong một thao tác', params: ZParams, body: ZWithdraw },
  }, async (req) => {
    const actor = authorize(req, 'document.manage');
    if (req.body.cancelTaskIds.length) authorize(req, 'task.manage');
    return withdrawDocument(deps, auditContext(req), actor.id, req.params.id, req.body);
  });
}
