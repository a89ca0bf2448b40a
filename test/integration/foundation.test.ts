import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, TEST_NOW, TEST_PASSWORD, type TestServer } from '../helpers/server';

type U = { id: string; name: string; code: string; kind: string; parentId: string | null; validTo: string | null; successorIds: string[]; aliases: string[]; version: number };

describe.each(ENGINES)('foundation over HTTP on %s', (engine) => {
  let s: TestServer;
  let admin: Session;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    admin = await login(s.app, 'admin');
  });
  afterAll(async () => s?.close());

  it('reports health with the database and migration version', async () => {
    const res = await call(s.app, null, 'GET', '/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { reachable: true, engine, migrationVersion: expect.stringMatching(/^\d{4}$/) } });
  });

  it('logs in, answers /api/me, and logs out', async () => {
    const me = await call(s.app, admin, 'GET', '/api/me');
    expect(me.json().user).toMatchObject({ username: 'admin', role: 'admin' });
    const other = await login(s.app, 'lanhdao');
    expect((await call(s.app, other, 'POST', '/api/auth/logout')).statusCode).toBe(200);
    expect((await call(s.app, other, 'GET', '/api/me')).statusCode).toBe(401);
  });

  it('sets an HttpOnly, SameSite session cookie and never returns the password hash', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dieuphoi', password: TEST_PASSWORD } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(res.body).not.toMatch(/argon2/);
    const users = await call(s.app, admin, 'GET', '/api/users');
    expect(users.body).not.toMatch(/argon2|password/i);
  });

  it('shows Sở TT&TT before the 2025 merger and its successor after', async () => {
    const before: U[] = (await call(s.app, admin, 'GET', '/api/units?asOf=2024-01-01')).json();
    const after: U[] = (await call(s.app, admin, 'GET', '/api/units?asOf=2026-01-01')).json();
    const sttt = before.find((u) => u.name === 'Sở Thông tin và Truyền thông');
    expect(sttt).toBeDefined();
    expect(after.find((u) => u.name === 'Sở Thông tin và Truyền thông')).toBeUndefined();
    const successors = after.filter((u) => sttt!.successorIds.includes(u.id)).map((u) => u.name);
    expect(successors).toContain('Sở Khoa học và Công nghệ');
    expect(before.filter((u) => u.kind === 'district')).toHaveLength(15);
    expect(after.filter((u) => u.kind === 'district')).toHaveLength(0);
    expect(sttt!.aliases).toContain('Sở TT&TT');
  });

  it('refuses an impossible date with a Vietnamese message naming the parameter', async () => {
    const res = await call(s.app, admin, 'GET', '/api/units?asOf=2024-02-31');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'asOf' });
    expect(res.json().error.message).toMatch(/Ngày không tồn tại/);
  });

  it('refuses a wrong password, then holds back that account from that address after repeated failures', async () => {
    const bad = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'taichinh', password: 'sai-mat-khau-1' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    for (let i = 0; i < 4; i++) await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'taichinh', password: 'sai-mat-khau-1' } });
    const locked = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'taichinh', password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('THROTTLED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    s.clock.now = new Date(TEST_NOW.getTime() + 16 * 60_000);
    try {
      expect((await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'taichinh', password: TEST_PASSWORD } })).statusCode).toBe(200);
    } finally {
      s.clock.now = new Date(TEST_NOW);
    }
  });

  it('ends a session after inactivity', async () => {
    const sess = await login(s.app, 'canbo.lechan');
    s.clock.now = new Date(TEST_NOW.getTime() + (s.config.SESSION_IDLE_MINUTES + 1) * 60_000);
    try {
      const res = await call(s.app, sess, 'GET', '/api/me');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toMatch(/hết hạn/);
    } finally {
      s.clock.now = new Date(TEST_NOW);
    }
  });

  it('refuses a state change without the CSRF header', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie }, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
  });

  it('creates a user, stores NFD input as NFC, and audits it without the password', async () => {
    const units: U[] = (await call(s.app, admin, 'GET', '/api/units')).json();
    const unit = units.find((u) => u.code === 'HP.STTTT') ?? units.find((u) => u.kind === 'department')!;
    const fullName = 'Nguyễn Thị Hải Yến';
    const res = await call(s.app, admin, 'POST', '/api/users', { username: 'yen.nt', password: 'CanBo-2026-xyz', fullName: fullName.normalize('NFD'), role: 'unit_officer', unitId: unit.id });
    expect(res.statusCode).toBe(201);
    expect(res.json().fullName).toBe(fullName.normalize('NFC'));
    const audit = (await call(s.app, admin, 'GET', '/api/audit?entity=user&action=create')).json();
    const row = audit.items.find((i: { entityId: string }) => i.entityId === res.json().id);
    expect(row).toMatchObject({ actorName: 'admin', after: { username: 'yen.nt' } });
    expect(JSON.stringify(row)).not.toMatch(/CanBo-2026|argon2/);
    // The new user can log in with the password they were given.
    expect((await login(s.app, 'yen.nt', 'CanBo-2026-xyz')).csrf).toBeTruthy();
  });

  it('answers bad input with a clear 4xx and writes nothing', async () => {
    const countUsers = async () => (await s.db.query<{ n: number }>('select count(*)::int as n from users'))[0]!.n;
    const n0 = await countUsers();
    const unitId = (await call(s.app, admin, 'GET', '/api/units')).json()[0].id;
    const cases: Array<[unknown, number, RegExp]> = [
      [{ username: 'x1', password: 'CanBo-2026-xyz', fullName: 'A', role: 'admin', unitId }, 400, /Tên đăng nhập/],
      [{ username: 'weak.pw', password: 'short1', fullName: 'A', role: 'admin', unitId }, 400, /ít nhất 10/],
      [{ username: 'role.bad', password: 'CanBo-2026-xyz', fullName: 'A', role: 'superuser', unitId }, 400, /role/],
      [{ username: 'extra.f', password: 'CanBo-2026-xyz', fullName: 'A', role: 'admin', unitId, isRoot: true }, 400, /isRoot/],
      [{ username: 'sqli', password: 'CanBo-2026-xyz', fullName: "x'); drop table users; --", role: 'admin', unitId: "1' or '1'='1" }, 400, /unitId|định danh/],
      [{ username: 'age', password: 'CanBo-2026-xyz', fullName: 42, role: 'admin', unitId }, 400, /fullName/],
    ];
    for (const [payload, status, message] of cases) {
      const res = await call(s.app, admin, 'POST', '/api/users', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.message + (res.json().error.field ?? '')).toMatch(message);
    }
    const malformed = await s.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' }, payload: '{"username": "a",' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.message).toMatch(/JSON/);
    const huge = await call(s.app, admin, 'POST', '/api/users', { username: 'big', password: 'CanBo-2026-xyz', fullName: 'x'.repeat(2_000_000), role: 'admin', unitId });
    expect(huge.statusCode).toBe(413);
    expect(await countUsers()).toBe(n0);
  });

  it('keeps HTML as text: stored verbatim, escaped by the client, never interpreted here', async () => {
    const units: U[] = (await call(s.app, admin, 'GET', '/api/units')).json();
    const dept = units.find((u) => u.kind === 'department')!;
    const name = '<script>alert(1)</script> Sở thử';
    const res = await call(s.app, admin, 'POST', '/api/units', { code: 'HP.TEST.XSS', name, kind: 'department', parentId: dept.parentId, validFrom: '2020-01-01' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json().name).toBe(name);
  });

  it('answers 409 to the second of two edits made from the same version', async () => {
    const units: U[] = (await call(s.app, admin, 'GET', '/api/units')).json();
    const u = units.find((x) => x.kind === 'agency')!;
    const first = await call(s.app, admin, 'PATCH', `/api/units/${u.id}`, { version: u.version, aliases: [...u.aliases, 'Tên gọi A'] });
    const second = await call(s.app, admin, 'PATCH', `/api/units/${u.id}`, { version: u.version, aliases: [...u.aliases, 'Tên gọi B'] });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CONFLICT');
    const now: U[] = (await call(s.app, admin, 'GET', '/api/units')).json();
    expect(now.find((x) => x.id === u.id)!.aliases).toContain('Tên gọi A');
    expect(now.find((x) => x.id === u.id)!.aliases).not.toContain('Tên gọi B');
  });

  it('refuses a unit officer an admin action and limits their user list to their subtree', async () => {
    const officer = await login(s.app, 'canbo.lechan');
    const unitId = (await call(s.app, admin, 'GET', '/api/units')).json()[0].id;
    const res = await call(s.app, officer, 'POST', '/api/users', { username: 'hacker.x', password: 'CanBo-2026-xyz', fullName: 'X', role: 'admin', unitId });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/không có quyền/);
    const list = (await call(s.app, officer, 'GET', '/api/users')).json() as Array<{ username: string }>;
    expect(list.map((u) => u.username).sort()).toEqual(['canbo.lechan', 'lanhdao.lechan']);
  });

  it("gives the primary successor's people the predecessor's history, and nobody else", async () => {
    const units: U[] = (await call(s.app, admin, 'GET', '/api/units?asOf=2026-01-01')).json();
    const khcn = units.find((u) => u.code === 'HP.SKHCN')!;
    const culture = units.find((u) => u.name === 'Sở Văn hóa, Thể thao và Du lịch')!;
    const sttttId = (await s.db.query<{ id: string }>("select id from units where code = 'HP.STTTT'"))[0]!.id;
    for (const [username, unitId] of [['khcn.officer', khcn.id], ['vhttdl.officer', culture.id], ['stttt.former', sttttId]] as const) {
      const res = await call(s.app, admin, 'POST', '/api/users', { username, password: 'CanBo-2026-xyz', fullName: 'Cán bộ thử', role: 'unit_officer', unitId });
      expect(res.statusCode).toBe(201);
    }
    const seen = async (username: string) =>
      ((await call(s.app, await login(s.app, username, 'CanBo-2026-xyz'), 'GET', '/api/users')).json() as Array<{ username: string }>).map((u) => u.username);
    // Sở TT&TT ended on 28/02/2025 with Sở KH&CN as primary successor (Sở VH-TT&DL took only its press work).
    expect(await seen('khcn.officer')).toContain('stttt.former');
    expect(await seen('vhttdl.officer')).not.toContain('stttt.former');
    expect(await seen('stttt.former')).not.toContain('khcn.officer');
  });

  it('serves the OpenAPI description', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/units', '/api/users']));
  });
});
