import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runDailyJobs } from '../../src/server/jobs/scheduler';
import { sendTaskReminders } from '../../src/server/jobs/task-reminders';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

type Task = {
  id: string;
  title: string;
  status: string;
  statusLabel: string;
  overdueDays: number;
  overdueBucket: string | null;
  stale: boolean;
  deadline: string | null;
  originalDeadline: string | null;
  extended: boolean;
  progressPercent: number;
  completedOn: string | null;
  pendingExtension: { id: string; requestedDeadline: string } | null;
  coordinators: Array<{ id: string; name: string }>;
  leadUnit: { id: string; name: string };
  version: number;
};

function multipart(filename: string, content: Buffer, fields: Record<string, string> = {}, mime = 'application/octet-stream') {
  const boundary = `----haidang${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhiệm vụ');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(ENGINES)('tasks over HTTP on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  let officer: Session;
  let leader: Session;
  let city: Session;
  const ids: Record<string, string> = {};

  /** Moves the server's clock to 10:00 in Vietnam on `date` and logs everyone in again (sessions idle out). */
  async function at(date: string) {
    s.clock.now = new Date(`${date}T03:00:00Z`);
    coord = await login(s.app, 'dieuphoi');
    officer = await login(s.app, 'canbo.lechan');
    leader = await login(s.app, 'lanhdao.lechan');
    city = await login(s.app, 'lanhdao');
  }
  const create = async (body: Record<string, unknown>): Promise<Task> => {
    const res = await call(s.app, coord, 'POST', '/api/tasks', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const get = async (sess: Session, id: string): Promise<Task> => (await call(s.app, sess, 'GET', `/api/tasks/${id}`)).json().task;
  const countTasks = async () => (await s.db.query<{ n: number }>('select count(*)::int as n from tasks'))[0]!.n;
  const upload = (sess: Session, url: string, body: ReturnType<typeof multipart>) =>
    s.app.inject({ method: 'POST', url, headers: { cookie: sess.cookie, 'x-csrf-token': sess.csrf, ...body.headers }, payload: body.payload });

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    for (const code of ['HP.Q.LECHAN', 'HP.Q.NGOQUYEN', 'HP.SNV', 'HP.STC', 'HP.SKHCN']) {
      ids[code] = (await s.db.query<{ id: string }>('select id from units where code = $1', [code]))[0]!.id;
    }
  });
  // Every test starts on 10/03/2025 (Lê Chân is still a district, Sở TT&TT already merged).
  beforeEach(async () => at('2025-03-10'));
  afterAll(async () => s?.close());

  it('computes status, overdue buckets and the stale flag from the clock, never from stored text', async () => {
    const late = await create({ title: 'Số hoá hồ sơ hộ tịch quận Lê Chân', leadUnitId: ids['HP.Q.LECHAN'], assignedOn: '2025-03-01', deadline: '2025-03-20' });
    const open = await create({ title: 'Duy trì cổng thông tin điện tử quận', leadUnitId: ids['HP.Q.LECHAN'], assignedOn: '2025-03-10' });
    expect(late).toMatchObject({ status: 'in_progress_on_time', statusLabel: 'Đang thực hiện trong hạn', overdueDays: 0, overdueBucket: null });
    await at('2025-03-20');
    expect((await get(coord, late.id)).status).toBe('in_progress_on_time');
    await at('2025-04-25');
    expect(await get(coord, late.id)).toMatchObject({ status: 'in_progress_overdue', statusLabel: 'Đang thực hiện quá hạn', overdueDays: 36, overdueBucket: 'gt30' });
    const overdue = (await call(s.app, coord, 'GET', '/api/tasks?status=in_progress_overdue&bucket=gt30')).json();
    expect(overdue.items.map((t: Task) => t.id)).toContain(late.id);
    expect(overdue.counts.byBucket.gt30).toBeGreaterThanOrEqual(1);
    expect((await get(coord, open.id)).stale).toBe(false);
    await at('2025-06-10');
    expect((await get(coord, open.id)).stale).toBe(true);
    expect((await call(s.app, coord, 'GET', '/api/tasks?stale=true')).json().items.map((t: Task) => t.id)).toContain(open.id);
    const done = await call(s.app, officer, 'POST', `/api/tasks/${late.id}/complete`, { version: late.version, note: 'Đã hoàn thành' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done_late', statusLabel: 'Hoàn thành quá hạn', completedOn: '2025-06-10', progressPercent: 100 });
    const finishedEarly = await create({ title: 'Báo cáo nhanh', leadUnitId: ids['HP.Q.LECHAN'], deadline: '2025-06-30' });
    expect((await call(s.app, officer, 'POST', `/api/tasks/${finishedEarly.id}/complete`, { version: finishedEarly.version })).json().status).toBe('done_on_time');
    const noDeadline = await call(s.app, officer, 'POST', `/api/tasks/${open.id}/complete`, { version: (await get(coord, open.id)).version });
    expect(noDeadline.json().status).toBe('done_no_deadline');
    // A status cannot be typed in.
    expect((await call(s.app, coord, 'PATCH', `/api/tasks/${open.id}`, { version: noDeadline.json().version, status: 'done_on_time' })).statusCode).toBe(400);
  });

  it('runs progress, an extension (original deadline kept) and completion, all in the history', async () => {
    const t = await create({ title: 'Triển khai ứng dụng công dân số tại quận', leadUnitId: ids['HP.Q.LECHAN'], coordinatorUnitIds: [ids['HP.SKHCN']], deadline: '2025-03-31', pillar: 'digital_society' });
    const p1 = await call(s.app, officer, 'POST', `/api/tasks/${t.id}/progress`, { version: t.version, percent: 40, note: 'Đã cài đặt cho 12/20 phường' });
    expect(p1.statusCode, p1.body).toBe(200);
    expect(p1.json().task).toMatchObject({ progressPercent: 40 });
    const file = multipart('bien-ban.pdf', Buffer.from('%PDF-1.4 biên bản'), { version: String(p1.json().task.version), percent: '60', note: 'Kèm biên bản nghiệm thu' }, 'application/pdf');
    const p2 = await upload(officer, `/api/tasks/${t.id}/progress-file`, file);
    expect(p2.statusCode, p2.body).toBe(200);
    const fileId = p2.json().update.fileId;
    const dl = await call(s.app, coord, 'GET', `/api/tasks/${t.id}/files/${fileId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.body).toContain('%PDF-1.4');
    const ask = await call(s.app, officer, 'POST', `/api/tasks/${t.id}/extensions`, { version: p2.json().task.version, requestedDeadline: '2025-04-30', reason: 'Chờ nhà mạng nâng cấp đường truyền' });
    expect(ask.statusCode, ask.body).toBe(201);
    expect(ask.json().pendingExtension).toMatchObject({ requestedDeadline: '2025-04-30' });
    const twice = await call(s.app, officer, 'POST', `/api/tasks/${t.id}/extensions`, { version: ask.json().version, requestedDeadline: '2025-05-30', reason: 'Lần hai' });
    expect(twice.statusCode).toBe(422);
    // Only the coordinator decides.
    expect((await call(s.app, officer, 'POST', `/api/tasks/${t.id}/extensions/${ask.json().pendingExtension.id}/decision`, { version: ask.json().version, approve: true })).statusCode).toBe(403);
    const ok = await call(s.app, coord, 'POST', `/api/tasks/${t.id}/extensions/${ask.json().pendingExtension.id}/decision`, { version: ask.json().version, approve: true, note: 'Đồng ý' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ deadline: '2025-04-30', originalDeadline: '2025-03-31', extended: true, pendingExtension: null });
    // A second request is refused by the coordinator: the deadline stays.
    const ask2 = await call(s.app, officer, 'POST', `/api/tasks/${t.id}/extensions`, { version: ok.json().version, requestedDeadline: '2025-06-30', reason: 'Xin thêm' });
    const no = await call(s.app, coord, 'POST', `/api/tasks/${t.id}/extensions/${ask2.json().pendingExtension.id}/decision`, { version: ask2.json().version, approve: false, note: 'Không đồng ý' });
    expect(no.json()).toMatchObject({ deadline: '2025-04-30', originalDeadline: '2025-03-31' });
    await at('2025-04-15');
    const done = await call(s.app, officer, 'POST', `/api/tasks/${t.id}/complete`, { version: no.json().version });
    // Done 15 days after the original deadline, inside the extension: on time thanks to it, counted apart (issue 16).
    expect(done.json()).toMatchObject({ status: 'done_on_time_extended', statusLabel: 'Hoàn thành đúng hạn (có gia hạn)', originalDeadline: '2025-03-31' });
    const sum = (await call(s.app, coord, 'GET', `/api/tasks/summary?from=2025-01-01&to=2026-12-31&leadUnitId=${ids['HP.Q.LECHAN']}`)).json();
    expect(sum.total.byStatus.done_on_time_extended).toBeGreaterThanOrEqual(1);
    expect(sum.total.onTimeWithoutExtensionRate.numerator).toBe(sum.total.byStatus.done_on_time);
    expect((await call(s.app, officer, 'POST', `/api/tasks/${t.id}/progress`, { version: done.json().version, percent: 100, note: 'x' })).statusCode).toBe(422);
    const history = (await call(s.app, city, 'GET', `/api/tasks/${t.id}/history`)).json().items as Array<{ action: string; actorName: string; update: { note: string; file: unknown } | null; extension: { status: string } | null }>;
    expect(history.map((h) => h.action)).toEqual(['create', 'progress', 'progress', 'extension_request', 'extension_approve', 'extension_request', 'extension_refuse', 'complete']);
    expect(history[1]).toMatchObject({ actorName: 'canbo.lechan', update: { note: 'Đã cài đặt cho 12/20 phường' } });
    expect(history[2]!.update!.file).toMatchObject({ name: 'bien-ban.pdf' });
    expect(history[4]!.extension).toMatchObject({ status: 'approved' });
    const audit = await s.db.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'task' and entity_id = $1`, [t.id]);
    expect(audit[0]!.n).toBe(8);
  });

  it('answers 409 to the second of two edits made from the same version and keeps the first', async () => {
    const t = await create({ title: 'Rà soát thủ tục hành chính', leadUnitId: ids['HP.SNV'], deadline: '2025-05-31' });
    const [a, b] = await Promise.all([
      call(s.app, coord, 'PATCH', `/api/tasks/${t.id}`, { version: t.version, title: 'Rà soát thủ tục hành chính (bản A)' }),
      call(s.app, coord, 'PATCH', `/api/tasks/${t.id}`, { version: t.version, title: 'Rà soát thủ tục hành chính (bản B)' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const winner = a.statusCode === 200 ? a : b;
    expect((await get(coord, t.id)).title).toBe(winner.json().title);
    const stale = await call(s.app, coord, 'POST', `/api/tasks/${t.id}/progress`, { version: t.version, percent: 10, note: 'Từ bản cũ' });
    expect(stale.statusCode).toBe(409);
    expect((await s.db.query<{ n: number }>('select count(*)::int as n from task_updates where task_id = $1', [t.id]))[0]!.n).toBe(0);
  });

  it('lets a unit officer update only their unit’s tasks, and report progress where the unit coordinates', async () => {
    const other = await create({ title: 'Nhiệm vụ của quận Ngô Quyền', leadUnitId: ids['HP.Q.NGOQUYEN'], deadline: '2025-06-30' });
    const coordinating = await create({ title: 'Chuẩn hoá dữ liệu dân cư', leadUnitId: ids['HP.SNV'], coordinatorUnitIds: [ids['HP.Q.LECHAN']], deadline: '2025-06-30' });
    expect((await call(s.app, officer, 'GET', `/api/tasks/${other.id}`)).statusCode).toBe(403);
    expect((await call(s.app, officer, 'PATCH', `/api/tasks/${other.id}`, { version: other.version, title: 'Sửa trộm' })).statusCode).toBe(403);
    expect((await call(s.app, officer, 'POST', `/api/tasks/${other.id}/progress`, { version: other.version, percent: 50, note: 'x' })).statusCode).toBe(403);
    expect((await call(s.app, officer, 'POST', `/api/tasks/${other.id}/complete`, { version: other.version })).statusCode).toBe(403);
    const list = (await call(s.app, officer, 'GET', '/api/tasks?limit=500')).json().items.map((t: Task) => t.id);
    expect(list).not.toContain(other.id);
    expect(list).toContain(coordinating.id);
    const progress = await call(s.app, officer, 'POST', `/api/tasks/${coordinating.id}/progress`, { version: coordinating.version, percent: 30, note: 'Quận đã gửi dữ liệu' });
    expect(progress.statusCode, progress.body).toBe(200);
    // A coordinator's report is recorded but does not move the lead unit's percentage.
    expect(progress.json().task.progressPercent).toBe(0);
    expect((await call(s.app, officer, 'POST', `/api/tasks/${coordinating.id}/complete`, { version: progress.json().task.version })).statusCode).toBe(403);
    // Deadlines and leads are the coordinator's to change, even on the unit's own task.
    const own = await create({ title: 'Việc của quận', leadUnitId: ids['HP.Q.LECHAN'], deadline: '2025-06-30' });
    expect((await call(s.app, officer, 'PATCH', `/api/tasks/${own.id}`, { version: own.version, deadline: '2025-12-31' })).statusCode).toBe(403);
    expect((await call(s.app, officer, 'PATCH', `/api/tasks/${own.id}`, { version: own.version, description: 'Ghi chú của quận' })).statusCode).toBe(200);
    // City leadership reads everything and changes nothing.
    expect((await call(s.app, city, 'GET', `/api/tasks/${other.id}`)).statusCode).toBe(200);
    expect((await call(s.app, city, 'POST', `/api/tasks/${other.id}/progress`, { version: other.version, percent: 1, note: 'x' })).statusCode).toBe(403);
    const inbox = (await call(s.app, officer, 'GET', '/api/tasks/inbox')).json();
    expect(inbox.unit.id).toBe(ids['HP.Q.LECHAN']);
    expect(inbox.lead.map((t: Task) => t.id)).toContain(own.id);
    expect(inbox.coordinating.map((t: Task) => t.id)).toContain(coordinating.id);
  });

  it('filters by unit, coordinator, pillar and deadline range, and searches without diacritics', async () => {
    const t = await create({ title: 'Xây dựng kho dữ liệu đất đai dùng chung', leadUnitId: ids['HP.STC'], coordinatorUnitIds: [ids['HP.SKHCN']], deadline: '2025-09-15', pillar: 'digital_infrastructure' });
    const q = async (qs: string) => (await call(s.app, coord, 'GET', `/api/tasks?${qs}&limit=500`)).json().items.map((x: Task) => x.id) as string[];
    expect(await q('q=kho du lieu dat dai')).toEqual([t.id]);
    expect(await q(`q=${encodeURIComponent('KHO DỮ LIỆU')}`)).toContain(t.id);
    expect(await q(`q=${encodeURIComponent('khoa hoc cong nghe')}`)).toContain(t.id);
    expect(await q(`leadUnitId=${ids['HP.STC']}`)).toContain(t.id);
    expect(await q(`leadUnitId=${ids['HP.SNV']}`)).not.toContain(t.id);
    expect(await q(`coordinatorUnitId=${ids['HP.SKHCN']}`)).toContain(t.id);
    expect(await q('pillar=digital_infrastructure')).toEqual([t.id]);
    expect(await q('deadlineFrom=2025-09-01&deadlineTo=2025-09-30')).toEqual([t.id]);
    expect(await q('deadlineFrom=2025-10-01')).not.toContain(t.id);
    expect((await call(s.app, coord, 'GET', '/api/tasks?status=hoan_thanh')).statusCode).toBe(400);
  });

  it('summarises counts and overdue rates by unit for a date range', async () => {
    await at('2025-04-01');
    const a = await create({ title: 'Việc A', leadUnitId: ids['HP.Q.NGOQUYEN'], assignedOn: '2025-04-01', deadline: '2025-04-10' });
    await create({ title: 'Việc B', leadUnitId: ids['HP.Q.NGOQUYEN'], assignedOn: '2025-04-01', deadline: '2025-06-30' });
    await create({ title: 'Việc C', leadUnitId: ids['HP.Q.NGOQUYEN'], assignedOn: '2025-04-01' });
    const c4 = await create({ title: 'Việc D', leadUnitId: ids['HP.Q.NGOQUYEN'], assignedOn: '2025-04-01', deadline: '2025-04-05' });
    await call(s.app, coord, 'POST', `/api/tasks/${c4.id}/complete`, { version: c4.version, completedOn: '2025-04-01' });
    await at('2025-05-01');
    const res = await call(s.app, city, 'GET', `/api/tasks/summary?from=2025-04-01&to=2025-04-30&leadUnitId=${ids['HP.Q.NGOQUYEN']}`);
    expect(res.statusCode, res.body).toBe(200);
    const sum = res.json();
    expect(sum.total).toMatchObject({ total: 4, withDeadline: 3, overdue: 1, overdueRateAll: { percent: 25 }, overdueRateWithDeadline: { percent: 33.33 } });
    expect(sum.total.byStatus).toMatchObject({ in_progress_overdue: 1, in_progress_on_time: 1, no_deadline_in_progress: 1, done_on_time: 1 });
    expect(sum.byUnit).toEqual([expect.objectContaining({ unitId: ids['HP.Q.NGOQUYEN'], unitName: 'Ủy ban nhân dân quận Ngô Quyền' })]);
    expect(a.id).toBeTruthy();
  });

  it('exports the filtered list as a real .xlsx with a title, Vietnamese headers and dd/mm/yyyy dates', async () => {
    await create({ title: 'Nâng cấp trung tâm dữ liệu quận', leadUnitId: ids['HP.Q.LECHAN'], coordinatorUnitIds: [ids['HP.STC']], deadline: '2025-07-31' });
    const res = await call(s.app, coord, 'GET', `/api/tasks/export?leadUnitId=${ids['HP.Q.LECHAN']}&q=trung tam du lieu`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*\.xlsx"; filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toBe('DANH SÁCH NHIỆM VỤ CHUYỂN ĐỔI SỐ');
    expect(String(ws.getCell('A2').value)).toMatch(/Tính đến ngày 10\/03\/2025 — 1 nhiệm vụ/);
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(['STT', 'Nội dung nhiệm vụ', 'Văn bản giao', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Ngày giao', 'Hạn xử lý', 'Hạn ban đầu', 'Định kỳ', 'Tiến độ (%)', 'Ngày hoàn thành', 'Tình trạng', 'Số ngày quá hạn', 'Trụ cột', 'Ghi chú']);
    const row = ws.getRow(4);
    expect(row.getCell(2).value).toBe('Nâng cấp trung tâm dữ liệu quận');
    expect(row.getCell(4).value).toBe('Ủy ban nhân dân quận Lê Chân');
    expect(row.getCell(5).value).toBe('Sở Tài chính');
    expect(row.getCell(7).value).toEqual(new Date(Date.UTC(2025, 6, 31)));
    expect(row.getCell(7).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(12).value).toBe('Đang thực hiện trong hạn');
    expect(ws.getRow(5).getCell(2).value).toBeNull();
  });

  it('imports a valid .xlsx and refuses a bad one whole, naming each row and column in Vietnamese', async () => {
    const importFile = (buf: Buffer, name = 'nhiem-vu.xlsx') => upload(coord, '/api/tasks/import', multipart(name, buf));
    const headers = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Ngày giao', 'Hạn xử lý', 'Định kỳ', 'Trụ cột'];
    const n0 = await countTasks();
    const bad = await importFile(await workbook([
      ['DANH SÁCH NHIỆM VỤ GIAO BỔ SUNG'],
      headers,
      [1, 'Rà soát hạ tầng mạng', 'Sở Tài chính', '', '01/03/2025', '31/02/2024', '', 'Hạ tầng số'],
      [2, 'Đào tạo kỹ năng số', 'Sở Phép Thuật', 'Sở Nội vụ', '01/03/2025', '30/04/2025', '', ''],
      [3, '', 'UBND quận Lê Chân', 'Sở Không Tồn Tại', '01/03/2025', '30/04/2025', 'thỉnh thoảng', ''],
      [4, 'Việc hợp lệ', 'Sở Nội vụ', '', '01/03/2025', '30/04/2025', 'Hằng tháng', 'Chính quyền số'],
    ]));
    expect(bad.statusCode).toBe(400);
    const err = bad.json().error;
    expect(err.code).toBe('VALIDATION');
    expect(err.rows).toEqual(expect.arrayContaining([
      { row: 3, column: 'Hạn xử lý', message: '"31/02/2024" không phải ngày hợp lệ (dạng dd/mm/yyyy)' },
      { row: 4, column: 'Đơn vị chủ trì', message: expect.stringMatching(/không tìm thấy đơn vị "Sở Phép Thuật"/) },
      { row: 5, column: 'Nội dung nhiệm vụ', message: 'không được để trống' },
      { row: 5, column: 'Đơn vị phối hợp', message: expect.stringMatching(/Sở Không Tồn Tại/) },
      { row: 5, column: 'Định kỳ', message: expect.stringMatching(/không phải kỳ hợp lệ/) },
    ]));
    expect(err.message).toMatch(/dòng 3, cột "Hạn xử lý"/);
    expect(err.message).toMatch(/chưa có dữ liệu nào được ghi/);
    expect(await countTasks()).toBe(n0);

    const empty = await importFile(Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const wrongColumns = await importFile(await workbook([['Tên', 'Ngày'], ['a', 'b']]));
    expect(wrongColumns.statusCode).toBe(400);
    expect(wrongColumns.json().error.message).toMatch(/Nội dung nhiệm vụ/);
    const noRows = await importFile(await workbook([headers]));
    expect(noRows.json().error.message).toMatch(/không có dòng dữ liệu/);
    const notExcel = await importFile(Buffer.from('không phải excel'));
    expect(notExcel.json().error.message).toMatch(/Không đọc được tệp Excel/);
    expect(await countTasks()).toBe(n0);

    const good = await importFile(await workbook([
      headers,
      [1, 'Rà soát hạ tầng mạng', 'Sở Tài chính', 'Sở KH&CN; UBND quận Lê Chân', '01/03/2025', '30/06/2025', '', 'Hạ tầng số'],
      [2, 'Báo cáo tình hình số hoá', 'ubnd quan le chan', '', new Date(Date.UTC(2025, 2, 3)), '', 'Hằng tháng', ''],
    ]));
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json().created).toBe(2);
    expect(await countTasks()).toBe(n0 + 2);
    const imported = (await call(s.app, coord, 'GET', '/api/tasks?q=ra soat ha tang mang')).json().items[0];
    expect(imported).toMatchObject({ deadline: '2025-06-30', pillar: 'digital_infrastructure', assignedOn: '2025-03-01' });
    expect(imported.coordinators.map((c: { name: string }) => c.name).sort()).toEqual(['Sở Khoa học và Công nghệ', 'Ủy ban nhân dân quận Lê Chân']);
    const template = await call(s.app, coord, 'GET', '/api/tasks/import-template');
    expect(template.statusCode).toBe(200);
    expect((await call(s.app, officer, 'GET', '/api/tasks/import-template')).statusCode).toBe(403);
  });

  it('sends each reminder once, even when the daily job runs twice, and escalates after N overdue days', async () => {
    const t = await create({ title: 'Cập nhật dữ liệu chỉ tiêu chuyển đổi số quý I', leadUnitId: ids['HP.Q.LECHAN'], deadline: '2025-03-13' });
    const notes = async (kind?: string) =>
      s.db.query<{ username: string; kind: string; body: string }>(
        `select u.username, n.kind, n.body from notifications n join users u on u.id = n.user_id
          where n.dedupe_key like $1 and ($2::text is null or n.kind = $2) order by u.username, n.kind`,
        [`task-reminder:${t.id}:%`, kind ?? null],
      );
    const first = await runDailyJobs(s.deps, '2025-03-10');
    expect(first['task-reminders']).toMatchObject({ ran: true });
    expect((await runDailyJobs(s.deps, '2025-03-10'))['task-reminders']).toEqual({ ran: false });
    // Even run by hand (a second process that missed the job lock), the keys hold.
    await s.db.transaction((tx) => sendTaskReminders(tx, '2025-03-10'));
    const due = await notes();
    expect(due).toEqual([
      { username: 'canbo.lechan', kind: 'task_due', body: expect.stringMatching(/còn 3 ngày đến hạn \(13\/03\/2025\)/) },
      { username: 'lanhdao.lechan', kind: 'task_due', body: expect.stringMatching(/còn 3 ngày/) },
    ]);
    await runDailyJobs(s.deps, '2025-03-11');
    expect(await notes()).toHaveLength(2);
    await runDailyJobs(s.deps, '2025-03-12');
    expect((await notes('task_due')).length).toBe(4);
    const setting = await call(s.app, coord, 'PUT', '/api/tasks/settings', { escalateAfterOverdueDays: 3 });
    expect(setting.statusCode).toBe(200);
    await runDailyJobs(s.deps, '2025-03-14');
    expect((await notes('task_overdue')).map((n) => n.username)).toEqual(['canbo.lechan', 'lanhdao.lechan']);
    expect(await notes('task_escalation')).toHaveLength(0);
    await runDailyJobs(s.deps, '2025-03-16');
    await s.db.transaction((tx) => sendTaskReminders(tx, '2025-03-16'));
    expect(await notes('task_escalation')).toEqual([{ username: 'lanhdao.lechan', kind: 'task_escalation', body: expect.stringMatching(/quá hạn 3 ngày/) }]);
    expect(await notes('task_overdue')).toHaveLength(2);
    await call(s.app, coord, 'PUT', '/api/tasks/settings', { escalateAfterOverdueDays: 7 });
  });
});
