import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { CreateUserInput, UpdateUserInput, UserRecord } from './types';

const USERS_KEY = ['users'] as const;

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: () => api.get<UserRecord[]>('/api/users'),
    enabled,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<UserRecord>('/api/users', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) =>
      api.patch<UserRecord>(`/api/users/${encodeURIComponent(id)}`, input),
    onSettled: () => qc.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
