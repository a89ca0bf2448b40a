import { RuleError } from '../errors';
import { ROLES, type Role } from './roles';

/**
 * Who a sign-in through the province's OpenID provider becomes. Pure: the server looks up
 * the candidates (the user linked to the subject, the users with the claimed e-mail) and
 * applies the decision. No account is created unless the deployment says so
 * (OIDC_CREATE_USERS), and never an administrator: the administrator keeps a local account.
 */
export interface OidcIdentity {
  subject: string;
  email?: string;
  /** false when the provider says the address is not verified; absent when it says nothing. */
  emailVerified?: boolean;
  /** The value of the claim naming the unit (OIDC_UNIT_CLAIM), a unit code. */
  unitCode?: string;
  /** The value of the claim naming the role (OIDC_ROLE_CLAIM), mapped by OIDC_ROLE_MAP. */
  roleValue?: string;
}

export interface OidcCandidate {
  id: string;
  active: boolean;
  /** Set when the user is already linked to a subject (of this issuer). */
  linkedSubject: string | null;
}

export interface OidcRules {
  createUsers: boolean;
  roleMap: Readonly<Record<string, Role>>;
}

export type OidcDecision =
  | { kind: 'existing'; userId: string; link: boolean }
  | { kind: 'create'; role: Role; unitCode: string }
  | { kind: 'refuse'; reason: 'inactive' | 'unmapped' | 'ambiguous' | 'linked_elsewhere' | 'no_unit' | 'no_role' };

export const OIDC_REFUSALS: Record<Extract<OidcDecision, { kind: 'refuse' }>['reason'], string> = {
  inactive: 'Tài khoản đã bị vô hiệu hoá. Hãy liên hệ quản trị hệ thống.',
  unmapped: 'Tài khoản tỉnh này chưa được gắn với người dùng nào của Hải Đăng. Hãy liên hệ quản trị hệ thống.',
  ambiguous: 'Địa chỉ thư điện tử của tài khoản tỉnh trùng với nhiều người dùng. Hãy liên hệ quản trị hệ thống.',
  linked_elsewhere: 'Người dùng có địa chỉ thư điện tử này đã gắn với một tài khoản tỉnh khác.',
  no_unit: 'Tài khoản tỉnh không nêu đơn vị có trong Hải Đăng, nên chưa thể tạo người dùng.',
  no_role: 'Tài khoản tỉnh không nêu vai trò được phép, nên chưa thể tạo người dùng.',
};

/**
 * `bySubject`: the user already linked to this subject, if any. `byEmail`: users whose e-mail
 * equals the claimed one (only consulted when the address is not marked unverified).
 * `unitExists` tells whether the claimed unit code is a current unit.
 */
export function decideOidcUser(identity: OidcIdentity, bySubject: OidcCandidate | undefined, byEmail: readonly OidcCandidate[], unitExists: boolean, rules: OidcRules): OidcDecision {
  if (bySubject) return bySubject.active ? { kind: 'existing', userId: bySubject.id, link: false } : { kind: 'refuse', reason: 'inactive' };
  const emailUsable = !!identity.email && identity.emailVerified !== false;
  if (emailUsable && byEmail.length > 1) return { kind: 'refuse', reason: 'ambiguous' };
  const match = emailUsable ? byEmail[0] : undefined;
  if (match) {
    if (match.linkedSubject !== null) return { kind: 'refuse', reason: 'linked_elsewhere' };
    return match.active ? { kind: 'existing', userId: match.id, link: true } : { kind: 'refuse', reason: 'inactive' };
  }
  if (!rules.createUsers) return { kind: 'refuse', reason: 'unmapped' };
  if (!identity.unitCode || !unitExists) return { kind: 'refuse', reason: 'no_unit' };
  const role = identity.roleValue === undefined ? undefined : rules.roleMap[identity.roleValue];
  if (!role) return { kind: 'refuse', reason: 'no_role' };
  return { kind: 'create', role, unitCode: identity.unitCode };
}

/**
 * OIDC_ROLE_MAP: `value=role` pairs separated by commas, e.g.
 * `can_bo=unit_officer,lanh_dao_so=unit_leader`. `admin` cannot be granted this way.
 */
export function parseRoleMap(text: string | undefined): Record<string, Role> {
  const map: Record<string, Role> = {};
  for (const pair of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [value, role] = pair.split('=').map((s) => s.trim());
    if (!value || !role || !(ROLES as readonly string[]).includes(role) || role === 'admin') {
      throw new RuleError('invalid_argument', `OIDC_ROLE_MAP: "${pair}" không hợp lệ (dạng giá_trị=vai_trò, vai trò là một trong ${ROLES.filter((r) => r !== 'admin').join(', ')})`);
    }
    map[value] = role as Role;
  }
  return map;
}
