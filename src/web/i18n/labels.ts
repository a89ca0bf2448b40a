import type { Role, UnitKind } from '../api/types';
import type { MessageKey } from './vi';

export function roleKey(role: Role): MessageKey {
  return `role.${role}` as const;
}

export function kindKey(kind: UnitKind): MessageKey {
  return `kind.${kind}` as const;
}
