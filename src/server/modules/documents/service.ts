import { createHash } from 'node:crypto';
import type { Queryable } from '../../../db/client';
import { extractMetadata } from '../../../core/extraction/metadata';
import { normalizeDocument } from '../../../core/extraction/sentences';
import { normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import { auditCancelledTasks, cancelDocumentTasks, documentById, presentDocument, presentTwin, refreshDocumentSearch, twinsOf, withdrawDocumentRow } from './queries';

export interface DocumentMetadataInput {
  number?: string | null;
  type?: string | null;
  issuedOn?: string | null;
  issuer?: string | null;
  place?: string | null;
  summary?: string | null;
  signer?: string | null;
  signerAuthority?: string | null;
  recipients?: string | null;
}

export interface RegisterInput extends DocumentMetadataInput {
  text: string;
  file?: { filename: string; mimetype: string; buffer: Buffer } | null;
}

const clean = (s: string | null | undefined) => (s ? normalizeText(s) || null : null);

/** What the audit keeps of a document: its metadata, not its (long) text. */
function auditShape(d: ReturnType<typeof presentDocument>) {
  const { body: _body, ...rest } = d as typeof d & { body?: string };
  return rest;
}

/**
 * Registers a directive. The text is stored normalised (the extractor's offsets point into
 * it, so the review screen can highlight source sentences); metadata left blank is read
 * from the text, and the reviewer corrects it before confirming.
 */
export async function registerDocument(deps: Deps, ctx: AuditContext, actorId: string, input: RegisterInput) {
  const body = normalizeDocument(input.text);
  if (body.replace(/\s/g, '').length < 20) throw new AppError('VALIDATION', 'Nội dung văn bản quá ngắn; hãy dán toàn văn hoặc tải tệp lên', 'text');
  const found = extractMetadata(body);
  const now = deps.now().toISOString();
  return deps.db.transaction(async (tx) => {
    let fileId: string | null = null;
    if (input.file) {
      const f = await tx.query<{ id: string }>(
        'insert into files (filename, mime_type, size_bytes, sha256, content, uploaded_by, uploaded_at) values ($1, $2, $3, $4, $5, $6, $7) returning id',
        [input.file.filename, input.file.mimetype, input.file.buffer.length, createHash('sha256').update(input.file.buffer).digest('hex'), input.file.buffer, actorId, now],
      );
      fileId = f[0]!.id;
    }
    const rows = await tx.query<{ id: string }>(
      `insert into documents (province_id, doc_number, doc_type, issued_on, issuer, place, summary, signer, signer_authority, recipients, body, file_id, created_by, created_at, updated_at)
       values (coalesce((select un.province_id from users u join units un on un.id = u.unit_id where u.id = $12), 'HP'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) returning id`,
      [
        clean(input.number) ?? found.soKyHieu,
        clean(input.type) ?? found.loai ?? 'Văn bản',
        input.issuedOn ?? found.ngayBanHanh,
        clean(input.issuer) ?? found.coQuan,
        clean(input.place) ?? found.diaDanh,
        clean(input.summary) ?? found.trichYeu,
        clean(input.signer) ?? found.nguoiKy,
        clean(input.signerAuthority),
        clean(input.recipients),
        body,
        fileId,
        actorId,
        now,
      ],
    );
    const id = rows[0]!.id;
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
  let updated: unknown[];
  try {
    // One statement checks the version and, for a confirmation, that it was never confirmed:
    // of twenty simultaneous confirmations exactly one creates tasks.
    updated = await tx.query(
      `update documents set doc_number = $3, doc_type = $4, issued_on = $5, issuer = $6, place = $7, summary = $8, signer = $9,
              signer_authority = $10, recipients = $11, version = version + 1, updated_at = $12,
              confirmed_at = case when $13 then $12::timestamptz else confirmed_at end
        where id = $1 and version = $2 and withdrawn_at is null and (not $13 or confirmed_at is null) returning id`,
      [
        id,
        version,
        pick(m.number === undefined ? undefined : clean(m.number), current.doc_number),
        type ?? 'Văn bản',
        pick(m.issuedOn, current.issued_on),
        pick(m.issuer === undefined ? undefined : clean(m.issuer), current.issuer),
        pick(m.place === undefined ? undefined : clean(m.place), current.place),
        pick(m.summary === undefined ? undefined : clean(m.summary), current.summary),
        pick(m.signer === undefined ? undefined : clean(m.signer), current.signer),
        pick(m.signerAuthority === undefined ? undefined : clean(m.signerAuthority), current.signer_authority),
        pick(m.recipients === undefined ? undefined : clean(m.recipients), current.recipients),
        now,
        extra.confirmed ?? false,
      ],
    );
  } catch (err) {
    // documents_confirmed_once: another copy of this directive is already confirmed.
    if ((err as { code?: string }).code === '23505') throw twinConfirmed();
    throw err;
  }
  if (updated.length === 0) {
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
export async function withdrawDocument(deps: Deps, ctx: AuditContext, actorId: string, id: string, input: WithdrawInput) {
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

export async function updateDocument(deps: Deps, ctx: AuditContext, id: string, version: number, m: DocumentMetadataInput) {
  const now = deps.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const { before, after } = await applyMetadata(tx, ctx, id, version, m, now);
    await recordAudit(tx, ctx, { action: 'update', entity: 'document', entityId: id, before: auditShape(before), after: auditShape(after) });
    return after;
  });
}
