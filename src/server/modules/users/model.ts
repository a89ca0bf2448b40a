import type { TUser } from '../../../contracts/users';
import type { UserRow } from './queries';

/** Never includes the password hash: this is what leaves the server and what the audit keeps. */
export function presentUser(u: UserRow): TUser {
  return { id: u.id, username: u.username, fullName: u.full_name, role: u.role, unitId: u.unit_id, unitName: u.unit_name, active: u.active, lastLoginAt: u.last_login_at, version: u.version };
}
