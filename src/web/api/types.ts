/** Shapes of the public JSON API, as the SPA sees them. */

import { ROLES, type Role } from '../../core/auth/roles';

export { ROLES, type Role };

export type UnitKind = 'city_committee' | 'department' | 'district' | 'commune' | 'agency';

export const UNIT_KINDS: readonly UnitKind[] = ['city_committee', 'department', 'district', 'commune', 'agency'];

export interface SessionUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unitId: string;
  unitName: string;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  level: number;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  successorIds: string[];
  aliases: string[];
  /** Group keys used by directive extraction ('departments', 'districts', 'agencies'). */
  groups?: string[];
  sample: boolean;
  version: number;
}

export interface CreateUnitInput {
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  parentId: string | null;
  validFrom: string;
  validTo?: string;
  aliases?: string[];
}

export interface UpdateUnitInput {
  version: number;
  name?: string;
  shortName?: string | null;
  validTo?: string | null;
  aliases?: string[];
}

export interface UserRecord {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unitId: string;
  unitName: string;
  active: boolean;
  lastLoginAt: string | null;
  version: number;
}

export interface CreateUserInput {
  username: string;
  password: string;
  fullName: string;
  role: Role;
  unitId: string;
}

export interface UpdateUserInput {
  version: number;
  fullName?: string;
  role?: Role;
  unitId?: string;
  active?: boolean;
  password?: string;
}

export interface AuditEntry {
  id: string | number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
}

export interface AuditFilter {
  /** Part of the actor's username (the server matches case-insensitively). */
  actor?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}
