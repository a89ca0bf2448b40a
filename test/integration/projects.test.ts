import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyJobs } from '../../src/server/jobs/scheduler';
import { appraisalOverdueJob } from '../../src/server/jobs/appraisal-overdue';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * The IT-project workflow over HTTP, each step taken by the role that owns it (before the 2025
 * merger, so Sở TT&TT is the technical appraiser): the unit submits, Sở TT&TT appraises or
 * returns, Sở Tài chính appraises the cost, the coordinator records the committee's approval,
 * Sở Tài chính allocates, the unit contracts, accepts and disburses.
 */
describe.each(ENGINES)('IT projects over HTTP on %s', (engine) => {
  let s: TestServer;
  const as: Record<'admin' | 'officer' | 'leader' | 'coordinator' | 'finance' | 'leadership', Session> = {} as never;
  let lechanId: string;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    // Monday 3 June 2024, 10:00 in Hải Phòng: Sở TT&TT still exists.
    s.clock.now = new Date('2024-06-03T03:00:00Z');
    as.admin = await login(s.app, 'admin');
    as.officer = await login(s.app, 'canbo.lechan');
    as.leader = await login(s.app, 'lanhdao.lechan');
    as.coordinator = await login(s.app, 'dieuphoi');
    as.finance = await login(s.app, 'taichinh');
    as.leadership = await login(s.app, 'lanhdao');
    lechanId = (await s.db.query<{ id: string }>(`select id from units where code = 'HP.Q.LECHAN'`))[0]!.id;
  });
  afterAll(async () => s?.close());

  async function register(overrides: Record<string, unknown> = {}) {
    const res = await call(s.app, as.officer, 'POST', '/api/projects', {
      unitId: lechanId,
      name: 'Nâng cấp bộ phận một cửa điện tử quận Lê Chân',
      kind: 'recurrent_activity',
      fiscalYear: 2024,
      fundingSource: 'recurrent',
      estimate: 2_500_000_000,
      startedOn: '2024-03-01',
      ...overrides,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; template: { code: string }; step: { code: string } };
  }

  let version = new Map<string, number>();
  async function act(who: Session, id: string, body: Record<string, unknown>) {
    const res = await call(s.app, who, 'POST', `/api/projects/${id}/transitions`, { version: version.get(id) ?? 1, ...body });
    if (res.statusCode === 200) version.set(id, res.json().version);
    return res;
  }
  async function ok(who: Session, id: string, body: Record<string, unknown>) {
    const res = await act(who, id, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  it('seeds the templates of NĐ 73/2019 and NĐ 45/2026 as data, with Sở TT&TT then Sở KH&CN as technical appraiser', async () => {
    const templates = (await call(s.app, as.officer, 'GET', '/api/pipeline-templates')).json() as Array<{ code: string; validFrom: string; steps: unknown[] }>;
    expect(templates.map((t) => t.code).sort()).toEqual(['ND45-DTHT', 'ND45-MS', 'ND45-THUE', 'ND45-TX', 'ND73-DA', 'ND73-THUE', 'ND73-TX']);
    expect(templates.find((t) => t.code === 'ND45-TX')!.validFrom).toBe('2026-01-26');
    const holders = (await call(s.app, as.officer, 'GET', '/api/pipeline-role-units')).json() as Array<{ role: string; unitName: string; validFrom: string; validTo: string | null }>;
    const tech = holders.filter((h) => h.role === 'technical_appraiser').map((h) => [h.unitName, h.validTo]);
    expect(tech).toEqual([
      ['Sở Thông tin và Truyền thông', '2025-02-28'],
      ['Sở Khoa học và Công nghệ', null],
    ]);
  });

  it('walks a project from registration to disbursement, each step by its own role, with every transition recorded', async () => {
    const p = await register();
    version.set(p.id, p.version);
    expect(p.template.code).toBe('ND73-TX');
    expect(p.step.code).toBe('lap_ho_so');

    await ok(as.officer, p.id, { type: 'submit', date: '2024-03-15', documentNumber: '123/TTr-UBND' });
    // Sở Tài chính cannot take Sở TT&TT's step, nor the unit.
    for (const who of [as.finance, as.officer, as.leadership]) {
      const refused = await act(who, p.id, { type: 'appraise', date: '2024-03-20' });
      expect(refused.statusCode, refused.body).toBe(403);
    }
    let d = await ok(as.coordinator, p.id, { type: 'return_for_revision', date: '2024-03-25', comment: 'Bổ sung thuyết minh giải pháp kết nối LGSP' });
    expect(d.step.code).toBe('lap_ho_so');
    expect(d.revisions).toBe(1);
    await ok(as.leader, p.id, { type: 'submit', date: '2024-04-01', documentNumber: '130/TTr-UBND' });
    await ok(as.coordinator, p.id, { type: 'appraise', date: '2024-04-10', documentNumber: '45/STTTT-CNTT' });
    expect((await act(as.coordinator, p.id, { type: 'appraise', date: '2024-04-12' })).statusCode).toBe(403);
    await ok(as.finance, p.id, { type: 'appraise', date: '2024-04-19', documentNumber: '88/STC-HCSN' });
    expect((await act(as.leadership, p.id, { type: 'approve', date: '2024-04-25' })).statusCode).toBe(403);
    expect((await act(as.finance, p.id, { type: 'approve', date: '2024-04-25' })).statusCode).toBe(403);
    await ok(as.coordinator, p.id, { type: 'approve', date: '2024-04-25', documentNumber: '1234/QĐ-UBND' });
    await ok(as.finance, p.id, { type: 'allocate', date: '2024-05-10', documentNumber: '1400/QĐ-UBND', amount: 2_500_000_000 });
    await ok(as.officer, p.id, { type: 'contract', date: '2024-05-20', documentNumber: '05/2024/HĐ', amount: 2_400_000_000 });
    await ok(as.officer, p.id, { type: 'accept', date: '2024-05-30', documentNumber: 'BB-NT-01' });
    d = await ok(as.officer, p.id, { type: 'disburse', date: '2024-05-31', amount: 1_000_000_000 });
    expect(d.step.code).toBe('thanh_toan');
    expect(d.disbursed).toBe(1_000_000_000);
    d = await ok(as.officer, p.id, { type: 'disburse', date: '2024-06-03', amount: 1_500_000_000, documentNumber: 'UNC-0603' });
    expect(d.status).toBe('finished');
    expect(d.finishedOn).toBe('2024-06-03');
    expect(d.allowedActions).toEqual([]);

    const detail = (await call(s.app, as.leadership, 'GET', `/api/projects/${p.id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'submit', 'return_for_revision', 'submit', 'appraise', 'appraise', 'approve', 'allocate', 'contract', 'accept', 'disburse', 'disburse',
    ]);
    const returned = detail.events[1];
    expect(returned).toMatchObject({ date: '2024-03-25', actorName: expect.stringContaining('đầu mối'), actorUnitName: 'Sở Thông tin và Truyền thông' });
    expect(detail.events[5]).toMatchObject({ documentNumber: '1234/QĐ-UBND', actorRole: 'approver' });
    // Clocks: (15/03, 25/03] holds 6 working days; the revision visit is timed on its own.
    expect(detail.visits[1]).toMatchObject({ stepCode: 'tham_dinh_ky_thuat', outcome: 'returned', workingDays: 6, limit: 14, overdue: false });
    expect(detail.revisionsByStep).toEqual({ tham_dinh_ky_thuat: 1 });

    const audit = await s.db.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'project' and entity_id = $1`, [p.id]);
    expect(audit[0]!.n).toBe(12);
  });

  it('refuses a transition out of order with a clear Vietnamese message (422 ILLEGAL_TRANSITION)', async () => {
    const p = await register({ name: 'Dự án thử bước sai thứ tự' });
    const res = await act(as.officer, p.id, { version: p.version, type: 'approve', date: '2024-03-05' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: 'Không thể phê duyệt khi hồ sơ chưa được nộp (đang ở bước «Lập đề cương và dự toán chi tiết»).',
    });
    const noComment = await act(as.officer, p.id, { version: p.version, type: 'submit', date: '2024-02-01' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().error).toMatchObject({ code: 'VALIDATION', field: 'date' });
    expect(noComment.json().error.message).toMatch(/không được trước ngày/);
  });

  it('answers 409 to the second of two simultaneous transitions of one project', async () => {
    const p = await register({ name: 'Dự án thử bấm đồng thời' });
    const body = { version: p.version, type: 'submit', date: '2024-03-10' };
    const [a, b] = await Promise.all([
      call(s.app, as.officer, 'POST', `/api/projects/${p.id}/transitions`, body),
      call(s.app, as.leader, 'POST', `/api/projects/${p.id}/transitions`, body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('CONFLICT');
    const events = await s.db.query<{ n: number }>('select count(*)::int as n from project_events where project_id = $1', [p.id]);
    expect(events[0]!.n).toBe(1);
  });

  it('counts each return for revision and lets an appraiser act only on its own step', async () => {
    const p = await register({ name: 'Dự án bị trả lại hai lần' });
    version.set(p.id, p.version);
    await ok(as.officer, p.id, { type: 'submit', date: '2024-03-04' });
    await ok(as.coordinator, p.id, { type: 'return_for_revision', date: '2024-03-11', comment: 'Thiếu dự toán chi tiết' });
    await ok(as.officer, p.id, { type: 'submit', date: '2024-03-18' });
    const missing = await act(as.coordinator, p.id, { type: 'return_for_revision', date: '2024-03-19', comment: '   ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('comment');
    await ok(as.coordinator, p.id, { type: 'appraise', date: '2024-03-25' });
    // At Sở Tài chính now: Sở TT&TT may not return it.
    expect((await act(as.coordinator, p.id, { type: 'return_for_revision', date: '2024-03-26', comment: 'x' })).statusCode).toBe(403);
    const d = await ok(as.finance, p.id, { type: 'return_for_revision', date: '2024-03-28', comment: 'Đơn giá chưa theo định mức' });
    expect(d.revisions).toBe(2);
    expect(d.step.code).toBe('lap_ho_so');
    const detail = (await call(s.app, as.officer, 'GET', `/api/projects/${p.id}`)).json();
    expect(detail.revisionsByStep).toEqual({ tham_dinh_ky_thuat: 1, tham_dinh_du_toan: 1 });
    expect(detail.allowedActions).toEqual([{ type: 'submit', actorRole: 'owner' }]);
    const finance = (await call(s.app, as.finance, 'GET', `/api/projects/${p.id}`)).json();
    expect(finance.allowedActions).toEqual([]);
  });

  it('lets a unit see and manage only its own projects', async () => {
    const p = await register({ name: 'Dự án riêng của Lê Chân' });
    const ngoQuyen = (await s.db.query<{ id: string }>(`select id from units where code = 'HP.Q.NGOQUYEN'`))[0]!.id;
    const other = await call(s.app, as.officer, 'POST', '/api/projects', {
      unitId: ngoQuyen, name: 'Dự án của đơn vị khác', kind: 'recurrent_activity', fiscalYear: 2024, fundingSource: 'recurrent', estimate: 500_000_000,
    });
    expect(other.statusCode).toBe(403);
    const byCoordinator = await call(s.app, as.coordinator, 'POST', '/api/projects', {
      unitId: ngoQuyen, name: 'Dự án quận Ngô Quyền', kind: 'recurrent_activity', fiscalYear: 2024, fundingSource: 'recurrent', estimate: 500_000_000, startedOn: '2024-05-02',
    });
    expect(byCoordinator.statusCode, byCoordinator.body).toBe(201);
    const theirs = byCoordinator.json().id as string;
    expect((await call(s.app, as.officer, 'GET', `/api/projects/${theirs}`)).statusCode).toBe(403);
    const list = (await call(s.app, as.officer, 'GET', '/api/projects')).json().items as Array<{ id: string; unitId: string }>;
    expect(list.some((x) => x.id === p.id)).toBe(true);
    expect(list.every((x) => x.unitId === lechanId)).toBe(true);
    const all = (await call(s.app, as.leadership, 'GET', '/api/projects')).json().items as Array<{ id: string }>;
    expect(all.some((x) => x.id === theirs)).toBe(true);
    expect((await call(s.app, as.leadership, 'PATCH', `/api/projects/${p.id}`, { version: p.version, name: 'Đổi tên' })).statusCode).toBe(403);
    const renamed = await call(s.app, as.officer, 'PATCH', `/api/projects/${p.id}`, { version: p.version, name: 'Dự án riêng của Lê Chân (đổi tên)' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const stale = await call(s.app, as.officer, 'PATCH', `/api/projects/${p.id}`, { version: p.version, name: 'Lần nữa' });
    expect(stale.statusCode).toBe(409);
  });

  it('takes the template in force on the start date and checks the amount range of TT 03/2020', async () => {
    const tooBig = await call(s.app, as.officer, 'POST', '/api/projects', {
      unitId: lechanId, name: 'Nhiệm vụ vượt 15 tỷ', kind: 'recurrent_activity', fiscalYear: 2024, fundingSource: 'recurrent', estimate: 16_000_000_000, startedOn: '2024-03-01',
    });
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error).toMatchObject({ code: 'VALIDATION', field: 'estimate' });
    expect(tooBig.json().error.message).toMatch(/15 tỷ đồng; vượt mức này phải lập dự án đầu tư/);
    const investment = await call(s.app, as.officer, 'POST', '/api/projects', {
      unitId: lechanId, name: 'Dự án đầu tư hạ tầng số quận', kind: 'investment_project', fiscalYear: 2024, fundingSource: 'public_investment', estimate: 16_000_000_000, startedOn: '2024-03-01',
    });
    expect(investment.statusCode, investment.body).toBe(201);
    expect(investment.json().template.code).toBe('ND73-DA');
    expect(investment.json().step.code).toBe('lap_de_xuat_chu_truong');
  });

  it('notifies the appraiser unit and the coordinator once when an appraisal runs past its limit', async () => {
    const p = await register({ name: 'Hồ sơ nằm lâu ở Sở TT&TT' });
    version.set(p.id, p.version);
    await ok(as.officer, p.id, { type: 'submit', date: '2024-04-15' });
    // (15/04, 03/06] minus 29/04–01/05 (holidays on weekdays 29, 30/04 and 01/05) is well past 14 working days.
    const first = (await runDailyJobs(s.deps, '2024-06-03', [appraisalOverdueJob]))[appraisalOverdueJob.name]!;
    expect(first.ran).toBe(true);
    const rows = await s.db.query<{ username: string; title: string; body: string; link: string }>(
      `select u.username, n.title, n.body, n.link from notifications n join users u on u.id = n.user_id where n.kind = 'project_appraisal_overdue' and n.link like $1`,
      [`%${p.id}`],
    );
    expect(rows.map((r) => r.username)).toEqual(['dieuphoi']);
    expect(rows[0]!.body).toMatch(/quá thời hạn 14 ngày làm việc/);
    await runDailyJobs(s.deps, '2024-06-04', [appraisalOverdueJob]);
    const again = await s.db.query<{ n: number }>(`select count(*)::int as n from notifications where kind = 'project_appraisal_overdue' and link like $1`, [`%${p.id}`]);
    expect(again[0]!.n).toBe(1);
  });

  it('lets finance close the budget year (carried over, cancelled) within what was allocated, then refuses transitions', async () => {
    const p = await register({ name: 'Hồ sơ khoá sổ' });
    version.set(p.id, p.version);
    for (const [who, body] of [
      [as.officer, { type: 'submit', date: '2024-03-04' }],
      [as.coordinator, { type: 'appraise', date: '2024-03-08' }],
      [as.finance, { type: 'appraise', date: '2024-03-15' }],
      [as.coordinator, { type: 'approve', date: '2024-03-20' }],
      [as.finance, { type: 'allocate', date: '2024-03-29', amount: 2_000_000_000 }],
    ] as const) await ok(who, p.id, body);
    const v = version.get(p.id)!;
    expect((await call(s.app, as.officer, 'PUT', `/api/projects/${p.id}/closing`, { version: v, closedOn: '2024-06-01', carriedOver: 0, cancelled: 0 })).statusCode).toBe(403);
    const tooMuch = await call(s.app, as.finance, 'PUT', `/api/projects/${p.id}/closing`, { version: v, closedOn: '2024-06-01', carriedOver: 1_500_000_000, cancelled: 600_000_000 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.message).toMatch(/vượt số đã phân bổ \(2 tỷ đồng\)/);
    const closed = await call(s.app, as.finance, 'PUT', `/api/projects/${p.id}/closing`, { version: v, closedOn: '2024-06-01', carriedOver: 1_500_000_000, cancelled: 500_000_000, note: 'Chuyển nguồn theo QĐ thử' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', carriedOver: 1_500_000_000, cancelled: 500_000_000 });
    const after = await act(as.officer, p.id, { version: closed.json().version, type: 'contract', date: '2024-06-03' });
    expect(after.statusCode).toBe(422);
    expect(after.json().error.message).toMatch(/đã khoá sổ ngày 01\/06\/2024/);
  });

  it('lets only the administrator edit a template, and only its limits and names once projects use it', async () => {
    const templates = (await call(s.app, as.admin, 'GET', '/api/pipeline-templates')).json() as Array<{ id: string; code: string; version: number; projects: number; steps: Array<{ code: string; timeLimitWorkingDays: number; returnTo?: string }> }>;
    const tx = templates.find((t) => t.code === 'ND73-TX')!;
    expect(tx.projects).toBeGreaterThan(0);
    const steps = tx.steps.map((st) => (st.code === 'tham_dinh_ky_thuat' ? { ...st, timeLimitWorkingDays: 10 } : st));
    expect((await call(s.app, as.coordinator, 'PATCH', `/api/pipeline-templates/${tx.id}`, { version: tx.version, steps })).statusCode).toBe(403);
    const edited = await call(s.app, as.admin, 'PATCH', `/api/pipeline-templates/${tx.id}`, { version: tx.version, steps });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().steps.find((st: { code: string }) => st.code === 'tham_dinh_ky_thuat').timeLimitWorkingDays).toBe(10);
    const reordered = [...steps].reverse();
    const refused = await call(s.app, as.admin, 'PATCH', `/api/pipeline-templates/${tx.id}`, { version: edited.json().version, steps: reordered });
    expect(refused.statusCode).toBe(400);
    const restore = await call(s.app, as.admin, 'PATCH', `/api/pipeline-templates/${tx.id}`, { version: edited.json().version, steps: tx.steps });
    expect(restore.statusCode).toBe(200);
    const audit = await s.db.query<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'pipeline_template' and entity_id = $1`, [tx.id]);
    expect(audit[0]!.n).toBe(2);
  });

  it('exports the portfolio and the early-warning list as .xlsx', async () => {
    for (const url of ['/api/projects/export.xlsx?year=2024', '/api/projects/at-risk.xlsx']) {
      const res = await call(s.app, as.leadership, 'GET', url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/spreadsheetml/);
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });
});
