/** Shapes of the public JSON API, as the SPA sees them. */

import { ROLES, type Role } from '../../core/auth/roles';

export { ROLES, type Role };

// Screens of modules not yet converted to contracts (indicators, reports)
// still name units through this file; converted screens import src/contracts/units directly.
export { UNIT_KINDS, type TUnit as Unit, type TUnitKind as UnitKind } from '../../contracts/units';

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
  /** A session unused this long ends (SESSION_IDLE_MINUTES); the SPA warns two minutes before. */
  idleMinutes?: number;
}
