import type { TDocument, TDocumentStatus, TDocumentTwin } from '../../../contracts/documents';
import type { DocumentRow, TwinRow } from './queries';

export function documentStatus(d: Pick<DocumentRow, 'confirmed_at' | 'withdrawn_at'>): TDocumentStatus {
  if (d.withdrawn_at) return 'withdrawn';
  return d.confirmed_at ? 'confirmed' : 'registered';
}

export function presentDocument(d: DocumentRow, withBody = false): TDocument {
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

export function presentTwin(t: TwinRow): TDocumentTwin {
  return { id: t.id, number: t.doc_number, type: t.doc_type, issuer: t.issuer, issuedOn: t.issued_on, status: documentStatus(t), createdAt: t.created_at };
}
