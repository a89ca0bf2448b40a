import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

/** Pillars per plan and the national catalogues loaded from data with their sources (issue 16). */
describe.each(ENGINES)('national catalogues and plan pillars over HTTP on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  let officer: Session;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    coord = await login(s.app, 'dieuphoi');
    officer = await login(s.app, 'canbo.lechan');
  });
  afterAll(async () => s?.close());

  it('lists the national catalogues with their sources, and says what could not be sourced', async () => {
    const res = await call(s.app, officer, 'GET', '/api/indicator-catalogues/national');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as Array<{ code: string; loadable: boolean; sources: string[]; missing: string; validFrom: string; validTo: string | null; pillars: { name: string }[] }>;
    expect(list.map((c) => c.code)).toEqual(['DTI-TINH-922', 'DTI-TINH-405', 'NQ71-CP-2025']);
    for (const c of list) expect(c.sources.length, c.code).toBeGreaterThan(0);
    const dti922 = list.find((c) => c.code === 'DTI-TINH-922')!;
    expect(dti922).toMatchObject({ validFrom: '2022-05-20', validTo: '2025-04-02', loadable: true });
    expect(dti922.pillars.map((p) => p.name)).toEqual(['Chính quyền số', 'Kinh tế số', 'Xã hội số']);
    expect(dti922.missing).toMatch(/98 chỉ số thành phần/);
    const nq71 = list.find((c) => c.code === 'NQ71-CP-2025')!;
    expect(nq71).toMatchObject({ validFrom: '2025-04-01', loadable: false });
    expect(nq71.missing).toMatch(/chưa tìm được/);
  });

  it('loads the DTI of QĐ 922 with its three pillars and refuses NQ 71 for want of a sourced target', async () => {
    const loaded = await call(s.app, coord, 'POST', '/api/indicator-catalogues/national/DTI-TINH-922');
    expect(loaded.statusCode, loaded.body).toBe(201);
    expect(loaded.json()).toMatchObject({ code: 'DTI-TINH-922', indicators: 8 });
    expect((await call(s.app, coord, 'POST', '/api/indicator-catalogues/national/DTI-TINH-922')).statusCode).toBe(409);

    const cats = (await call(s.app, officer, 'GET', '/api/indicator-catalogues')).json() as Array<{ id: string; code: string; pillars: { key: string }[]; sources: string[]; validTo: string | null; indicators: number }>;
    const cat = cats.find((c) => c.code === 'DTI-TINH-922')!;
    expect(cat).toMatchObject({ validTo: '2025-04-02', indicators: 8 });
    expect(cat.pillars.map((p) => p.key)).toEqual(['chinh_quyen_so', 'kinh_te_so', 'xa_hoi_so']);
    expect(cat.sources).toContain('https://dti.gov.vn/xep-hang-2022');

    const inds = (await call(s.app, officer, 'GET', `/api/indicators?catalogueId=${cat.id}`)).json() as Array<{ name: string; planPillar: string | null; pillar: string }>;
    expect(inds.map((i) => i.name)).toEqual([
      'Nhận thức số', 'Thể chế số', 'Hạ tầng số', 'Nhân lực số', 'An toàn thông tin mạng',
      'Hoạt động chính quyền số', 'Hoạt động kinh tế số', 'Hoạt động xã hội số',
    ]);
    expect(inds.find((i) => i.name === 'Hoạt động kinh tế số')).toMatchObject({ planPillar: 'kinh_te_so', pillar: 'economy' });
    expect(inds.find((i) => i.name === 'Nhận thức số')?.planPillar).toBeNull();

    const nq71 = await call(s.app, coord, 'POST', '/api/indicator-catalogues/national/NQ71-CP-2025');
    expect(nq71.statusCode).toBe(400);
    expect(nq71.json().error.message).toMatch(/Chưa nạp được/);
    expect((await call(s.app, coord, 'POST', '/api/indicator-catalogues/national/KHONG-CO')).statusCode).toBe(404);
  });

  it('gives a new plan the seeds’ four pillars unless it names its own, and keeps indicators to them', async () => {
    const four = await call(s.app, coord, 'POST', '/api/indicator-catalogues', { code: 'KH-BON', name: 'Kế hoạch bốn trụ cột', validFrom: '2026-01-01' });
    expect(four.statusCode, four.body).toBe(201);
    const own = await call(s.app, coord, 'POST', '/api/indicator-catalogues', {
      code: 'KH-RIENG', name: 'Kế hoạch có trụ cột riêng', validFrom: '2026-01-01',
      pillars: [{ key: 'du_lieu_so', name: 'Dữ liệu số' }, { key: 'doi_moi', name: 'Đổi mới sáng tạo' }],
    });
    expect(own.statusCode, own.body).toBe(201);
    const cats = (await call(s.app, officer, 'GET', '/api/indicator-catalogues')).json() as Array<{ id: string; code: string; pillars: { key: string; name: string }[] }>;
    expect(cats.find((c) => c.code === 'KH-BON')!.pillars.map((p) => p.name)).toEqual(['Chính quyền số', 'Kinh tế số', 'Xã hội số', 'Hạ tầng số']);
    const ownId = cats.find((c) => c.code === 'KH-RIENG')!.id;
    const base = {
      catalogueId: ownId, pillar: 'other', kind: 'raw', unitOfMeasure: 'cơ sở dữ liệu', unitRule: 'sum', timeRule: 'last',
      direction: 'higher_better', periodicity: 'year', sourceAgency: 'Sở Khoa học và Công nghệ', validFrom: '2026-01-01',
    };
    const ok = await call(s.app, coord, 'POST', '/api/indicators', { ...base, code: 'KHR_CSDL', name: 'Số cơ sở dữ liệu dùng chung', planPillar: 'du_lieu_so' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().planPillar).toBe('du_lieu_so');
    const bad = await call(s.app, coord, 'POST', '/api/indicators', { ...base, code: 'KHR_SAI', name: 'Sai trụ cột', planPillar: 'digital_economy' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'planPillar' });
    expect(bad.json().error.message).toMatch(/Dữ liệu số/);
  });
});
