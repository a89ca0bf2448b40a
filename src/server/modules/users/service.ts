import type { Queryable } from '../../../db/client';
import { passwordProblems } from '../../../core/auth/password-policy';
import type { Role } from '../../../core/auth/roles';
import { normalizeText } from '../../../core/text/fold';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound, staleVersion } from '../../errors';
import { hashPassword } from '../auth/service';

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  unit_id: string;
  unit_name: string;
  active: boolean;
  last_login_at: string | null;
  version: number;
}

const SELECT_USERS = `select u.id, u.username, u.full_name, u.role, u.unit_id, n.name as unit_name, u.active, u.last_login_at, u.version
  from users u join units n on n.id = u.unit_id`;

/** Never includes the password hash: this is what leaves the server and what the audit keeps. */
export function presentUser(u: UserRow) {
  return { id: u.id, username: u.username, fullName: u.full_name, role: u.role, unitId: u.unit_id, unitName: u.unit_name, active: u.active, lastLoginAt: u.last_login_at, version: u.version };
}

export async function listUsers(db: Queryable, unitScope: ReadonlySet<string> | null) {
  const rows = await db.query<UserRow>(`${SELECT_USERS} order by u.username`);
  return rows.filter((u) => !unitScope || unitScope.has(u.unit_id)).map(presentUser);
}

async function userById(db: Queryable, id: string) {
  return (await db.query<UserRow>(`${SELECT_USERS} where u.id = $1`, [id]))[0];
}

function checkPassword(password: string, username: string) {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new AppError('VALIDATION', problems.join('; '), 'password');
}

async function checkUnit(tx: Queryable, unitId: string) {
  const unit = (await tx.query<{ id: string }>('select id from units where id = $1', [unitId]))[0];
  if (!unit) throw new AppError('VALIDATION', 'Đơn vị không tồn tại', 'unitId');
}

export interface CreateUserInput {
  username: string;
  password: string;
  fullName: string;
  role: Role;
  unitId: string;
}

export async function createUser(deps: Deps, ctx: AuditContext, input: CreateUserInput) {
  checkPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    await checkUnit(tx, input.unitId);
    const exists = await tx.query('select 1 from users where lower(username) = lower($1)', [input.username]);
    if (exists.length) throw new AppError('DUPLICATE', `Tên đăng nhập "${input.username}" đã được dùng`, 'username');
    const rows = await tx.query<{ id: string }>(
      'insert into users (username, password_hash, full_name, role, unit_id) values ($1, $2, $3, $4, $5) returning id',
      [input.username, passwordHash, normalizeText(input.fullName), input.role, input.unitId],
    );
    const after = presentUser((await userById(tx, rows[0]!.id))!);
    await recordAudit(tx, ctx, { action: 'create', entity: 'user', entityId: after.id, after });
    return after;
  });
}

export interface UpdateUserInput {
  version: number;
  fullName?: string;
  role?: Role;
  unitId?: string;
  active?: boolean;
  password?: string;
}

export async function updateUser(deps: Deps, ctx: AuditContext, id: string, input: UpdateUserInput) {
  const current = await userById(deps.db, id);
  if (!current) throw notFound('người dùng');
  if (input.password !== undefined) checkPassword(input.password, current.username);
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : null;
  return deps.db.transaction(async (tx) => {
    const fresh = await userById(tx, id);
    if (!fresh) throw notFound('người dùng');
    if (fresh.version !== input.version) throw staleVersion();
    if (input.unitId) await checkUnit(tx, input.unitId);
    if (id === ctx.actorId && (input.active === false || (input.role && input.role !== 'admin'))) {
      throw new AppError('VALIDATION', 'Không thể tự khoá hoặc tự bỏ quyền quản trị của chính mình', input.active === false ? 'active' : 'role');
    }
    // The version is checked by the update itself: of two edits from one version, one is kept.
    const updated = await tx.query(
      `update users set full_name = coalesce($2, full_name), role = coalesce($3, role), unit_id = coalesce($4, unit_id),
              active = coalesce($5, active), password_hash = coalesce($6, password_hash), version = version + 1, updated_at = now()
        where id = $1 and version = $7 returning id`,
      [id, input.fullName ? normalizeText(input.fullName) : null, input.role ?? null, input.unitId ?? null, input.active ?? null, passwordHash, input.version],
    );
    if (updated.length === 0) throw staleVersion();
    // A deactivated user or a changed password ends every open session of that user.
    if (input.active === false || passwordHash) await tx.query('delete from sessions where user_id = $1', [id]);
    const after = presentUser((await userById(tx, id))!);
    await recordAudit(tx, ctx, { action: passwordHash ? 'update_with_password' : 'update', entity: 'user', entityId: id, before: presentUser(fresh), after });
    return after;
  });
}
