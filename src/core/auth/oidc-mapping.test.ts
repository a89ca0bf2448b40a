import { describe, expect, it } from 'vitest';
import { decideOidcUser, parseRoleMap, type OidcRules } from './oidc-mapping';

const noCreate: OidcRules = { createUsers: false, roleMap: {} };
const create: OidcRules = { createUsers: true, roleMap: { can_bo: 'unit_officer' } };
const user = (id: string, linkedSubject: string | null = null, active = true) => ({ id, active, linkedSubject });

describe('OIDC user mapping', () => {
  it('uses the user linked to the subject first', () => {
    expect(decideOidcUser({ subject: 's1', email: 'x@hp.gov.vn' }, user('u1', 's1'), [user('u2')], false, noCreate)).toEqual({ kind: 'existing', userId: 'u1', link: false });
  });

  it('links by e-mail once, and not an account linked to another subject', () => {
    expect(decideOidcUser({ subject: 's1', email: 'a@hp.gov.vn' }, undefined, [user('u1')], false, noCreate)).toEqual({ kind: 'existing', userId: 'u1', link: true });
    expect(decideOidcUser({ subject: 's1', email: 'a@hp.gov.vn' }, undefined, [user('u1', 's9')], false, noCreate)).toEqual({ kind: 'refuse', reason: 'linked_elsewhere' });
    expect(decideOidcUser({ subject: 's1', email: 'a@hp.gov.vn' }, undefined, [user('u1'), user('u2')], false, noCreate)).toEqual({ kind: 'refuse', reason: 'ambiguous' });
  });

  it('does not trust an address the provider marks unverified', () => {
    expect(decideOidcUser({ subject: 's1', email: 'a@hp.gov.vn', emailVerified: false }, undefined, [user('u1')], false, noCreate)).toEqual({ kind: 'refuse', reason: 'unmapped' });
  });

  it('refuses an inactive user', () => {
    expect(decideOidcUser({ subject: 's1' }, user('u1', 's1', false), [], false, noCreate)).toEqual({ kind: 'refuse', reason: 'inactive' });
  });

  it('creates only when configured, with a known unit and a mapped role', () => {
    const id = { subject: 's2', email: 'b@hp.gov.vn', unitCode: 'HP.SO.KHCN', roleValue: 'can_bo' };
    expect(decideOidcUser(id, undefined, [], true, noCreate)).toEqual({ kind: 'refuse', reason: 'unmapped' });
    expect(decideOidcUser(id, undefined, [], true, create)).toEqual({ kind: 'create', role: 'unit_officer', unitCode: 'HP.SO.KHCN' });
    expect(decideOidcUser(id, undefined, [], false, create)).toEqual({ kind: 'refuse', reason: 'no_unit' });
    expect(decideOidcUser({ ...id, roleValue: 'giam_doc' }, undefined, [], true, create)).toEqual({ kind: 'refuse', reason: 'no_role' });
  });

  it('reads the role map and never grants admin', () => {
    expect(parseRoleMap(' can_bo=unit_officer, lanh_dao=unit_leader ')).toEqual({ can_bo: 'unit_officer', lanh_dao: 'unit_leader' });
    expect(parseRoleMap(undefined)).toEqual({});
    expect(() => parseRoleMap('quan_tri=admin')).toThrow(/OIDC_ROLE_MAP/);
    expect(() => parseRoleMap('x=boss')).toThrow(/OIDC_ROLE_MAP/);
  });
});
