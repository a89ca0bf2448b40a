import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * A panel embedded in another operations centre: a link per panel (and unit scope), shown once,
 * stored as a hash, refused with a clear sentence once expired, revoked, altered, or used for
 * another panel or unit; only the allowlisted origins may frame its page, no other page is framed.
 */
describe.each(ENGINES)('embedded panels on %s', (engine) => {
  let s: TestServer;
  let admin: Session;
  let units: { id: string; code: string; name: string }[];

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, env: { EMBED_ORIGINS: 'https://ioc.tinh.gov.vn' } });
    admin = await login(s.app, 'admin');
    units = await s.db.query(`select id, code, name from units where code in ('HP.SKHCN', 'HP.STC')`);
  });
  afterAll(() => s?.close());

  async function issue(body: Record<string, unknown>) {
    const res = await call(s.app, admin, 'POST', '/api/embed-links', { label: 'IOC tỉnh', expiresOn: '2026-12-31', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; path: string; prefix: string };
  }
  const api = (path: string) => s.app.inject({ method: 'GET', url: path.replace(/^\/embed\//, '/api/embed/'), remoteAddress: '10.9.8.7' });
  const page = (path: string) => s.app.inject({ method: 'GET', url: path, remoteAddress: '10.9.8.7' });

  it('shows the link once and serves the panel it names, with no session', async () => {
    const link = await issue({ panelKey: 'tasks' });
    expect(link.path).toMatch(/^\/embed\/tasks\/he_[A-Za-z0-9_-]{43}$/);
    const list = await call(s.app, admin, 'GET', '/api/embed-links');
    expect(list.body).not.toContain(link.path.split('/')[3]);
    const res = await api(link.path);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ label: 'IOC tỉnh', unit: null, panel: { key: 'tasks', status: expect.any(String) } });
  });

  it('lets only the allowlisted origins frame the embed page; every other page refuses frames', async () => {
    const link = await issue({ panelKey: 'budget' });
    let res = await page(link.path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain('frame-ancestors https://ioc.tinh.gov.vn;');
    expect(res.headers['x-frame-options']).toBeUndefined();

    const put = await call(s.app, admin, 'PUT', '/api/embed-settings', { origins: ['http://127.0.0.1:8099'] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ origins: ['http://127.0.0.1:8099'], envOrigins: ['https://ioc.tinh.gov.vn'] });
    res = await page(link.path);
    expect(res.headers['content-security-policy']).toContain('frame-ancestors https://ioc.tinh.gov.vn http://127.0.0.1:8099;');

    const bad = await call(s.app, admin, 'PUT', '/api/embed-settings', { origins: ['ioc.tinh.gov.vn/duong-dan'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Nguồn phải có dạng');

    for (const url of ['/', '/api/health', '/login']) {
      const other = await s.app.inject({ method: 'GET', url });
      expect(other.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(other.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('audits each view under the link’s name, and counts it', async () => {
    const link = await issue({ label: 'Trung tâm IOC Sở', panelKey: 'reports' });
    expect((await page(link.path)).statusCode).toBe(200);
    expect((await page(link.path)).statusCode).toBe(200);
    const rows = await s.db.query<{ actor_name: string; ip: string }>(`select actor_name, ip from audit_log where entity = 'embed_link' and entity_id = $1 and action = 'embed_view'`, [link.id]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actor_name: 'embed:Trung tâm IOC Sở', ip: '10.9.8.7' });
    const listed = (await call(s.app, admin, 'GET', '/api/embed-links')).json().find((l: { id: string }) => l.id === link.id);
    expect(listed.viewCount).toBe(2);
  });

  it('refuses a forged, another panel’s, another unit’s, a revoked and an expired link, each with its reason', async () => {
    const link = await issue({ panelKey: 'tasks' });
    const token = link.path.split('/')[3]!;
    const forged = `/embed/tasks/${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    const cases: Array<[string, string]> = [
      [forged, 'mã bí mật không đúng hoặc liên kết đã bị sửa'],
      [`/embed/budget/${token}`, 'chỉ dùng cho khối «tình hình thực hiện nhiệm vụ», không dùng cho khối «kinh phí chuyển đổi số»'],
      [`/embed/tasks/${token}?unit=${units[0]!.id}`, 'dùng cho toàn thành phố, không dùng cho phạm vi một đơn vị'],
    ];
    for (const [path, message] of cases) {
      const res = await api(path);
      expect(res.statusCode, path).toBe(403);
      expect(res.json().error.message).toContain(message);
      const html = await page(path);
      expect(html.statusCode).toBe(403);
      expect(html.body).toContain(message);
    }

    const [a, b] = units;
    const scoped = await issue({ panelKey: 'units', unitId: a!.id });
    expect(scoped.path).toContain(`?unit=${a!.id}`);
    expect((await api(scoped.path)).statusCode).toBe(200);
    const other = await api(scoped.path.replace(a!.id, b!.id));
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toBe(`Liên kết này chỉ dùng cho phạm vi đơn vị «${a!.name}».`);
    const none = await api(scoped.path.split('?')[0]!);
    expect(none.json().error.message).toContain(`phạm vi đơn vị «${a!.name}»`);

    // Revocation holds from the next request.
    const revoke = await call(s.app, admin, 'POST', `/api/embed-links/${link.id}/revoke`);
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).not.toBeNull();
    const revoked = await api(link.path);
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json().error.message).toBe('Liên kết nhúng «IOC tỉnh» đã bị thu hồi ngày 20/11/2026.');
    expect((await page(link.path)).body).toContain('đã bị thu hồi');

    // Expiry: valid through its last day (Vietnam time), refused the next morning.
    const short = await issue({ panelKey: 'pillars', expiresOn: '2026-11-25' });
    const before = s.clock.now;
    try {
      s.clock.now = new Date('2026-11-25T16:59:00Z');
      expect((await api(short.path)).statusCode).toBe(200);
      s.clock.now = new Date('2026-11-25T17:00:00Z');
      const expired = await api(short.path);
      expect(expired.statusCode).toBe(403);
      expect(expired.json().error.message).toBe('Liên kết nhúng «IOC tỉnh» đã hết hạn sau ngày 25/11/2026.');
    } finally {
      s.clock.now = before;
    }

    const refusals = await s.db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'embed_refused'`);
    expect(refusals[0]!.n).toBeGreaterThanOrEqual(9);
    const secrets = await s.db.query<{ n: number }>(`select count(*)::int as n from audit_log where after::text like $1`, [`%${token.slice(3, 20)}%`]);
    expect(secrets[0]!.n).toBe(0);
  });

  it('narrows a unit-scoped panel to that unit, and refuses a unit scope on a city-wide panel', async () => {
    const [a] = units;
    const wrong = await call(s.app, admin, 'POST', '/api/embed-links', { label: 'X', panelKey: 'budget', unitId: a!.id, expiresOn: '2026-12-31' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('là số liệu toàn thành phố');
    const scoped = await issue({ panelKey: 'attention', unitId: a!.id });
    const res = await api(scoped.path);
    expect(res.statusCode).toBe(200);
    expect(res.json().unit).toEqual({ id: a!.id, name: a!.name });
    for (const item of res.json().panel.payload?.items ?? []) expect(item.unitId).toBe(a!.id);
  });

  it('is the administrator’s: other roles may neither list nor create links', async () => {
    const lead = await login(s.app, 'lanhdao');
    expect((await call(s.app, lead, 'GET', '/api/embed-links')).statusCode).toBe(403);
    expect((await call(s.app, lead, 'POST', '/api/embed-links', { label: 'x', panelKey: 'tasks', expiresOn: '2026-12-31' })).statusCode).toBe(403);
  });
});
