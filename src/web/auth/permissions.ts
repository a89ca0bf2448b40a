import { can, type Action } from '../../core/auth/policy';
import type { SessionUser } from '../api/types';

export type { Action };

/**
 * The same policy the server enforces, asked about the user's own unit. It decides what the
 * screens offer (menu items, buttons); the server still decides every request.
 */
export function canDo(user: SessionUser, action: Action): boolean {
  return can({ id: user.id, role: user.role, unitId: user.unitId, scope: new Set([user.unitId]) }, action, { unitId: user.unitId });
}
