import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSetupCode } from '../../src/server/modules/setup/code';
import { call, login } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startEmptyServer, type TestServer } from '../helpers/server';

/**
 * A new province starts with DEMO_DATA=false on an empty database: the server answers, the
 * setup screen's claim needs the one-time code the server printed, the code creates the
 * province and its first administrator, and then setup is closed for good.
 */
const CLAIM = { provinceCode: '04', username: 'quantri', fullName: 'Nguyễn Văn Quản', password: 'CaoBang-Khoi-2026' };

describe.each(ENGINES)('setup from an empty database (%s)', (engine) => {
  let s: TestServer & { setupCode: string };
  beforeAll(async () => {
    s = await startEmptyServer({ engine, listen: false });
  });
  afterAll(() => s?.close());

  it('answers the health probe and says setup is open, with the 34 provinces to choose from', async () => {
    const health = await call(s.app, null, 'GET', '/api/health');
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');
    const status = (await call(s.app, null, 'GET', '/api/setup')).json();
    expect(status.open).toBe(true);
    expect(status.province).toBeNull();
    expect(status.loaded).toMatchObject({ units: 0, users: 0 });
    const provinces = (await call(s.app, null, 'GET', '/api/setup/provinces')).json();
    expect(provinces.items).toHaveLength(34);
    expect(provinces.items.find((p: { code: string }) => p.code === '31')).toMatchObject({ name: 'Hải Phòng', kind: 'city' });
    expect(provinces.source).toContain('thanglequoc/vietnamese-provinces-database');
  });

  it('refuses a claim without the code, or with a wrong one, and creates nothing', async () => {
    const none = await call(s.app, null, 'POST', '/api/setup/claim', { ...CLAIM, code: '' });
    expect(none.statusCode).toBe(400);
    const wrong = await call(s.app, null, 'POST', '/api/setup/claim', { ...CLAIM, code: 'DOAN-BUA-0000' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.message).toContain('Mã khởi tạo không đúng');
    const counts = await s.db.query<{ n: number }>('select (select count(*) from users)::int + (select count(*) from units)::int as n');
    expect(counts[0]!.n).toBe(0);
  });

  it('accepts the printed code: the province, its committee and the administrator exist, who can sign in', async () => {
    const res = await call(s.app, null, 'POST', '/api/setup/claim', { ...CLAIM, code: s.setupCode });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().username).toBe('quantri');
    const session = await login(s.app, 'quantri', CLAIM.password);
    const me = (await call(s.app, session, 'GET', '/api/me')).json();
    expect(me.user).toMatchObject({ role: 'admin', unitName: 'Ủy ban nhân dân tỉnh Cao Bằng' });
    const status = (await call(s.app, session, 'GET', '/api/setup')).json();
    expect(status).toMatchObject({ open: false, province: { code: '04', name: 'Tỉnh Cao Bằng' } });
  });

  it('is closed forever: the same code, a new start, and ADMIN_PASSWORD all find it closed', async () => {
    const again = await call(s.app, null, 'POST', '/api/setup/claim', { ...CLAIM, username: 'kela', code: s.setupCode });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('đã được khởi tạo');
    // What the server does at its next start: no code is printed, none is stored.
    expect(await prepareSetupCode(s.db, 'MatKhau-Moi-2026')).toEqual({ open: false });
    const byEnv = await call(s.app, null, 'POST', '/api/setup/claim', { ...CLAIM, username: 'kela', code: 'MatKhau-Moi-2026' });
    expect(byEnv.statusCode).toBe(409);
    const admins = await s.db.query<{ username: string }>(`select username from users where role = 'admin'`);
    expect(admins.map((a) => a.username)).toEqual(['quantri']);
  });

  it('marks the steps as the administrator walks them, and keeps them for the next visit', async () => {
    const session = await login(s.app, 'quantri', CLAIM.password);
    const anonymous = await call(s.app, null, 'PUT', '/api/setup/steps/users', { state: 'skipped' });
    expect(anonymous.statusCode).toBe(401);
    await call(s.app, session, 'PUT', '/api/setup/steps/users', { state: 'skipped' });
    const res = await call(s.app, session, 'PUT', '/api/setup/steps/plan', { state: 'done' });
    expect(res.json().steps).toMatchObject({ users: 'skipped', plan: 'done', communes: 'todo' });
  });
});

describe('setup code from ADMIN_PASSWORD', () => {
  it('accepts ADMIN_PASSWORD as the code when the operator set it', async () => {
    const s = await startEmptyServer({ listen: false, env: { ADMIN_PASSWORD: 'Bien-Moi-Truong-2026' } });
    try {
      expect(s.setupCode).toBe('Bien-Moi-Truong-2026');
      const res = await call(s.app, null, 'POST', '/api/setup/claim', { ...CLAIM, provinceCode: '31', code: 'Bien-Moi-Truong-2026' });
      expect(res.statusCode, res.body).toBe(201);
    } finally {
      await s.close();
    }
  });
});
