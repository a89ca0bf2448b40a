import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, TEST_NOW, type TestServer } from '../helpers/server';

/**
 * Tokens for other systems: issued by the administrator, shown once, stored as a hash, used as
 * `Authorization: Bearer` without a CSRF header, held to their scopes, refused once expired or
 * revoked; every use in the audit log under the token's name.
 */
describe.each(ENGINES)('API tokens on %s', (engine) => {
  let s: TestServer;
  let admin: Session;
  let skhcn: string; // the unit a unit-scoped token is issued for (Sở KH&CN)

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    admin = await login(s.app, 'admin');
    // Two current departments, a task each (the base database has no tasks).
    const units = await s.db.query<{ id: string; code: string }>(`select id, code from units where code in ('HP.SKHCN', 'HP.STC')`);
    skhcn = units.find((u) => u.code === 'HP.SKHCN')!.id;
    for (const u of units) {
      const res = await call(s.app, admin, 'POST', '/api/tasks', { title: `Nhiệm vụ của ${u.code}`, leadUnitId: u.id });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => s?.close());

  const bearer = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    s.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });

  async function issue(body: Record<string, unknown>) {
    const res = await call(s.app, admin, 'POST', '/api/api-tokens', { expiresOn: '2027-06-30', role: 'leadership', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; token: string; prefix: string; auditName: string };
  }

  it('shows the secret once and stores only its sha-256', async () => {
    const created = await issue({ name: 'IOC tỉnh', scopes: ['tasks:read', 'dashboard:read'] });
    expect(created.token).toMatch(/^hd_[A-Za-z0-9_-]{43}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);

    const list = await call(s.app, admin, 'GET', '/api/api-tokens');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(created.token);
    expect(list.json().find((t: { id: string }) => t.id === created.id)).toMatchObject({ name: 'IOC tỉnh', scopes: ['dashboard:read', 'tasks:read'], expiresAt: '2027-06-30T17:00:00.000Z', revokedAt: null });

    const rows = await s.db.query<Record<string, unknown>>('select row_to_json(t)::text as json, t.token_hash from api_tokens t where id = $1', [created.id]);
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(String(rows[0]!.json)).not.toContain(created.token.slice(10));
  });

  it('reads within its scopes, and nothing else, without a CSRF header', async () => {
    const { id, token, auditName } = await issue({ name: 'Cổng dữ liệu', scopes: ['tasks:read'] });
    const tasks = await bearer(token, 'GET', '/api/tasks');
    expect(tasks.statusCode, tasks.body).toBe(200);
    expect(tasks.json().total).toBeGreaterThan(0);

    const write = await bearer(token, 'POST', '/api/tasks', { title: 'Không được tạo', leadUnitId: skhcn });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.message).toContain('không có quyền ghi');
    expect((await bearer(token, 'GET', '/api/projects')).statusCode).toBe(403);
    expect((await bearer(token, 'GET', '/api/users')).statusCode).toBe(403);
    expect((await bearer(token, 'GET', '/api/api-tokens')).statusCode).toBe(403);

    const used = await s.db.query<{ action: string; actor_name: string; path: string }>(
      `select action, actor_name, after->>'path' as path from audit_log where entity = 'api_token' and entity_id = $1 and action like 'api_%' order by id`,
      [id],
    );
    expect(used.map((u) => `${u.action} ${u.path}`)).toEqual(['api_call /api/tasks', 'api_refused /api/tasks', 'api_refused /api/projects', 'api_refused /api/users', 'api_refused /api/api-tokens']);
    expect(new Set(used.map((u) => u.actor_name))).toEqual(new Set([auditName]));
    expect(auditName).toBe('api:Cổng dữ liệu');
    const last = await s.db.query<{ last_used_at: string }>('select last_used_at from api_tokens where id = $1', [id]);
    expect(new Date(last[0]!.last_used_at).toISOString()).toBe(new Date(TEST_NOW).toISOString());
  });

  it('writes with a write scope, as its role and unit allow, and the change names the token', async () => {
    const { token } = await issue({ name: 'Hệ thống một cửa', role: 'coordinator', scopes: ['tasks:write'] });
    const created = await bearer(token, 'POST', '/api/tasks', { title: 'Nhiệm vụ do hệ thống khác tạo', leadUnitId: skhcn });
    expect(created.statusCode, created.body).toBe(201);
    const audit = await s.db.query<{ actor_name: string }>(`select actor_name from audit_log where entity = 'task' and entity_id = $1 and action = 'create'`, [created.json().id]);
    expect(audit[0]!.actor_name).toBe('api:Hệ thống một cửa');
  });

  it('sees only its unit when issued for a unit', async () => {
    const { token } = await issue({ name: 'Phần mềm của quận', role: 'unit_officer', unitId: skhcn, scopes: ['tasks:read'] });
    const all = (await call(s.app, admin, 'GET', '/api/tasks?limit=1')).json().total;
    const mine = (await bearer(token, 'GET', '/api/tasks?limit=1')).json().total;
    expect(mine).toBeGreaterThan(0);
    expect(mine).toBeLessThan(all);
  });

  it('answers 401 to a wrong, expired or revoked token', async () => {
    expect((await bearer('hd_khong-phai-ma-that', 'GET', '/api/tasks')).statusCode).toBe(401);

    const shortLived = await issue({ name: 'Thử hết hạn', scopes: ['tasks:read'], expiresOn: '2026-11-21' });
    expect((await bearer(shortLived.token, 'GET', '/api/tasks')).statusCode).toBe(200);
    const saved = s.clock.now;
    s.clock.now = new Date('2026-11-21T17:00:00Z'); // 00:00 on 22/11 in Vietnam: the day after the last
    try {
      const expired = await bearer(shortLived.token, 'GET', '/api/tasks');
      expect(expired.statusCode).toBe(401);
      expect(expired.json().error.message).toContain('hết hạn');
    } finally {
      s.clock.now = saved;
    }

    const revoked = await issue({ name: 'Thử thu hồi', scopes: ['tasks:read'] });
    const res = await call(s.app, admin, 'POST', `/api/api-tokens/${revoked.id}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(res.json().revokedAt).not.toBeNull();
    const after = await bearer(revoked.token, 'GET', '/api/tasks');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toContain('thu hồi');
  });

  it('is never an administrator, nor issued for longer than a year, nor twice under one name', async () => {
    const adminRole = await call(s.app, admin, 'POST', '/api/api-tokens', { name: 'Quản trị', role: 'admin', scopes: ['tasks:read'], expiresOn: '2027-01-01' });
    expect(adminRole.statusCode).toBe(400);
    const long = await call(s.app, admin, 'POST', '/api/api-tokens', { name: 'Dài hạn', role: 'leadership', scopes: ['tasks:read'], expiresOn: '2028-01-01' });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.field).toBe('expiresOn');
    await issue({ name: 'Trùng tên', scopes: ['tasks:read'] });
    const dup = await call(s.app, admin, 'POST', '/api/api-tokens', { name: 'trùng tên', role: 'leadership', scopes: ['tasks:read'], expiresOn: '2027-01-01' });
    expect(dup.statusCode).toBe(409);
    // The service account cannot sign in with a password.
    const pw = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'api:Trùng tên', password: '!' } });
    expect(pw.statusCode).toBe(401);
  });

  it('is described in the OpenAPI document as a bearer scheme', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toContainEqual({ bearer: [] });
    expect(doc.paths['/api/api-tokens'].post.responses['201'].content['application/json'].schema.properties.token).toBeDefined();
  });
});
