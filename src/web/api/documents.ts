import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TGroupKey } from '../../core/extraction/unit-names';
import type { TProposal, TProposedAssignment, TResolved, TUnreadSentenceWire } from '../../contracts/documents';
import { api } from './client';
import { uploadFile, type Pillar, type Recurrence, type Task } from './tasks';

/** Shapes of /api/documents as the SPA sees them. */

export interface DocumentMetadata {
  number: string | null;
  type: string | null;
  issuedOn: string | null;
  issuer: string | null;
  place?: string | null;
  summary: string | null;
  signer: string | null;
}

export interface DirectiveDocument extends DocumentMetadata {
  id: string;
  type: string;
  signerAuthority: string | null;
  recipients: string | null;
  body?: string;
  file: { id: string; name: string } | null;
  confirmedAt: string | null;
  status: DocumentStatus;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  withdrawnBy: string | null;
  /** Other registrations of the same directive (on registration and on the detail). */
  duplicates?: DocumentTwin[];
  taskCount: number;
  openTaskCount: number;
  sample: boolean;
  createdAt: string;
  version: number;
}

export type DocumentStatus = 'registered' | 'confirmed' | 'withdrawn';

export interface DocumentTwin {
  id: string;
  number: string | null;
  type: string;
  issuer: string | null;
  issuedOn: string | null;
  status: DocumentStatus;
  createdAt: string;
}

export type GroupKey = TGroupKey;

/** The proposal's shapes come from src/contracts/documents.ts, as the server sends them. */
export type Resolved = TResolved;
export type ProposedAssignment = TProposedAssignment;
export type UnreadSentence = TUnreadSentenceWire;
export type Proposal = TProposal;

export interface ConfirmAssignment {
  title: string;
  lead: { unitId: string } | { group: GroupKey; text?: string; excludeUnitIds?: string[] };
  coordinatorUnitIds: string[];
  deadline?: string | null;
  deadlineText?: string | null;
  recurrence?: Recurrence | null;
  pillar?: Pillar | null;
  sourceStart?: number | null;
  sourceEnd?: number | null;
}

export function useDocuments(q: string, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['documents', 'list', q, page],
    queryFn: () => api.get<{ total: number; items: DirectiveDocument[] }>('/api/documents', { query: { q: q.trim() || undefined, ...page } }),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string | null) {
  return useQuery({
    queryKey: ['documents', 'detail', id],
    queryFn: () => api.get<{ document: DirectiveDocument; tasks: Task[] }>(`/api/documents/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export function useRegisterDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string } | { file: File }) =>
      'file' in input ? uploadFile<DirectiveDocument>(qc, '/api/documents/upload', input.file) : api.post<DirectiveDocument>('/api/documents', { text: input.text }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['documents'] }),
  });
}

export function usePropose() {
  return useMutation({ mutationFn: (id: string) => api.post<Proposal>(`/api/documents/${encodeURIComponent(id)}/proposal`) });
}

export function useConfirmProposal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; metadata: DocumentMetadata; assignments: ConfirmAssignment[] }) =>
      api.post<{ created: number; document: DirectiveDocument; tasks: Task[] }>(`/api/documents/${encodeURIComponent(id)}/confirm`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['documents'] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

/** Thu hồi: the document and, in the same action, the chosen open tasks (the others are kept). */
export function useWithdrawDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; reason: string; cancelTaskIds: string[] }) =>
      api.post<{ document: DirectiveDocument; cancelled: number }>(`/api/documents/${encodeURIComponent(id)}/withdraw`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['documents'] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
