import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditContext, authorize, type Deps } from '../../context';
import { AppError, notFound } from '../../errors';
import { attachmentHeader } from '../../excel';
import { ATTACHMENT_RESPONSE } from '../../responses';
import { readUpload } from '../../uploads';
import { readScope } from '../tasks/access';
import { findTasks } from '../tasks/read';
import { confirmProposal } from './confirm';
import { proposeFor } from './proposal';
import { goldExport } from './review';
import {
  ZDocument,
  ZDocumentConfirm,
  ZDocumentConfirmed,
  ZDocumentCreate,
  ZDocumentDetail,
  ZDocumentList,
  ZDocumentListQuery,
  ZDocumentParams,
  ZDocumentUpdate,
  ZDocumentWithdraw,
  ZDocumentWithdrawn,
  ZGoldExport,
  ZProposal,
} from '../../../contracts/documents';
import { presentDocument, presentTwin } from './model';
import { documentById, selectDocumentFile, selectDocuments, twinsOf } from './queries';
import { registerDocument, updateDocument, withdrawDocument } from './service';
import { DOCUMENT_EXTENSIONS, documentText } from '../../documents/document-text';
import { vnToday } from '../../../core/calendar/timestamps';

export async function documentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const today = () => vnToday(deps.now());

  r.get('/api/documents', {
    schema: {
      tags: ['documents'],
      summary: 'Văn bản chỉ đạo',
      querystring: ZDocumentListQuery,
      response: { 200: ZDocumentList },
    },
  }, async (req) => {
    const actor = authorize(req, 'document.read');
    const { total, rows } = await selectDocuments(deps.db, { ...req.query, provinceId: actor.province === null ? null : actor.provinceId });
    return { total, items: rows.map((d) => presentDocument(d)) };
  });

  r.post('/api/documents', { schema: { tags: ['documents'], summary: 'Đăng ký văn bản bằng cách dán nội dung', body: ZDocumentCreate, response: { 201: ZDocument } } }, async (req, reply) => {
    const actor = authorize(req, 'document.manage');
    const { text, ...meta } = req.body;
    const doc = await registerDocument(deps, auditContext(req), actor.id, { ...meta, text });
    reply.status(201);
    return doc;
  });

  r.post('/api/documents/upload', { schema: { tags: ['documents'], summary: 'Đăng ký văn bản từ tệp .docx, .pdf hoặc .txt (multipart: file)', consumes: ['multipart/form-data'], response: { 201: ZDocument } } }, async (req, reply) => {
    const actor = authorize(req, 'document.manage');
    const upload = await readUpload(req, { extensions: DOCUMENT_EXTENSIONS });
    const text = await documentText(upload.filename, upload.buffer);
    const doc = await registerDocument(deps, auditContext(req), actor.id, { text, file: upload });
    reply.status(201);
    return doc;
  });

  r.get('/api/documents/:id', { schema: { tags: ['documents'], summary: 'Văn bản, toàn văn và các nhiệm vụ đã giao', params: ZDocumentParams, response: { 200: ZDocumentDetail } } }, async (req) => {
    const actor = authorize(req, 'document.read');
    const doc = await documentById(deps.db, req.params.id);
    if (!doc) throw notFound('văn bản');
    const tasks = await findTasks(deps.db, { documentId: doc.id, visibleTo: readScope(actor), includeCancelled: true }, today());
    return { document: { ...presentDocument(doc, true), duplicates: (await twinsOf(deps.db, doc.id)).map(presentTwin) }, tasks };
  });

  r.get('/api/documents/:id/file', { schema: { tags: ['documents'], summary: 'Tải tệp gốc của văn bản', params: ZDocumentParams, response: { 200: ATTACHMENT_RESPONSE } } }, async (req, reply) => {
    authorize(req, 'document.read');
    const f = await selectDocumentFile(deps.db, req.params.id);
    if (!f) throw notFound('tệp gốc của văn bản');
    return reply.header('content-type', f.mime_type || 'application/octet-stream').header('content-disposition', attachmentHeader(f.filename)).send(Buffer.from(f.content));
  });

  r.patch('/api/documents/:id', { schema: { tags: ['documents'], summary: 'Sửa thông tin văn bản', params: ZDocumentParams, body: ZDocumentUpdate, response: { 200: ZDocument } } }, async (req) => {
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
    schema: { tags: ['documents'], summary: 'Xuất gold (JSON) của một văn bản đã xác nhận', params: ZDocumentParams, response: { 200: ZGoldExport } },
  }, async (req, reply) => {
    authorize(req, 'document.manage');
    const gold = await goldExport(deps.db, req.params.id);
    if (!gold.documents.length) throw notFound('bản rà soát của văn bản (văn bản chưa được xác nhận)');
    reply.header('content-disposition', attachmentHeader(`gold-${gold.documents[0]!.file.replace(/\.txt$/, '')}.json`));
    return gold;
  });

  r.post('/api/documents/:id/proposal', { schema: { tags: ['documents'], summary: 'Đề xuất: đọc thông tin văn bản và các nhiệm vụ được giao (không ghi gì)', params: ZDocumentParams, response: { 200: ZProposal } } }, async (req) => {
    authorize(req, 'document.manage');
    const doc = await documentById(deps.db, req.params.id);
    if (!doc) throw notFound('văn bản');
    return proposeFor(deps.db, doc, today());
  });

  r.post('/api/documents/:id/confirm', { schema: { tags: ['documents'], summary: 'Xác nhận đề xuất: tạo các nhiệm vụ trong một giao dịch', params: ZDocumentParams, body: ZDocumentConfirm, response: { 201: ZDocumentConfirmed } } }, async (req, reply) => {
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
    schema: { tags: ['documents'], summary: 'Thu hồi văn bản (nêu lý do), đóng các nhiệm vụ đã chọn và giữ các nhiệm vụ còn lại, trong một thao tác', params: ZDocumentParams, body: ZDocumentWithdraw, response: { 200: ZDocumentWithdrawn } },
  }, async (req) => {
    const actor = authorize(req, 'document.manage');
    if (req.body.cancelTaskIds.length) authorize(req, 'task.manage');
    return withdrawDocument(deps, auditContext(req), actor.id, req.params.id, req.body);
  });
}
