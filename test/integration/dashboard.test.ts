import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardRefreshJob } from '../../src/server/jobs/dashboard-refresh';
import { runDailyJobs } from '../../src/server/jobs/scheduler';
import { refresherFor } from '../../src/server/modules/dashboard/refresh';
import { PANEL_KEYS, type TDashboard, type TTasksPayload } from '../../src/contracts/dashboard';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

const unitId = async (s: TestServer, code: string) => (await s.db.query<{ id: string }>('select id from units where code = $1', [code]))[0]!.id;

async function dashboard(s: TestServer, session: Session, year = 2022): Promise<TDashboard> {
  const res = await call(s.app, session, 'GET', `/api/dashboard?year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const tasksOf = (d: TDashboard) => d.panels.tasks.payload as TTasksPayload;

function geojson(names: string[]): string {
  const square = (x: number) => [[[x, 20], [x + 0.1, 20], [x + 0.1, 20.1], [x, 20.1], [x, 20]]];
  return JSON.stringify({
    type: 'FeatureCollection',
    features: names.map((name, i) => ({ type: 'Feature', properties: { ten: name, ma: i }, geometry: { type: 'Polygon', coordinates: square(106 + i * 0.1) } })),
  });
}

function multipart(filename: string, content: string, fields: Record<string, string> = {}) {
  const boundary = '----hd' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/geo+json\r\n\r\n${content}\r\n`);
  return { payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe.each(ENGINES)('IOC dashboard (%s)', (engine) => {
  let s: TestServer;
  let leader: Session;
  let coordinator: Session;
  let admin: Session;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: true });
    s.clock.now = new Date('2026-11-20T03:00:00Z');
    leader = await login(s.app, 'lanhdao');
    coordinator = await login(s.app, 'dieuphoi');
    admin = await login(s.app, 'admin');
  });
  afterAll(async () => s?.close());

  it('serves every panel with its freshness and detail link, and says "chưa có dữ liệu" when a capability is empty', async () => {
    const d = await dashboard(s, leader, 2022);
    expect(d.year).toBe(2022);
    expect(d.asOf).toBe('2022-12-31');
    expect(Object.keys(d.panels).sort()).toEqual([...PANEL_KEYS].sort());
    for (const key of PANEL_KEYS) {
      const p = d.panels[key];
      expect(p.computedAt, key).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(p.link, key).toMatch(/^\//);
      expect(['ok', 'no_data', 'error'], key).toContain(p.status);
      expect(p.status, `${key}: ${p.message}`).not.toBe('error');
    }
    const pillars = d.panels.pillars.payload as { pillars: Array<{ name: string }> };
    expect(pillars.pillars.map((p) => p.name)).toEqual(['Hạ tầng số', 'Chính quyền số', 'Kinh tế số', 'Xã hội số']);
    expect(d.panels.tasks.status).toBe('no_data');
    expect(d.panels.tasks.message).toContain('Chưa có dữ liệu');
    expect(d.panels.evaluation.status).toBe('no_data');
  });

  it('counts tasks by computed status and overdue bucket, as of the year end for a past year', async () => {
    const lechan = await unitId(s, 'HP.Q.LECHAN');
    const snv = await unitId(s, 'HP.SNV');
    const make = async (leadUnitId: string, assignedOn: string, deadline: string | null) => {
      const res = await call(s.app, coordinator, 'POST', '/api/tasks', { title: `Nhiệm vụ thử ${assignedOn} ${deadline}`, leadUnitId, assignedOn, deadline });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number };
    };
    await make(lechan, '2022-02-01', '2022-03-31'); // open, 275 days late on 31/12/2022: > 120
    await make(lechan, '2022-06-01', '2022-10-31'); // open, 61 days late: > 30
    await make(snv, '2022-11-01', '2022-12-20'); // open, 11 days late: ≤ 30
    await make(snv, '2022-11-01', '2023-03-31'); // open, in time
    await make(snv, '2022-11-01', null); // no deadline
    await refresherFor(s.deps).flush();
    const t = tasksOf(await dashboard(s, leader, 2022));
    expect(t.total).toBe(5);
    expect(t.inProgressOverdue).toBe(3);
    expect(t.buckets).toEqual({ le30: 1, gt30: 1, gt120: 1 });
    expect(t.inProgressOnTime).toBe(1);
    expect(t.noDeadlineInProgress).toBe(1);
    expect(t.withDeadline).toBe(4);
    expect(t.overdueRateWithDeadline.percent).toBe(75);
    const d = await dashboard(s, leader, 2022);
    expect(d.panels.tasks.status).toBe('ok');
    const attention = d.panels.attention.payload as { items: Array<{ unitName: string; reasons: string[] }> };
    expect(attention.items[0]!.unitName).toContain('Lê Chân');
    expect(attention.items[0]!.reasons[0]).toContain('2 nhiệm vụ quá hạn');
    const units = d.panels.units.payload as { level: string; units: Array<{ shortName: string; values: Record<string, number | null> }> };
    expect(units.level).toBe('district');
    expect(units.units.find((u) => u.shortName === 'Lê Chân')?.values.tasks_overdue).toBe(2);
  });

  it('reads figures from the stored aggregates, not from the raw rows, until a refresh', async () => {
    const before = tasksOf(await dashboard(s, leader, 2022)).total;
    const snv = await unitId(s, 'HP.SNV');
    // A row written behind the API's back: no request, so no refresh is signalled.
    await s.db.query(`insert into tasks (title, lead_unit_id, assigned_on, deadline) values ('Ghi thẳng vào bảng', $1, '2022-05-05', '2022-06-30')`, [snv]);
    expect(tasksOf(await dashboard(s, leader, 2022)).total).toBe(before);
    refresherFor(s.deps).schedule(['tasks']);
    await refresherFor(s.deps).flush();
    expect(tasksOf(await dashboard(s, leader, 2022)).total).toBe(before + 1);
  });

  it('pushes a "panel" server-sent event when a value changes through the API, without reloading', async () => {
    await dashboard(s, leader, 2022);
    const controller = new AbortController();
    const res = await fetch(`${s.url}/api/dashboard/stream`, { headers: { cookie: leader.cookie }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    // One read in flight at a time: a read abandoned to a timeout would swallow its chunk.
    let pending: ReturnType<typeof reader.read> | null = null;
    const waitFor = async (pattern: RegExp, ms: number) => {
      const deadline = Date.now() + ms;
      while (!pattern.test(text)) {
        if (Date.now() > deadline) throw new Error(`no event matching ${pattern} in: ${text}`);
        pending ??= reader.read();
        const chunk = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), 200))]);
        if (chunk === null) continue;
        pending = null;
        if (!chunk.done) text += decoder.decode(chunk.value, { stream: true });
      }
    };
    await waitFor(/event: hello/, 3000);
    const before = tasksOf(await dashboard(s, leader, 2022)).total;
    const created = await call(s.app, coordinator, 'POST', '/api/tasks', { title: 'Nhiệm vụ mới qua API', leadUnitId: await unitId(s, 'HP.SYT'), assignedOn: '2022-07-01', deadline: '2022-08-31' });
    expect(created.statusCode, created.body).toBe(201);
    await waitFor(/event: panel\ndata: \{[^\n]*"key":"tasks"[^\n]*"scope":"2022"/, 8000);
    controller.abort();
    expect(tasksOf(await dashboard(s, leader, 2022)).total).toBe(before + 1);
  });

  it('moves overdue buckets with the calendar through the daily refresh, without any write', async () => {
    const res = await call(s.app, coordinator, 'POST', '/api/tasks', { title: 'Nhiệm vụ năm nay', leadUnitId: await unitId(s, 'HP.STC'), assignedOn: '2026-10-01', deadline: '2026-11-25' });
    expect(res.statusCode, res.body).toBe(201);
    await refresherFor(s.deps).flush();
    const before = tasksOf(await dashboard(s, leader, 2026));
    expect(before.inProgressOnTime).toBe(1);
    expect(before.inProgressOverdue).toBe(0);
    s.clock.now = new Date('2026-12-10T03:00:00Z');
    const ran = await runDailyJobs(s.deps, '2026-12-10', [dashboardRefreshJob]);
    expect(ran['dashboard-refresh']?.ran).toBe(true);
    // Twenty days later every session has idled out: sign in again, as the wall's browser would.
    const later = await login(s.app, 'lanhdao');
    const after = tasksOf(await dashboard(s, later, 2026));
    expect(after.inProgressOverdue).toBe(1);
    expect(after.buckets.le30).toBe(1);
    s.clock.now = new Date('2026-11-20T03:00:00Z');
    leader = await login(s.app, 'lanhdao');
    coordinator = await login(s.app, 'dieuphoi');
    admin = await login(s.app, 'admin');
  });

  it('has the panels of a year with data stored before anyone opens it', async () => {
    const res = await call(s.app, coordinator, 'POST', '/api/tasks', { title: 'Nhiệm vụ năm 2019', leadUnitId: await unitId(s, 'HP.STC'), assignedOn: '2019-03-01', deadline: '2019-06-30' });
    expect(res.statusCode, res.body).toBe(201);
    await refresherFor(s.deps).flush();
    // Nobody has asked for 2019: the refresh stored it because it holds data.
    const stored = await s.db.query<{ panel_key: string; data: string }>(`select panel_key, payload::text as data from dashboard_panels where scope = '2019'`);
    expect(stored.map((r) => r.panel_key).sort()).toEqual([...PANEL_KEYS].sort());
    const t = tasksOf(await dashboard(s, leader, 2019));
    expect(t.total).toBe(1);
  });

  it('answers a probe of the stream and refuses it without a session', async () => {
    const ok = await call(s.app, leader, 'GET', '/api/dashboard/stream?once=1');
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('event: hello');
    const anonymous = await call(s.app, null, 'GET', '/api/dashboard/stream?once=1');
    expect(anonymous.statusCode).toBe(401);
  });

  it('exports a panel’s figures as .xlsx', async () => {
    const res = await call(s.app, leader, 'GET', '/api/dashboard/panels/tasks/xlsx?year=2022');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toBe('TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2022');
    const labels = ws.getColumn(1).values.map(String);
    expect(labels).toContain('Đang thực hiện quá hạn');
    const row = labels.indexOf('Tổng số nhiệm vụ giao trong năm');
    expect(Number(ws.getRow(row).getCell(2).value)).toBe(tasksOf(await dashboard(s, leader, 2022)).total);
  });

  it('accepts a GeoJSON map matched to units by folded name and explains a bad one in Vietnamese', async () => {
    const put = (session: Session, file: string, content: string, fields?: Record<string, string>) => {
      const m = multipart(file, content, fields);
      return s.app.inject({ method: 'PUT', url: '/api/dashboard/map', payload: m.payload, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': m.contentType } });
    };
    const notCollection = await put(admin, 'hp.geojson', JSON.stringify({ type: 'Feature', geometry: null, properties: {} }));
    expect(notCollection.statusCode).toBe(400);
    expect(notCollection.json().error.message).toContain('FeatureCollection');
    const broken = await put(admin, 'hp.geojson', '{"type": "FeatureCollection", "features": [');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toContain('không phải JSON hợp lệ');
    const points = await put(admin, 'hp.geojson', JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Lê Chân' }, geometry: { type: 'Point', coordinates: [106, 20] } }] }));
    expect(points.statusCode).toBe(400);
    expect(points.json().error.message).toContain('vùng thứ 1 có hình học Point');
    const nobody = await put(admin, 'hp.geojson', geojson(['Atlantis', 'Lemuria']));
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.message).toContain('Không vùng nào khớp');
    expect((await put(leader, 'hp.geojson', geojson(['Lê Chân']))).statusCode).toBe(403);

    const ok = await put(admin, 'hai-phong.geojson', geojson(['Quận Lê Chân', 'NGO QUYEN', 'Huyện Thủy Nguyên', 'Đảo Ngọc']));
    expect(ok.statusCode, ok.body).toBe(200);
    const map = ok.json().map;
    expect(map.nameProperty).toBe('ten');
    expect(map.matchedCount).toBe(3);
    expect(map.unmatched).toEqual(['Đảo Ngọc']);
    const got = (await call(s.app, leader, 'GET', '/api/dashboard/map')).json().map;
    expect(got.geojson.features.map((f: { properties: { hd_key: string } }) => f.properties.hd_key)).toEqual(['le chan', 'ngo quyen', 'thuy nguyen', 'dao ngoc']);
    const audit = await s.db.query(`select 1 from audit_log where entity = 'dashboard_map' and action = 'upload'`);
    expect(audit.length).toBe(1);
    expect((await call(s.app, admin, 'DELETE', '/api/dashboard/map')).statusCode).toBe(200);
    expect((await call(s.app, leader, 'GET', '/api/dashboard/map')).json().map).toBeNull();
  });
});
