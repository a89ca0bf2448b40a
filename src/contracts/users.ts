import { z } from 'zod';
import { ROLES } from '../core/auth/roles';
import { ZId, ZInstant, ZName } from './common';

/** Accounts of the people who sign in: /api/users (the administrator's screen). */

// ─── Requests ────────────────────────────────────────────────────────────────

export const ZUsername = z.string().trim().regex(/^[a-zA-Z0-9._-]{3,60}$/, 'Tên đăng nhập gồm 3–60 ký tự: chữ không dấu, số, dấu chấm, gạch');
/** Length only: the password policy (src/core/auth/password-policy.ts) is checked by the service and the screen. */
export const ZPassword = z.string().min(1, 'Hãy nhập mật khẩu').max(200, 'Mật khẩu quá dài');
export const ZRole = z.enum(ROLES);

export const ZUserParams = z.strictObject({ id: ZId });

export const ZUserCreate = z.strictObject({ username: ZUsername, password: ZPassword, fullName: ZName, role: ZRole, unitId: ZId });
export type TUserCreate = z.input<typeof ZUserCreate>;

export const ZUserUpdate = z.strictObject({
  version: z.number().int().min(1),
  fullName: ZName.optional(),
  role: ZRole.optional(),
  unitId: ZId.optional(),
  active: z.boolean().optional(),
  password: ZPassword.optional(),
});
export type TUserUpdate = z.input<typeof ZUserUpdate>;

// ─── Responses ───────────────────────────────────────────────────────────────

/** Never carries the password hash: this is what leaves the server and what the audit keeps. */
export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  role: ZRole,
  unitId: z.string(),
  unitName: z.string(),
  active: z.boolean(),
  lastLoginAt: ZInstant.nullable(),
  version: z.number().int(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserList = z.array(ZUser);
export type TUserList = z.infer<typeof ZUserList>;
