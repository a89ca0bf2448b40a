import { createHash } from 'node:crypto';
import type { Queryable } from '../../../db/client';
import { extractMetadata } from '../../../core/extraction/metadata';
import { normalizeDocument } from '../../../core/extraction/sentences';
import { normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import type { TDocument, TDocumentMetadataInput, TDocumentWithdrawn } from '../../../contracts/documents';
import { presentDocument, presentTwin } from './model';
import {
  auditCancelledTasks,
  cancelDocumentTasks,
  documentById,
  insertDocumentRow,
  insertFile,
  refreshDocumentSearch,
  twinsOf,
  updateDocumentMetadata,
  withdrawDocumentRow,
} from './queries';

export type DocumentMetadataInput = TDocumentMetadataInput;

export interface RegisterInput extends DocumentMetadataInput {
  text: string;
  file?: { filename: string; mimetype: string; buffer: Buffer } | null;
}

const clean = (s: string | null | undefined) => (s ? normalizeText(s) || null : null);

/** What the audit keeps of a document: its metadata, not its (long) text. */
function auditShape(d: TDocument) {
  const { body: _body, ...rest } = d;
  return rest;
}

/**
 * Registers a directive. The text is stored normalised (the extractor's offsets point into
 * it, so the review screen can highlight source sentences); metadata left blank is read
 * from the text, and the reviewer corrects it before confirming.
 */
export async function registerDocument(deps: Deps, ctx: AuditContext, actorId: string, input: RegisterInput): Promise<TDocument> {
  const body = normalizeDocument(input.text);
  if (body.replace(/\s/g, '').length < 20) throw new AppError('VALIDATION', 'Nội dung văn bản quá ngắn; hãy dán toàn văn hoặc tải tệp lên', 'text');
  const found = extractMetadata(body);
  const now = deps.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const fileId = input.file
      ? await insertFile(tx, {
          filename: input.file.filename,
          mime_type: input.file.mimetype,
          size_bytes: input.file.buffer.length,
          sha256: createHash('sha256').update(input.file.buffer).digest('hex'),
          content: input.file.buffer,
          uploaded_by: actorId,
          uploaded_at: now,
        })
      : null;
    const id = await insertDocumentRow(tx, {
      doc_number: clean(input.number) ?? found.soKyHieu,
      doc_type: clean(input.type) ?? found.loai ?? 'Văn bản',
      issued_on: input.issuedOn ?? found.ngayBanHanh,
      issuer: clean(input.issuer) ?? found.coQuan,
      place: clean(input.place) ?? found.diaDanh,
      summary: clean(input.summary) ?? found.trichYeu,
      signer: clean(input.signer) ?? found.nguoiKy,
      signer_authority: clean(input.signerAuthority),
      recipients: clean(input.recipients),
      body,
      file_id: fileId,
      created_by: actorId,
      created_at: now,
    });
    await refreshDocumentSearch(tx, id);
    const after = presentDocument((await documentById(tx, id))!, true);
    await recordAudit(tx, ctx, { action: 'create', entity: 'document', entityId: id, after: auditShape(after) });
    // Registering a copy of a directive already here is allowed (the metadata was read by a
    // machine and may be wrong), but said at once with links; confirming it is refused.
    return { ...after, duplicates: (await twinsOf(tx, id)).map(presentTwin) };
  });
}

/** Writes metadata inside the caller's transaction; the version must match. */
export async function applyMetadata(tx: Queryable, _ctx: AuditContext, id: string, version: number, m: DocumentMetadataInput, now: string, extra: { confirmed?: boolean } = {}) {
  const current = await documentById(tx, id);
  if (!current) throw notFound('văn bản');
  if (current.withdrawn_at) throw new AppError('CONFLICT', 'Văn bản đã bị thu hồi: không sửa hay xác nhận được nữa', 'version');
  if (current.version !== version) throw staleVersion();
  if (extra.confirmed && current.confirmed_at) throw alreadyConfirmed();
  const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
  const type = pick(m.type === undefined ? undefined : clean(m.type), current.doc_type);
  let updated: boolean;
  try {
    updated = await updateDocumentMetadata(
      tx,
      id,
      version,
      {
        doc_number: pick(m.number === undefined ? undefined : clean(m.number), current.doc_number),
        doc_type: type ?? 'Văn bản',
        issued_on: pick(m.issuedOn, current.issued_on),
        issuer: pick(m.issuer === undefined ? undefined : clean(m.issuer), current.issuer),
        place: pick(m.place === undefined ? undefined : clean(m.place), current.place),
        summary: pick(m.summary === undefined ? undefined : clean(m.summary), current.summary),
        signer: pick(m.signer === undefined ? undefined : clean(m.signer), current.signer),
        signer_authority: pick(m.signerAuthority === undefined ? undefined : clean(m.signerAuthority), current.signer_authority),
        recipients: pick(m.recipients === undefined ? undefined : clean(m.recipients), current.recipients),
      },
      now,
      extra.confirmed ?? false,
    );
  } catch (err) {
    // documents_confirmed_once: another copy of this directive is already confirmed.
    if ((err as { code?: string }).code === '23505') throw twinConfirmed();
    throw err;
  }
  if (!updated) {
    // Lost to a concurrent change: say which, from the row as it now stands.
    const now = await documentById(tx, id);
    if (extra.confirmed && now?.confirmed_at) throw alreadyConfirmed();
    throw staleVersion();
  }
  await refreshDocumentSearch(tx, id);
  return { before: presentDocument(current), after: presentDocument((await documentById(tx, id))!, true) };
}

const alreadyConfirmed = () =>
  new AppError('CONFLICT', 'Đề xuất của văn bản này đã được xác nhận và các nhiệm vụ đã được tạo; không xác nhận lần thứ hai', 'version');
const twinConfirmed = () =>
  new AppError('CONFLICT', 'Văn bản cùng số/ký hiệu, cơ quan ban hành và ngày ban hành đã được xác nhận và giao nhiệm vụ; không giao lại lần thứ hai. Nếu bản kia đăng ký nhầm, hãy thu hồi bản kia trước.', 'metadata.number');

export interface WithdrawInput {
  version: number;
  reason: string;
  /** Open tasks of the document to close (cancel) with the same reason; the others are kept. */
  cancelTaskIds: string[];
}

/**
 * Withdraws (thu hồi) a document and, in the same action and transaction, closes the tasks
 * the coordinator chose: one audit row for the document (before and after, which tasks were
 * closed and which kept) and one per closed task.
 */
export async function withdrawDocument(deps: Deps, ctx: AuditContext, actorId: string, id: string, input: WithdrawInput): Promise<TDocumentWithdrawn> {
  const reason = normalizeText(input.reason);
  const at = deps.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const current = await documentById(tx, id);
    if (!current) throw notFound('văn bản');
    if (current.withdrawn_at) throw new AppError('CONFLICT', 'Văn bản đã được thu hồi trước đó', 'version');
    if (!(await withdrawDocumentRow(tx, id, input.version, actorId, reason, at))) throw staleVersion();
    const cancelled = await cancelDocumentTasks(tx, id, input.cancelTaskIds, reason, at);
    if (cancelled.length !== new Set(input.cancelTaskIds).size) {
      throw new AppError('VALIDATION', 'Có nhiệm vụ được chọn không thuộc văn bản này, đã hoàn thành hoặc đã được đóng; hãy tải lại trang', 'cancelTaskIds');
    }
    await auditCancelledTasks(tx, ctx, id, cancelled, reason, at);
    const after = presentDocument((await documentById(tx, id))!);
    await recordAudit(tx, ctx, {
      action: 'withdraw',
      entity: 'document',
      entityId: id,
      before: auditShape(presentDocument(current)),
      after: { ...auditShape(after), cancelledTaskIds: cancelled.map((t) => t.id) },
    });
    return { document: after, cancelled: cancelled.length };
  });
}

export async function updateDocument(deps: Deps, ctx: AuditContext, id: string, version: number, m: DocumentMetadataInput): Promise<TDocument> {
  const now = deps.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const { before, after } = await applyMetadata(tx, ctx, id, version, m, now);
    await recordAudit(tx, ctx, { action: 'update', entity: 'document', entityId: id, before: auditShape(before), after: auditShape(after) });
    return after;
  });
}
