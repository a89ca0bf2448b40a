import type { Queryable } from '../../../db/client';
import { passwordProblems } from '../../../core/auth/password-policy';
import type { z } from 'zod';
import type { TUser, ZUserCreate, ZUserUpdate } from '../../../contracts/users';
import { normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import { hashPassword } from '../auth/service';
import { presentUser } from './model';
import { deleteUserSessions, insertUser, selectUser, selectUsers, unitExists, updateUserRow, usernameTaken } from './queries';

export async function listUsers(db: Queryable, unitScope: ReadonlySet<string> | null): Promise<TUser[]> {
  const rows = await selectUsers(db);
  return rows.filter((u) => !unitScope || unitScope.has(u.unit_id)).map(presentUser);
}

function checkPassword(password: string, username: string) {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new AppError('VALIDATION', problems.join('; '), 'password');
}

async function checkUnit(tx: Queryable, unitId: string) {
  if (!(await unitExists(tx, unitId))) throw new AppError('VALIDATION', 'Đơn vị không tồn tại', 'unitId');
}

export type CreateUserInput = z.output<typeof ZUserCreate>;

export async function createUser(deps: Deps, ctx: AuditContext, input: CreateUserInput): Promise<TUser> {
  checkPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    await checkUnit(tx, input.unitId);
    if (await usernameTaken(tx, input.username)) throw new AppError('DUPLICATE', `Tên đăng nhập "${input.username}" đã được dùng`, 'username');
    const id = await insertUser(tx, { username: input.username, password_hash: passwordHash, full_name: normalizeText(input.fullName), role: input.role, unit_id: input.unitId });
    const after = presentUser((await selectUser(tx, id))!);
    await recordAudit(tx, ctx, { action: 'create', entity: 'user', entityId: after.id, after });
    return after;
  });
}

export type UpdateUserInput = z.output<typeof ZUserUpdate>;

export async function updateUser(deps: Deps, ctx: AuditContext, id: string, input: UpdateUserInput): Promise<TUser> {
  const current = await selectUser(deps.db, id);
  if (!current) throw notFound('người dùng');
  if (input.password !== undefined) checkPassword(input.password, current.username);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return deps.db.transaction(async (tx) => {
    const fresh = await selectUser(tx, id);
    if (!fresh) throw notFound('người dùng');
    if (fresh.version !== input.version) throw staleVersion();
    if (input.unitId) await checkUnit(tx, input.unitId);
    if (id === ctx.actorId && (input.active === false || (input.role && input.role !== 'admin'))) {
      throw new AppError('VALIDATION', 'Không thể tự khoá hoặc tự bỏ quyền quản trị của chính mình', input.active === false ? 'active' : 'role');
    }
    // The version is checked by the update itself: of two edits from one version, one is kept.
    const updated = await updateUserRow(tx, id, input.version, {
      full_name: input.fullName ? normalizeText(input.fullName) : null,
      role: input.role ?? null,
      unit_id: input.unitId ?? null,
      active: input.active ?? null,
      password_hash: passwordHash,
    });
    if (!updated) throw staleVersion();
    // A deactivated user or a changed password ends every open session of that user.
    if (input.active === false || passwordHash) await deleteUserSessions(tx, id);
    const after = presentUser((await selectUser(tx, id))!);
    await recordAudit(tx, ctx, { action: passwordHash ? 'update_with_password' : 'update', entity: 'user', entityId: id, before: presentUser(fresh), after });
    return after;
  });
}
