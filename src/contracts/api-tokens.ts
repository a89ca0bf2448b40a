import { z } from 'zod';
import { API_TOKEN_SCOPES, type ApiTokenScope } from '../core/auth/api-scopes';
import type { Role } from '../core/auth/roles';
import { ZId, ZInstant, ZIsoDate, ZName, ZUnitRef } from './common';

export { API_TOKEN_MODULES, API_TOKEN_SCOPES } from '../core/auth/api-scopes';

/** A token acts with one of these roles; administration stays with people. */
export const API_TOKEN_ROLES = ['leadership', 'coordinator', 'finance', 'unit_leader', 'unit_officer'] as const satisfies readonly Exclude<Role, 'admin'>[];

export const ZApiTokenCreate = z.strictObject({
  name: ZName.pipe(z.string().max(100, 'Tên quá dài (tối đa 100 ký tự)')),
  role: z.enum(API_TOKEN_ROLES, { message: 'Vai trò không hợp lệ cho mã truy cập (không cấp quyền quản trị)' }),
  /** The unit whose subtree the token sees; the root unit when absent. */
  unitId: ZId.optional(),
  scopes: z.array(z.enum(API_TOKEN_SCOPES as readonly ApiTokenScope[] as [ApiTokenScope, ...ApiTokenScope[]], { message: 'Phạm vi không hợp lệ' })).min(1, 'Chọn ít nhất một phạm vi').max(API_TOKEN_SCOPES.length),
  /** The last day the token works (Vietnam time), at most a year ahead. */
  expiresOn: ZIsoDate,
});
export type TApiTokenCreate = z.input<typeof ZApiTokenCreate>;

export const ZApiTokenParams = z.strictObject({ id: ZId });

export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  /** The first characters of the secret, to tell tokens apart; the rest is never stored. */
  prefix: z.string(),
  role: z.string(),
  unit: ZUnitRef,
  scopes: z.array(z.string()),
  expiresAt: ZInstant,
  revokedAt: ZInstant.nullable(),
  lastUsedAt: ZInstant.nullable(),
  createdAt: ZInstant,
  createdBy: z.string().nullable(),
  /** The name its requests carry in the audit log. */
  auditName: z.string(),
});
export type TApiToken = z.infer<typeof ZApiToken>;
export const ZApiTokenList = z.array(ZApiToken);

/** The answer to a creation: the only time the secret is shown. */
export const ZApiTokenCreated = ZApiToken.extend({ token: z.string().describe('Gửi trong tiêu đề Authorization: Bearer <token>. Chỉ hiện một lần.') });
export type TApiTokenCreated = z.infer<typeof ZApiTokenCreated>;
