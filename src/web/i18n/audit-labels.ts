import type { Translate } from './translate';
import { isMessageKey } from './translate';

/**
 * Server codes for entities and actions read as words when the catalogue knows them
 * (`unit` → Đơn vị; `unit.create` or `create` → Tạo mới) and stay as codes otherwise.
 */
export function entityLabel(entity: string, t: Translate): string {
  const key = `entity.${entity}`;
  return isMessageKey(key) ? t(key) : entity;
}

export function actionLabel(action: string, t: Translate): string {
  const candidates = [action, action.split('.').pop() ?? action].map((a) => `action.${a}`);
  for (const key of candidates) if (isMessageKey(key)) return t(key);
  return action;
}

export const KNOWN_ENTITIES = ['unit', 'user', 'session', 'organisation'] as const;
export const KNOWN_ACTIONS = ['create', 'update', 'update_with_password', 'login', 'login_failed', 'logout', 'seed'] as const;
