import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { TUser, TUserCreate, TUserList, TUserUpdate } from '../../contracts/users';

/** /api/users. The shapes are the contract's (src/contracts/users.ts). */

const USERS_KEY = ['users'] as const;

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: () => api.get<TUserList>('/api/users'),
    enabled,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TUserCreate) => api.post<TUser>('/api/users', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: TUserUpdate }) =>
      api.patch<TUser>(`/api/users/${encodeURIComponent(id)}`, input),
    onSettled: () => qc.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
