import type { Role } from '../../core/auth/roles';
import type { TUnitKind } from '../../contracts/units';
import type { MessageKey } from './vi';

export function roleKey(role: Role): MessageKey {
  return `role.${role}` as const;
}

export function kindKey(kind: TUnitKind): MessageKey {
  return `kind.${kind}` as const;
}
