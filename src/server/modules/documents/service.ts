import { createHash } from 'node:crypto';
import type { Queryable } from '../../../db/client';
import { extractMetadata } from '../../../core/extraction/metadata';
import { normalizeDocument } from '../../../core/extraction/sentences';
import { normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import { documentById, presentDocument, refreshDocumentSearch } from './queries';

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
      `insert into documents (doc_number, doc_type, issued_on, issuer, place, summary, signer, signer_authority, recipients, body, file_id, created_by, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) returning id`,
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
    return after;
  });
}

/** Writes metadata inside the caller's transaction; the version must match. */
export async function applyMetadata(tx: Queryable, _ctx: AuditContext, id: string, version: number, m: DocumentMetadataInput, now: string, extra: { confirmed?: boolean } = {}) {
  const current = await documentById(tx, id);
  if (!current) throw notFound('văn bản');
  if (current.version !== version) throw staleVersion();
  const pick = <T>(v: T | undefined, old: T) => (v === undefined ? old : v);
  const type = pick(m.type === undefined ? undefined : clean(m.type), current.doc_type);
  const updated = await tx.query(
    `update documents set doc_number = $3, doc_type = $4, issued_on = $5, issuer = $6, place = $7, summary = $8, signer = $9,
            signer_authority = $10, recipients = $11, version = version + 1, updated_at = $12,
            confirmed_at = case when $13 then $12::timestamptz else confirmed_at end
      where id = $1 and version = $2 returning id`,
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
  if (updated.length === 0) throw staleVersion();
  await refreshDocumentSearch(tx, id);
  return { before: presentDocument(current), after: presentDocument((await documentById(tx, id))!, true) };
}

export async function updateDocument(deps: Deps, ctx: AuditContext, id: string, version: number, m: DocumentMetadataInput) {
  const now = deps.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const { before, after } = await applyMetadata(tx, ctx, id, version, m, now);
    await recordAudit(tx, ctx, { action: 'update', entity: 'document', entityId: id, before: auditShape(before), after: auditShape(after) });
    return after;
  });
}
