import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Action, type Actor } from '../../src/core/auth/policy';
import { ROLES, type Role } from '../../src/core/auth/roles';
import { call, login, type Session } from '../helpers/api';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Every API route × every role. Each route names the policy action it must enforce;
 * the test proves the route answers 403 exactly when the policy says no. A new route
 * that is not listed here fails the first test, so nobody adds an unguarded route.
 */
interface RouteCase {
  method: string;
  url: string;
  /** null: public (no session needed). */
  action: Action | null;
  path?: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** The policy is scoped: which unit the request concerns. */
  resourceUnit?: (ids: Ids) => string;
}
interface Ids {
  unitId: string;
  officerUnitId: string;
  userId: string;
}

const ROUTES: RouteCase[] = [
  { method: 'GET', url: '/api/health', action: null },
  { method: 'POST', url: '/api/auth/login', action: null },
  { method: 'POST', url: '/api/auth/logout', action: 'system.read' },
  { method: 'GET', url: '/api/me', action: 'system.read' },
  { method: 'GET', url: '/api/units', action: 'unit.read' },
  { method: 'POST', url: '/api/units', action: 'unit.manage', body: (ids) => ({ code: `HP.M.${Math.random().toString(36).slice(2, 8).toUpperCase()}`, name: 'Đơn vị thử', kind: 'agency', parentId: ids.unitId, validFrom: '2020-01-01' }) },
  { method: 'PATCH', url: '/api/units/:id', action: 'unit.manage', path: (ids) => `/api/units/${ids.officerUnitId}`, body: () => ({ version: 999 }) },
  { method: 'GET', url: '/api/users', action: 'user.read', resourceUnit: (ids) => ids.officerUnitId },
  { method: 'POST', url: '/api/users', action: 'user.manage', body: (ids) => ({ username: `u${Math.random().toString(36).slice(2, 8)}`, password: 'CanBo-2026-xyz', fullName: 'Người thử', role: 'unit_officer', unitId: ids.unitId }) },
  { method: 'PATCH', url: '/api/users/:id', action: 'user.manage', path: (ids) => `/api/users/${ids.userId}`, body: () => ({ version: 999 }) },
  { method: 'GET', url: '/api/audit', action: 'audit.read' },
  { method: 'GET', url: '/api/notifications', action: 'system.read' },
  { method: 'POST', url: '/api/notifications/:id/read', action: 'system.read', path: () => '/api/notifications/1/read' },
  { method: 'POST', url: '/api/notifications/read-all', action: 'system.read' },
  { method: 'GET', url: '/api/holidays', action: 'system.read' },
  { method: 'PUT', url: '/api/holidays/:date', action: 'calendar.manage', path: () => '/api/holidays/2030-12-24', body: () => ({ name: 'Ngày thử' }) },
  { method: 'DELETE', url: '/api/holidays/:date', action: 'calendar.manage', path: () => '/api/holidays/2030-12-25' },
];

const USER_OF_ROLE: Record<Role, string> = {
  admin: 'admin',
  coordinator: 'dieuphoi',
  finance: 'taichinh',
  unit_officer: 'canbo.lechan',
  unit_leader: 'lanhdao.lechan',
  leadership: 'lanhdao',
};

describe('every route × every role follows the policy', () => {
  let s: TestServer;
  const sessions = new Map<Role, Session>();
  const actors = new Map<Role, Actor>();
  let ids: Ids;

  beforeAll(async () => {
    s = await startTestServer({ listen: false });
    for (const role of ROLES) {
      const sess = await login(s.app, USER_OF_ROLE[role]);
      sessions.set(role, sess);
      const me = (await call(s.app, sess, 'GET', '/api/me')).json().user;
      const scope = await s.db.query<{ id: string }>('select descendant_id as id from unit_closure where ancestor_id = $1', [me.unitId]);
      actors.set(role, { id: me.id, role, unitId: me.unitId, scope: new Set(scope.map((r) => r.id)) });
    }
    const root = (await s.db.query<{ id: string }>('select id from units where parent_id is null'))[0]!.id;
    const officer = actors.get('unit_officer')!;
    const someUser = (await s.db.query<{ id: string }>("select id from users where username = 'lanhdao'"))[0]!.id;
    ids = { unitId: root, officerUnitId: officer.unitId, userId: someUser };
  });
  afterAll(async () => s?.close());

  it('lists every registered API route', () => {
    const listed = new Set(ROUTES.map((r) => `${r.method} ${r.url}`));
    const registered = s.app.apiRoutes.filter((r) => !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((r) => !listed.has(r))).toEqual([]);
  });

  for (const route of ROUTES.filter((r) => r.action && r.url !== '/api/auth/logout')) {
    for (const role of ROLES) {
      it(`${route.method} ${route.url} as ${role}`, async () => {
        const actor = actors.get(role)!;
        const unitId = route.resourceUnit?.(ids);
        const allowed = can(actor, route.action!, unitId ? { unitId } : {});
        const url = route.path?.(ids) ?? route.url;
        const res = await call(s.app, sessions.get(role)!, route.method as 'GET', url, route.body?.(ids));
        if (allowed) expect(res.statusCode, res.body).not.toBe(403);
        else {
          expect(res.statusCode, res.body).toBe(403);
          expect(res.json().error.code).toBe('FORBIDDEN');
        }
      });
    }
  }

  it('refuses every protected route without a session', async () => {
    for (const route of ROUTES.filter((r) => r.action)) {
      const res = await call(s.app, null, route.method as 'GET', route.path?.(ids) ?? route.url, route.body?.(ids));
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
