import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { startServer } from '../../src/server/boot';
import { prepareSetupCode } from '../../src/server/modules/setup/code';
import ExcelJS from 'exceljs';
import { call, login } from '../helpers/api';
import { uploadFile } from '../helpers/upload';
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

describe.each(ENGINES)('setup steps: the province units (%s)', (engine) => {
  let s: TestServer & { setupCode: string };
  beforeAll(async () => {
    s = await startEmptyServer({ engine, listen: false });
    const res = await call(s.app, null, 'POST', '/api/setup/claim', { ...CLAIM, code: s.setupCode });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(() => s?.close());

  it('loads the communes and wards of the chosen province from the national list, once', async () => {
    const admin = await login(s.app, 'quantri', CLAIM.password);
    const res = await call(s.app, admin, 'POST', '/api/setup/communes');
    expect(res.statusCode, res.body).toBe(200);
    // Cao Bằng after 01/07/2025: 56 communes and wards (3 phường, 53 xã).
    expect(res.json()).toMatchObject({ created: 56, total: 56, status: { steps: { communes: 'done' } } });
    const again = (await call(s.app, admin, 'POST', '/api/setup/communes')).json();
    expect(again).toMatchObject({ created: 0, total: 56 });
    const units = (await call(s.app, admin, 'GET', '/api/units?asOf=2026-11-20')).json() as Array<{ code: string; name: string; kind: string; parentId: string | null }>;
    expect(units.find((u) => u.code === '01273')).toMatchObject({ name: 'Ủy ban nhân dân phường Thục Phán', kind: 'commune' });
    expect(units.filter((u) => u.kind === 'commune')).toHaveLength(56);
    // Before the two-level arrangement there were no such communes.
    const before = (await call(s.app, admin, 'GET', '/api/units?asOf=2025-06-30')).json() as unknown[];
    expect(before).toHaveLength(1);
  });

  it('offers a real .xlsx template whose own example rows load as they are', async () => {
    const admin = await login(s.app, 'quantri', CLAIM.password);
    const template = await call(s.app, admin, 'GET', '/api/units/import-template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const res = await uploadFile(s.app, admin, '/api/units/import', 'mau.xlsx', template.rawPayload);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().created).toBe(6);
    const units = (await call(s.app, admin, 'GET', '/api/units?asOf=2026-11-20')).json() as Array<{ id: string; code: string; parentId: string | null; successorIds: string[] }>;
    const khcn = units.find((u) => u.code === 'SO.KHCN')!;
    expect(units.find((u) => u.code === 'TT.CDS')!.parentId).toBe(khcn.id);
    expect(units.some((u) => u.code === 'SO.TTTT')).toBe(false); // ended 28/02/2025
    const old = (await call(s.app, admin, 'GET', '/api/units?asOf=2024-06-30')).json() as Array<{ code: string; successorIds: string[] }>;
    expect(old.find((u) => u.code === 'SO.TTTT')!.successorIds).toEqual([khcn.id]);
  });

  it('refuses a bad sheet whole, naming each row and column in Vietnamese', async () => {
    const admin = await login(s.app, 'quantri', CLAIM.password);
    const before = (await s.db.query<{ n: number }>('select count(*)::int as n from units'))[0]!.n;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Đơn vị');
    ws.addRow(['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã đơn vị cấp trên', 'Hiệu lực từ ngày', 'Hiệu lực đến ngày', 'Mã đơn vị tiền thân']);
    ws.addRow(['SO.YTE', 'Sở Y tế', 'Sở, ban, ngành', '', '01/01/2010', '', '']);
    ws.addRow(['SO.TC', 'Sở Tài chính (lần hai)', 'Sở, ban, ngành', '', '01/01/2010', '', '']);
    ws.addRow(['BV.TINH', 'Bệnh viện tỉnh', 'Bệnh viện', 'SO.KHONGCO', '01/01/2010', '', '']);
    ws.addRow(['SO.GDDT', 'Sở Giáo dục và Đào tạo', 'Sở', '', '01/01/2010', '01/01/2009', 'SO.CU']);
    const res = await uploadFile(s.app, admin, '/api/units/import', 'sai.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    const body = res.json().error;
    expect(body.message).toContain('chưa có dữ liệu nào được ghi');
    expect(body.rows).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'Mã đơn vị', message: 'mã "SO.TC" đã có trong hệ thống' },
        expect.objectContaining({ row: 4, column: 'Loại đơn vị' }),
        { row: 4, column: 'Mã đơn vị cấp trên', message: 'không có đơn vị mã "SO.KHONGCO" trong tệp hay trong hệ thống' },
        { row: 5, column: 'Hiệu lực đến ngày', message: 'ngày kết thúc hiệu lực trước ngày bắt đầu' },
        { row: 5, column: 'Mã đơn vị tiền thân', message: 'không có đơn vị mã "SO.CU" trong tệp hay trong hệ thống' },
      ]),
    );
    const after = (await s.db.query<{ n: number }>('select count(*)::int as n from units'))[0]!.n;
    expect(after).toBe(before);
  });
});

describe('the real start with DEMO_DATA=false', () => {
  it('no longer exits: it serves, and prints the setup address and a one-time code that claims the install', async () => {
    const config = { ...loadConfig({ DATA_DIR: 'memory://', DEMO_DATA: 'false', LOG_LEVEL: 'silent', HOST: '127.0.0.1' }), PORT: 0 };
    const lines: string[] = [];
    const running = await startServer(config, (m) => lines.push(m));
    try {
      const log = lines.join('\n');
      expect(log).toContain(`${running.url}/setup`);
      const code = log.match(/Mã khởi tạo \(dùng một lần[^:]*\): (\S+)/)?.[1];
      expect(code).toMatch(/^[A-Z0-9x-]{12,}$/i);
      const health = await fetch(`${running.url}/api/health`);
      expect(health.status).toBe(200);
      const claim = await fetch(`${running.url}/api/setup/claim`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...CLAIM, provinceCode: '31', code }),
      });
      expect(claim.status).toBe(201);
    } finally {
      await running.stop();
    }
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
