import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';
import { foldVietnamese } from '../../../core/text/fold';
import type { TDocumentListQuery, TGoldAssignment } from '../../../contracts/documents';

type D = Tables['documents'];

/** A document with its file's name, who withdrew it and its task counts. */
export type DocumentRow = Pick<
  D,
  | 'id' | 'doc_number' | 'doc_type' | 'issued_on' | 'issuer' | 'place' | 'summary' | 'signer' | 'signer_authority' | 'recipients'
  | 'body' | 'file_id' | 'confirmed_at' | 'withdrawn_at' | 'withdrawn_reason' | 'sample' | 'created_at' | 'updated_at' | 'version'
> & {
  file_name: Tables['files']['filename'] | null;
  withdrawn_by_name: Tables['users']['username'] | null;
  task_count: number;
  open_task_count: number;
};

const SELECT_DOCUMENTS = `
  select d.id, d.doc_number, d.doc_type, d.issued_on, d.issuer, d.place, d.summary, d.signer, d.signer_authority, d.recipients,
         d.body, d.file_id, f.filename as file_name, d.confirmed_at, d.sample, d.created_at, d.updated_at, d.version,
         d.withdrawn_at, d.withdrawn_reason, wu.username as withdrawn_by_name,
         (select count(*)::int from tasks t where t.document_id = d.id) as task_count,
         (select count(*)::int from tasks t where t.document_id = d.id and t.completed_on is null and t.cancelled_at is null) as open_task_count
    from documents d left join files f on f.id = d.file_id left join users wu on wu.id = d.withdrawn_by`;

export async function documentById(db: Queryable, id: string): Promise<DocumentRow | undefined> {
  return (await db.query<DocumentRow>(`${SELECT_DOCUMENTS} where d.id = $1`, [id]))[0];
}

/** `provinceId` null or absent: every province (the national role). */
export async function selectDocuments(db: Queryable, f: TDocumentListQuery & { provinceId?: string | null }): Promise<{ total: number; rows: DocumentRow[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  for (const word of foldVietnamese(f.q ?? '').split(' ').filter(Boolean).slice(0, 8)) {
    where.push(`d.search_folded like ${p(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
  }
  if (f.type) where.push(`d.doc_type = ${p(f.type)}`);
  if (f.year) where.push(`extract(year from d.issued_on) = ${p(f.year)}`);
  if (f.provinceId) where.push(`d.province_id = ${p(f.provinceId)}`);
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const total = (await db.query<{ n: number }>(`select count(*)::int as n from documents d ${w}`, params))[0]!.n;
  const rows = await db.query<DocumentRow>(`${SELECT_DOCUMENTS} ${w} order by d.issued_on desc nulls last, d.created_at desc limit ${p(f.limit)} offset ${p(f.offset)}`, params);
  return { total, rows };
}

export async function refreshDocumentSearch(tx: Queryable, id: string): Promise<void> {
  await tx.query(
    `update documents set search_folded = $2 where id = $1`,
    [id, await searchText(tx, id)],
  );
}

async function searchText(tx: Queryable, id: string): Promise<string> {
  const d = (await tx.query<Pick<D, 'doc_number' | 'doc_type' | 'issuer' | 'summary' | 'signer'>>(
    'select doc_number, doc_type, issuer, summary, signer from documents where id = $1',
    [id],
  ))[0];
  return d ? foldVietnamese([d.doc_number, d.doc_type, d.issuer, d.summary, d.signer].filter(Boolean).join(' ')) : '';
}

// ─── The same directive registered twice (issue 9) ────────────────────────────

export type TwinRow = Pick<D, 'id' | 'doc_number' | 'doc_type' | 'issuer' | 'issued_on' | 'confirmed_at' | 'withdrawn_at' | 'created_at'>;

/**
 * Other documents with the same số/ký hiệu, issuer and date (directive_key() in migration
 * 0014 folds case, diacritics, spaces and NFC), oldest first. Empty when a part is missing.
 */
export async function twinsOf(db: Queryable, id: string): Promise<TwinRow[]> {
  return db.query<TwinRow>(
    `select o.id, o.doc_number, o.doc_type, o.issuer, o.issued_on, o.confirmed_at, o.withdrawn_at, o.created_at
       from documents d
       join documents o on directive_key(o.doc_number, o.issuer) = directive_key(d.doc_number, d.issuer) and o.issued_on = d.issued_on and o.id <> d.id
      where d.id = $1
      order by o.created_at, o.id`,
    [id],
  );
}

/**
 * Withdraws the document from the version the coordinator saw, in one statement: of two
 * simultaneous withdrawals (or a withdrawal and an edit) from one version, one is kept.
 */
export async function withdrawDocumentRow(tx: Queryable, id: string, version: number, by: string, reason: string, at: string): Promise<boolean> {
  const rows = await tx.query(
    `update documents set withdrawn_at = $4, withdrawn_by = $3, withdrawn_reason = $5, version = version + 1, updated_at = $4
      where id = $1 and version = $2 and withdrawn_at is null returning id`,
    [id, version, by, at, reason],
  );
  return rows.length > 0;
}

export type CancelledTaskRow = Pick<Tables['tasks'], 'id' | 'title' | 'version'>;

/**
 * Closes the chosen open tasks of a withdrawn document in one statement; tasks of another
 * document, done or already closed are not touched (the caller compares the counts).
 */
export async function cancelDocumentTasks(tx: Queryable, documentId: string, taskIds: readonly string[], reason: string, at: string): Promise<CancelledTaskRow[]> {
  if (taskIds.length === 0) return [];
  return tx.query<CancelledTaskRow>(
    `update tasks set cancelled_at = $4, cancel_reason = $3, version = version + 1, updated_at = $4
      where document_id = $1 and id = any($2::uuid[]) and cancelled_at is null and completed_on is null
      returning id, title, version`,
    [documentId, [...new Set(taskIds)], reason, at],
  );
}

/** One audit row per closed task, written in one statement inside the withdrawal's transaction. */
export async function auditCancelledTasks(
  tx: Queryable,
  ctx: { actorId: string | null; actorName: string; ip?: string },
  documentId: string,
  rows: readonly CancelledTaskRow[],
  reason: string,
  at: string,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `insert into audit_log (actor_id, actor_name, action, entity, entity_id, before, after, ip)
     select $1, $2, 'cancel', 'task', r.id,
            jsonb_build_object('title', r.title, 'version', r.version - 1, 'cancelledAt', null),
            jsonb_build_object('title', r.title, 'version', r.version, 'cancelledAt', $6::text, 'cancelReason', $5::text, 'documentId', $4::text),
            $3
       from unnest($7::text[], $8::text[], $9::int[]) as r(id, title, version)`,
    [ctx.actorId, ctx.actorName, ctx.ip ?? null, documentId, reason, at, rows.map((r) => r.id), rows.map((r) => r.title), rows.map((r) => r.version)],
  );
}

// ─── Registration and edits ──────────────────────────────────────────────────

export async function insertFile(tx: Queryable, f: Pick<Tables['files'], 'filename' | 'mime_type' | 'size_bytes' | 'sha256' | 'uploaded_by' | 'uploaded_at'> & { content: Buffer }): Promise<string> {
  const rows = await tx.query<Pick<Tables['files'], 'id'>>(
    'insert into files (filename, mime_type, size_bytes, sha256, content, uploaded_by, uploaded_at) values ($1, $2, $3, $4, $5, $6, $7) returning id',
    [f.filename, f.mime_type, f.size_bytes, f.sha256, f.content, f.uploaded_by, f.uploaded_at],
  );
  return rows[0]!.id;
}

export type DocumentInsert = Pick<
  D,
  'doc_number' | 'doc_type' | 'issued_on' | 'issuer' | 'place' | 'summary' | 'signer' | 'signer_authority' | 'recipients' | 'body' | 'file_id' | 'created_by' | 'created_at'
>;

export async function insertDocumentRow(tx: Queryable, d: DocumentInsert): Promise<string> {
  const rows = await tx.query<Pick<D, 'id'>>(
    // The document belongs to its registrar's province (issue 12).
    `insert into documents (province_id, doc_number, doc_type, issued_on, issuer, place, summary, signer, signer_authority, recipients, body, file_id, created_by, created_at, updated_at)
     values (coalesce((select un.province_id from users u join units un on un.id = u.unit_id where u.id = $12),
                      (select province_id from units where parent_id is null order by valid_to is not null, valid_from limit 1)),
             $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) returning id`,
    [d.doc_number, d.doc_type, d.issued_on, d.issuer, d.place, d.summary, d.signer, d.signer_authority, d.recipients, d.body, d.file_id, d.created_by, d.created_at],
  );
  return rows[0]!.id;
}

export type DocumentMetadataRow = Pick<D, 'doc_number' | 'doc_type' | 'issued_on' | 'issuer' | 'place' | 'summary' | 'signer' | 'signer_authority' | 'recipients'>;

/**
 * Writes the metadata from the version the reviewer saw. One statement checks the version
 * and, for a confirmation, that it was never confirmed: of twenty simultaneous confirmations
 * exactly one creates tasks. False when it lost to a concurrent change.
 */
export async function updateDocumentMetadata(tx: Queryable, id: string, version: number, m: DocumentMetadataRow, at: string, confirm: boolean): Promise<boolean> {
  const rows = await tx.query<Pick<D, 'id'>>(
    `update documents set doc_number = $3, doc_type = $4, issued_on = $5, issuer = $6, place = $7, summary = $8, signer = $9,
            signer_authority = $10, recipients = $11, version = version + 1, updated_at = $12,
            confirmed_at = case when $13 then $12::timestamptz else confirmed_at end
      where id = $1 and version = $2 and withdrawn_at is null and (not $13 or confirmed_at is null) returning id`,
    [id, version, m.doc_number, m.doc_type, m.issued_on, m.issuer, m.place, m.summary, m.signer, m.signer_authority, m.recipients, at, confirm],
  );
  return rows.length > 0;
}

/** The uploaded original of a document, if it has one. */
export async function selectDocumentFile(db: Queryable, id: string): Promise<Pick<Tables['files'], 'filename' | 'mime_type' | 'content'> | undefined> {
  return (await db.query<Pick<Tables['files'], 'filename' | 'mime_type' | 'content'>>(
    'select f.filename, f.mime_type, f.content from documents d join files f on f.id = d.file_id where d.id = $1',
    [id],
  ))[0];
}

// ─── The clerk's review, kept as gold (issue 10) ──────────────────────────────

export type ReviewInsert = Pick<Tables['document_reviews'], 'document_id' | 'added' | 'removed' | 'lead_changed' | 'deadline_changed' | 'reviewed_by' | 'reviewed_at'> & {
  proposed: readonly TGoldAssignment[];
  reviewed: readonly TGoldAssignment[];
};

export async function upsertReview(tx: Queryable, r: ReviewInsert): Promise<void> {
  await tx.query(
    `insert into document_reviews (document_id, proposed, reviewed, added, removed, lead_changed, deadline_changed, reviewed_by, reviewed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (document_id) do update set proposed = excluded.proposed, reviewed = excluded.reviewed, added = excluded.added,
       removed = excluded.removed, lead_changed = excluded.lead_changed, deadline_changed = excluded.deadline_changed,
       reviewed_by = excluded.reviewed_by, reviewed_at = excluded.reviewed_at`,
    [r.document_id, JSON.stringify(r.proposed), JSON.stringify(r.reviewed), r.added, r.removed, r.lead_changed, r.deadline_changed, r.reviewed_by, r.reviewed_at],
  );
}

export type ReviewRow = Pick<D, 'id' | 'doc_number' | 'doc_type' | 'issued_on' | 'issuer' | 'signer' | 'summary' | 'body'> &
  Pick<Tables['document_reviews'], 'added' | 'removed' | 'lead_changed' | 'deadline_changed' | 'reviewed_at'> & {
    /** jsonb written by upsertReview. */
    proposed: TGoldAssignment[];
    reviewed: TGoldAssignment[];
  };

/** Reviewed documents (all, or one), in the order they were reviewed. */
export async function selectReviews(db: Queryable, documentId: string | null): Promise<ReviewRow[]> {
  return db.query<ReviewRow>(
    `select d.id, d.doc_number, d.doc_type, d.issued_on, d.issuer, d.signer, d.summary, d.body,
            r.proposed, r.reviewed, r.added, r.removed, r.lead_changed, r.deadline_changed, r.reviewed_at
       from document_reviews r join documents d on d.id = r.document_id
      where ($1::uuid is null or r.document_id = $1::uuid)
      order by r.reviewed_at, d.id`,
    [documentId],
  );
}
