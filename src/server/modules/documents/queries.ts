import type { Queryable } from '../../../db/client';
import { foldVietnamese } from '../../../core/text/fold';

export interface DocumentRow {
  id: string;
  doc_number: string | null;
  doc_type: string;
  issued_on: string | null;
  issuer: string | null;
  place: string | null;
  summary: string | null;
  signer: string | null;
  signer_authority: string | null;
  recipients: string | null;
  body: string;
  file_id: string | null;
  file_name: string | null;
  confirmed_at: string | null;
  withdrawn_at: string | null;
  withdrawn_reason: string | null;
  withdrawn_by_name: string | null;
  sample: boolean;
  task_count: number;
  open_task_count: number;
  created_at: string;
  updated_at: string;
  version: number;
}

const SELECT_DOCUMENTS = `
  select d.id, d.doc_number, d.doc_type, d.issued_on, d.issuer, d.place, d.summary, d.signer, d.signer_authority, d.recipients,
         d.body, d.file_id, f.filename as file_name, d.confirmed_at, d.sample, d.created_at, d.updated_at, d.version,
         d.withdrawn_at, d.withdrawn_reason, wu.username as withdrawn_by_name,
         (select count(*)::int from tasks t where t.document_id = d.id) as task_count,
         (select count(*)::int from tasks t where t.document_id = d.id and t.completed_on is null and t.cancelled_at is null) as open_task_count
    from documents d left join files f on f.id = d.file_id left join users wu on wu.id = d.withdrawn_by`;

export type DocumentStatus = 'registered' | 'confirmed' | 'withdrawn';

export function documentStatus(d: Pick<DocumentRow, 'confirmed_at' | 'withdrawn_at'>): DocumentStatus {
  if (d.withdrawn_at) return 'withdrawn';
  return d.confirmed_at ? 'confirmed' : 'registered';
}

export function presentDocument(d: DocumentRow, withBody = false) {
  return {
    id: d.id,
    number: d.doc_number,
    type: d.doc_type,
    issuedOn: d.issued_on,
    issuer: d.issuer,
    place: d.place,
    summary: d.summary,
    signer: d.signer,
    signerAuthority: d.signer_authority,
    recipients: d.recipients,
    ...(withBody ? { body: d.body } : {}),
    file: d.file_id ? { id: d.file_id, name: d.file_name ?? '' } : null,
    confirmedAt: d.confirmed_at,
    /** registered → confirmed (its tasks created) → withdrawn (thu hồi, with a reason). */
    status: documentStatus(d),
    withdrawnAt: d.withdrawn_at,
    withdrawnReason: d.withdrawn_reason,
    withdrawnBy: d.withdrawn_by_name,
    taskCount: d.task_count,
    openTaskCount: d.open_task_count,
    sample: d.sample,
    createdAt: d.created_at,
    updatedAt: d.updated_at,
    version: d.version,
  };
}
export type DocumentView = ReturnType<typeof presentDocument>;

export async function documentById(db: Queryable, id: string): Promise<DocumentRow | undefined> {
  return (await db.query<DocumentRow>(`${SELECT_DOCUMENTS} where d.id = $1`, [id]))[0];
}

export interface DocumentFilter {
  q?: string;
  type?: string;
  year?: number;
  limit: number;
  offset: number;
  /** One province's documents; null or absent: every province (national). */
  provinceId?: string | null;
}

export async function listDocuments(db: Queryable, f: DocumentFilter) {
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
  return { total, items: rows.map((d) => presentDocument(d)) };
}

export async function refreshDocumentSearch(tx: Queryable, id: string): Promise<void> {
  await tx.query(
    `update documents set search_folded = $2 where id = $1`,
    [id, await searchText(tx, id)],
  );
}

async function searchText(tx: Queryable, id: string): Promise<string> {
  const d = (await tx.query<{ doc_number: string | null; doc_type: string; issuer: string | null; summary: string | null; signer: string | null }>(
    'select doc_number, doc_type, issuer, summary, signer from documents where id = $1',
    [id],
  ))[0];
  return d ? foldVietnamese([d.doc_number, d.doc_type, d.issuer, d.summary, d.signer].filter(Boolean).join(' ')) : '';
}

// ─── The same directive registered twice (issue 9) ────────────────────────────

export interface TwinRow {
  id: string;
  doc_number: string | null;
  doc_type: string;
  issuer: string | null;
  issued_on: string | null;
  confirmed_at: string | null;
  withdrawn_at: string | null;
  created_at: string;
}

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

export function presentTwin(t: TwinRow) {
  return { id: t.id, number: t.doc_number, type: t.doc_type, issuer: t.issuer, issuedOn: t.issued_on, status: documentStatus(t), createdAt: t.created_at };
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

export interface CancelledTaskRow {
  id: string;
  title: string;
  version: number;
}

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
