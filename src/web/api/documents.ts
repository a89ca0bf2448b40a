import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TDocument,
  TDocumentConfirm,
  TDocumentConfirmed,
  TDocumentDetail,
  TDocumentList,
  TDocumentWithdraw,
  TDocumentWithdrawn,
  TProposal,
} from '../../contracts/documents';
import { api } from './client';
import { uploadFile } from './tasks';

/** /api/documents. The shapes are the contract's (src/contracts/documents.ts). */

export function useDocuments(q: string, page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['documents', 'list', q, page],
    queryFn: () => api.get<TDocumentList>('/api/documents', { query: { q: q.trim() || undefined, ...page } }),
    placeholderData: keepPreviousData,
  });
}

export function useDocument(id: string | null) {
  return useQuery({
    queryKey: ['documents', 'detail', id],
    queryFn: () => api.get<TDocumentDetail>(`/api/documents/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export function useRegisterDocument() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { text: string } | { file: File }) =>
      'file' in input ? uploadFile<TDocument>(qc, '/api/documents/upload', input.file) : api.post<TDocument>('/api/documents', { text: input.text }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['documents'] }),
  });
}

export function usePropose() {
  return useMutation({ mutationFn: (id: string) => api.post<TProposal>(`/api/documents/${encodeURIComponent(id)}/proposal`) });
}

export function useConfirmProposal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TDocumentConfirm & { id: string }) =>
      api.post<TDocumentConfirmed>(`/api/documents/${encodeURIComponent(id)}/confirm`, body),
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
    mutationFn: ({ id, ...body }: TDocumentWithdraw & { id: string }) =>
      api.post<TDocumentWithdrawn>(`/api/documents/${encodeURIComponent(id)}/withdraw`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['documents'] });
      void qc.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
