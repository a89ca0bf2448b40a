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
         (select count(*)::int from tasks t where t.document_id = d.id) as task_count,
         (select count(*)::int from tasks t where t.document_id = d.id and t.completed_on is null) as open_task_count
    from documents d left join files f on f.id = d.file_id`;

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
