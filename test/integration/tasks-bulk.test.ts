import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

type Task = { id: string; title: string; version: number; deadline: string | null; originalDeadline: string | null; leadUnit: { id: string; name: string }; coordinators: Array<{ id: string }>; cancelled: { reason: string } | null };

describe.each(ENGINES)('bulk actions on tasks on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  let officer: Session;
  const ids: Record<string, string> = {};

  const create = async (body: Record<string, unknown>): Promise<Task> => {
    const res = await call(s.app, coord, 'POST', '/api/tasks', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const get = async (id: string): Promise<Task> => (await call(s.app, coord, 'GET', `/api/tasks/${id}`)).json().task;
  const bulk = (sess: Session, body: unknown) => call(s.app, sess, 'POST', '/api/tasks/bulk', body);
  const pick = (ts: Task[]) => ts.map((t) => ({ id: t.id, version: t.version }));

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    for (const code of ['HP.Q.LECHAN', 'HP.Q.NGOQUYEN', 'HP.STC', 'HP.SKHCN']) {
      ids[code] = (await s.db.query<{ id: string }>('select id from units where code = $1', [code]))[0]!.id;
    }
  });
  beforeEach(async () => {
    s.clock.now = new Date('2025-03-10T03:00:00Z');
    coord = await login(s.app, 'dieuphoi');
    officer = await login(s.app, 'canbo.lechan');
  });
  afterAll(async () => s?.close());

  it('extends every selected deadline but reports, and leaves, a task someone else changed meanwhile', async () => {
    const tasks = await Promise.all([1, 2, 3].map((i) => create({ title: `Gia hạn hàng loạt ${i}`, leadUnitId: ids['HP.Q.LECHAN'], deadline: '2025-03-31' })));
    const noDeadline = await create({ title: 'Gia hạn hàng loạt không thời hạn', leadUnitId: ids['HP.Q.LECHAN'] });
    // The officer reports progress on the third one after the coordinator's list was loaded.
    const moved = await call(s.app, officer, 'POST', `/api/tasks/${tasks[2]!.id}/progress`, { version: tasks[2]!.version, percent: 30, note: 'Đang làm' });
    expect(moved.statusCode, moved.body).toBe(200);
    const res = await bulk(coord, { action: 'extend', deadline: '2025-06-30', tasks: pick([...tasks, noDeadline]) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ requested: 4, changed: 2, message: 'Đã gia hạn 2 nhiệm vụ; 1 nhiệm vụ đã bị người khác sửa, chưa đổi; 1 nhiệm vụ không có thời hạn nên không gia hạn' });
    expect(res.json().skipped).toEqual([
      { id: tasks[2]!.id, title: 'Gia hạn hàng loạt 3', reason: 'stale' },
      { id: noDeadline.id, title: noDeadline.title, reason: 'no_deadline' },
    ]);
    expect(await get(tasks[0]!.id)).toMatchObject({ deadline: '2025-06-30', originalDeadline: '2025-03-31', version: tasks[0]!.version + 1 });
    expect(await get(tasks[2]!.id)).toMatchObject({ deadline: '2025-03-31', version: tasks[2]!.version + 1 });
    const audit = await s.db.query<{ entity_id: string; before: { deadline: string }; after: { deadline: string } }>(
      "select entity_id, before, after from audit_log where action = 'bulk_extend' order by entity_id",
    );
    expect(audit.map((a) => a.entity_id).sort()).toEqual([tasks[0]!.id, tasks[1]!.id].sort());
    expect(audit[0]).toMatchObject({ before: { deadline: '2025-03-31' }, after: { deadline: '2025-06-30' } });
    const history = (await call(s.app, coord, 'GET', `/api/tasks/${tasks[0]!.id}/history`)).json().items;
    expect(history.map((h: { label: string }) => h.label)).toContain('Gia hạn hàng loạt');
  });

  it('reassigns the lead (dropping it from the coordinators) and closes with a reason', async () => {
    const a = await create({ title: 'Giao lại chủ trì A', leadUnitId: ids['HP.Q.LECHAN'], coordinatorUnitIds: [ids['HP.Q.NGOQUYEN']], deadline: '2025-04-30' });
    const b = await create({ title: 'Giao lại chủ trì B', leadUnitId: ids['HP.Q.NGOQUYEN'], deadline: '2025-04-30' });
    const r = await bulk(coord, { action: 'reassign', leadUnitId: ids['HP.Q.NGOQUYEN'], tasks: pick([a, b]) });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().message).toBe('Đã giao lại đơn vị chủ trì cho 1 nhiệm vụ; 1 nhiệm vụ đã do đơn vị này chủ trì');
    const a2 = await get(a.id);
    expect(a2.leadUnit.id).toBe(ids['HP.Q.NGOQUYEN']);
    expect(a2.coordinators).toEqual([]);
    // The search follows the new lead unit.
    const found = (await call(s.app, coord, 'GET', `/api/tasks?q=${encodeURIComponent('giao lai chu tri ngo quyen')}`)).json().items.map((t: Task) => t.id);
    expect(found).toContain(a.id);

    const c = await bulk(coord, { action: 'close', reason: '  Trùng với nhiệm vụ   khác ', tasks: pick([a2, b]) });
    expect(c.json()).toMatchObject({ changed: 2, message: 'Đã đóng 2 nhiệm vụ' });
    expect((await get(a.id)).cancelled).toMatchObject({ reason: 'Trùng với nhiệm vụ khác' });
    const again = await bulk(coord, { action: 'close', reason: 'Lần nữa', tasks: pick([a2]) });
    expect(again.json().message).toBe('Không nhiệm vụ nào được đổi; 1 nhiệm vụ đã đóng từ trước, chưa đổi');
  });

  it('refuses a unit officer, an empty selection and a deadline in the past, in Vietnamese', async () => {
    const t = await create({ title: 'Không được làm hàng loạt', leadUnitId: ids['HP.Q.LECHAN'], deadline: '2025-04-30' });
    expect((await bulk(officer, { action: 'extend', deadline: '2025-06-30', tasks: pick([t]) })).statusCode).toBe(403);
    const empty = await bulk(coord, { action: 'extend', deadline: '2025-06-30', tasks: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('Hãy chọn ít nhất một nhiệm vụ');
    const past = await bulk(coord, { action: 'extend', deadline: '2025-03-01', tasks: pick([t]) });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toBe('Hạn mới không được trước hôm nay');
    expect((await get(t.id)).version).toBe(t.version);
  });
});
