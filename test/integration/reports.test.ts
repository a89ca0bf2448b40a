import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyJobs } from '../../src/server/jobs/scheduler';
import { reportRemindersJob } from '../../src/server/jobs/report-reminders';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, TEST_NOW, TEST_PASSWORD, type TestServer } from '../helpers/server';

/** Vietnam time of day → the server clock. */
const at = (isoLocal: string) => new Date(`${isoLocal}+07:00`);

describe.each(ENGINES)('periodic reports over HTTP on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  let officer: Session;
  let leader: Session;
  let leadership: Session;
  let admin: Session;
  let officerNQ: Session;
  let officerHA: Session;
  const unit = new Map<string, string>();
  let regime: { id: string; fields: Array<{ id: string; kind: string; required: boolean }> };
  let rateId: string;
  let valueField: string;
  let textField: string;
  let noteField: string;

  const u = (code: string) => unit.get(code)!;

  async function makeUser(username: string, role: string, unitCode: string) {
    const res = await call(s.app, admin, 'POST', '/api/users', { username, password: TEST_PASSWORD, fullName: `Người dùng ${username}`, role, unitId: u(unitCode) });
    expect(res.statusCode, res.body).toBe(201);
    return login(s.app, username);
  }

  async function view(session: Session, unitCode: string, period: string) {
    const res = await call(s.app, session, 'GET', `/api/report-regimes/${regime.id}/submission?unitId=${u(unitCode)}&period=${period}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async function save(session: Session, unitCode: string, period: string, answers: Record<string, unknown>, version = 0) {
    return call(s.app, session, 'PUT', `/api/report-regimes/${regime.id}/submission`, { unitId: u(unitCode), period, answers, version });
  }

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    coord = await login(s.app, 'dieuphoi');
    officer = await login(s.app, 'canbo.lechan');
    leader = await login(s.app, 'lanhdao.lechan');
    leadership = await login(s.app, 'lanhdao');
    admin = await login(s.app, 'admin');
    for (const row of await s.db.query<{ id: string; code: string }>('select id, code from units')) unit.set(row.code, row.id);
    officerNQ = await makeUser('canbo.ngoquyen', 'unit_officer', 'HP.Q.NGOQUYEN');
    await makeUser('lanhdao.ngoquyen', 'unit_leader', 'HP.Q.NGOQUYEN');
    officerHA = await makeUser('canbo.haian', 'unit_officer', 'HP.Q.HAIAN');
    const cat = (await call(s.app, coord, 'POST', '/api/indicator-catalogues', { code: 'RPT', name: 'Chỉ số báo cáo', validFrom: '2020-01-01' })).json();
    rateId = (await call(s.app, coord, 'POST', '/api/indicators', {
      catalogueId: cat.id, code: 'R_ONLINE', name: 'Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng', pillar: 'government', kind: 'ratio', unitOfMeasure: '%',
      unitRule: 'ratio', timeRule: 'ratio', direction: 'higher_better', periodicity: 'month', sourceAgency: 'Sở TT&TT', validFrom: '2020-01-01',
    })).json().id;
    const res = await call(s.app, coord, 'POST', '/api/report-regimes', {
      code: 'BC-CDS-THANG', title: 'Báo cáo tình hình chuyển đổi số hằng tháng', content: 'Kết quả thực hiện Kế hoạch 74/KH-UBND', reportKind: 'periodic',
      periodType: 'month', deadlineRule: { kind: 'working_days_after_cutoff', days: 2 }, receivingUnitId: u('HP.STTTT'), sendingMethod: 'Hệ thống Hải Đăng',
      legalBasis: 'Nghị định số 09/2019/NĐ-CP', validFrom: '2022-01-01', validTo: '2022-12-31', unitIds: [u('HP.Q.LECHAN'), u('HP.Q.NGOQUYEN'), u('HP.Q.HAIAN')],
      fields: [{ kind: 'indicator', indicatorId: rateId, required: true }, { kind: 'text', label: 'Kết quả nổi bật', required: true }, { kind: 'text', label: 'Khó khăn, vướng mắc' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    regime = res.json();
    [valueField, textField, noteField] = regime.fields.map((f) => f.id) as [string, string, string];
  });
  afterAll(async () => s?.close());

  it('computes NĐ 09 cut-off windows and deadlines with holidays as data', async () => {
    const periods = (await call(s.app, officer, 'GET', `/api/report-regimes/${regime.id}/periods?year=2022`)).json();
    expect(periods).toHaveLength(12);
    const jun = periods.find((p: { period: string }) => p.period === '2022-M06');
    // 15/05 → 14/06 (Tue); two working days later: Thu 16/06.
    expect(jun).toMatchObject({ cutoffStart: '2022-05-15', cutoffEnd: '2022-06-14', deadline: '2022-06-16', units: 3 });
    const otherBody = {
      code: 'BC-NGAY-2', title: 'Báo cáo thử hạn ngày 2 tháng sau', reportKind: 'periodic', periodType: 'month', deadlineRule: { kind: 'day_of_month', day: 2, monthOffset: 1 },
      receivingUnitId: u('HP.STTTT'), sendingMethod: 'Hệ thống Hải Đăng', validFrom: '2022-01-01', unitIds: [u('HP.Q.LECHAN')], fields: [{ kind: 'text', label: 'Nội dung' }],
    };
    const other = await call(s.app, coord, 'POST', '/api/report-regimes', otherBody);
    expect(other.statusCode, other.body).toBe(201);
    const apr = (await call(s.app, coord, 'GET', `/api/report-regimes/${other.json().id}/periods?year=2022`)).json().find((p: { period: string }) => p.period === '2022-M04');
    // 02/05/2022 and 03/05/2022 are days off (nghỉ bù 30/4 and 1/5): the deadline moves to Wed 04/05.
    expect(apr.deadline).toBe('2022-05-04');
    const bad = await call(s.app, coord, 'POST', '/api/report-regimes', {
      code: 'BC-SAI', title: 'Sai hạn', reportKind: 'periodic', periodType: 'month', deadlineRule: { kind: 'day_of_month', day: 10, monthOffset: 0 },
      receivingUnitId: u('HP.STTTT'), sendingMethod: 'x', validFrom: '2022-01-01', unitIds: [u('HP.Q.LECHAN')], fields: [{ kind: 'text', label: 'Nội dung' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'deadlineRule', message: expect.stringMatching(/không sau ngày chốt số liệu/) });
    const asOfficer = await call(s.app, officer, 'POST', '/api/report-regimes', { ...otherBody, code: 'BC-CB' });
    expect(asOfficer.statusCode).toBe(403);
  });

  it('runs a submission draft → submitted → returned (reason) → submitted → approved, and the values follow', async () => {
    s.clock.now = at('2022-05-16T09:00:00');
    const draft = await save(officer, 'HP.Q.LECHAN', '2022-M05', { [valueField]: { numerator: 40 } });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', version: 1 });
    // Someone else's unit, and a role that never submits.
    expect((await save(officer, 'HP.Q.NGOQUYEN', '2022-M05', {})).statusCode).toBe(403);
    expect((await save(coord, 'HP.Q.LECHAN', '2022-M05', {})).statusCode).toBe(403);
    // Nothing reaches the fact table while a report is being written.
    expect((await s.db.query('select 1 from indicator_values')).length).toBe(0);

    const incomplete = await call(s.app, officer, 'POST', `/api/report-submissions/${draft.json().id}/submit`, { version: 1 });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.message).toMatch(/mẫu số/);
    const saved = await save(officer, 'HP.Q.LECHAN', '2022-M05', { [valueField]: { numerator: 40, denominator: 100 }, [textField]: { text: 'Triển khai xong phần mềm một cửa.' } }, 1);
    expect(saved.json().version).toBe(2);
    const submitted = await call(s.app, officer, 'POST', `/api/report-submissions/${draft.json().id}/submit`, { version: 2 });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedBy: 'canbo.lechan' });
    const value = await s.db.query<{ status: string; origin: string; numerator: number; submission_id: string }>('select status, origin, numerator, submission_id from indicator_values');
    expect(value).toEqual([{ status: 'submitted', origin: 'report', numerator: 40, submission_id: draft.json().id }]);
    // Submitted reports are not edited in place.
    expect((await save(officer, 'HP.Q.LECHAN', '2022-M05', {}, 3)).statusCode).toBe(422);

    expect((await call(s.app, officer, 'POST', `/api/report-submissions/${draft.json().id}/approve`, { version: 3 })).statusCode).toBe(403);
    const noReason = await call(s.app, leader, 'POST', `/api/report-submissions/${draft.json().id}/return`, { version: 3, reason: '' });
    expect(noReason.statusCode).toBe(400);
    s.clock.now = at('2022-05-16T15:00:00');
    const returned = await call(s.app, leader, 'POST', `/api/report-submissions/${draft.json().id}/return`, { version: 3, reason: 'Số liệu tử số chưa khớp sổ theo dõi, đề nghị rà soát.' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'Số liệu tử số chưa khớp sổ theo dõi, đề nghị rà soát.', decidedBy: 'lanhdao.lechan' });
    expect((await s.db.query<{ status: string }>('select status from indicator_values'))[0]!.status).toBe('returned');
    const hp = u('HP');
    const afterReturn = (await call(s.app, leadership, 'GET', `/api/indicators/${rateId}/rollup?unitId=${hp}&period=2022-M05`)).json();
    expect(afterReturn.total.count).toBe(0);

    const fixed = await save(officer, 'HP.Q.LECHAN', '2022-M05', { [valueField]: { numerator: 45, denominator: 100 }, [textField]: { text: 'Đã rà soát.' } }, 4);
    expect(fixed.json().status).toBe('returned');
    s.clock.now = at('2022-05-17T08:00:00');
    const again = await call(s.app, officer, 'POST', `/api/report-submissions/${draft.json().id}/submit`, { version: 5 });
    expect(again.json()).toMatchObject({ status: 'submitted', returnReason: null });
    const approved = await call(s.app, leader, 'POST', `/api/report-submissions/${draft.json().id}/approve`, { version: 6 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: 'lanhdao.lechan' });
    expect((await s.db.query<{ status: string; numerator: number }>('select status, numerator from indicator_values'))[0]).toEqual({ status: 'approved', numerator: 45 });
    expect((await call(s.app, leader, 'POST', `/api/report-submissions/${draft.json().id}/approve`, { version: 7 })).statusCode).toBe(422);

    const v = await view(officer, 'HP.Q.LECHAN', '2022-M05');
    expect(v.events.map((e: { action: string }) => e.action)).toEqual(['save', 'save', 'submit', 'return', 'save', 'submit', 'approve']);
    expect(v.events.find((e: { action: string }) => e.action === 'return').reason).toMatch(/rà soát/);
    // Resubmitted on 17/05, the deadline day: on time.
    expect(v.timeliness).toBe('on_time');
    const audit = (await call(s.app, admin, 'GET', '/api/audit?entity=report_submission')).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual(expect.arrayContaining(['create', 'submit', 'return', 'approve']));
  });

  it('shows per period who is on time, late or missing, reminds only those who have not sent, and escalates', async () => {
    s.clock.now = at('2022-06-15T10:00:00');
    const lc = await save(officer, 'HP.Q.LECHAN', '2022-M06', { [valueField]: { numerator: 30, denominator: 100 }, [textField]: { text: 'Tốt.' } });
    await call(s.app, officer, 'POST', `/api/report-submissions/${lc.json().id}/submit`, { version: 1 });
    const early = (await call(s.app, coord, 'GET', `/api/report-regimes/${regime.id}/timeliness?period=2022-M06`)).json();
    expect(early.rows.map((r: { unitCode: string; timeliness: string }) => [r.unitCode, r.timeliness]).sort()).toEqual([
      ['HP.Q.HAIAN', 'pending'], ['HP.Q.LECHAN', 'on_time'], ['HP.Q.NGOQUYEN', 'pending'],
    ]);

    // Near the deadline: officers of units without a report are reminded; Lê Chân is not.
    const deps = { db: s.db, config: s.config, now: () => s.clock.now };
    await runDailyJobs(deps, '2022-06-15', [reportRemindersJob]);
    const notes = async (username: string) =>
      s.db.query<{ kind: string; body: string; link: string }>(`select n.kind, n.body, n.link from notifications n join users u on u.id = n.user_id where u.username = $1 and n.link like '%2022-M06%'`, [username]);
    expect((await notes('canbo.ngoquyen')).map((n) => n.kind)).toEqual(['report_due']);
    expect(await notes('canbo.lechan'), JSON.stringify(await notes('canbo.lechan'))).toEqual([]);
    expect(await notes('lanhdao.ngoquyen')).toEqual([]);

    s.clock.now = at('2022-06-20T10:00:00');
    const ha = await save(officerHA, 'HP.Q.HAIAN', '2022-M06', { [valueField]: { numerator: 10, denominator: 20 }, [textField]: { text: 'Chậm.' } });
    await call(s.app, officerHA, 'POST', `/api/report-submissions/${ha.json().id}/submit`, { version: 1 });
    s.clock.now = at('2022-06-25T10:00:00');
    const grid = (await call(s.app, coord, 'GET', `/api/report-regimes/${regime.id}/timeliness?period=2022-M06`)).json();
    expect(grid).toMatchObject({ deadline: '2022-06-16', summary: { units: 3, onTime: 1, late: 1, missing: 1, pending: 0 } });
    expect(Object.fromEntries(grid.rows.map((r: { unitCode: string; timeliness: string }) => [r.unitCode, r.timeliness]))).toEqual({ 'HP.Q.LECHAN': 'on_time', 'HP.Q.HAIAN': 'late', 'HP.Q.NGOQUYEN': 'missing' });
    // A unit officer sees only their own row.
    const own = (await call(s.app, officerNQ, 'GET', `/api/report-regimes/${regime.id}/timeliness?period=2022-M06`)).json();
    expect(own.rows.map((r: { unitCode: string }) => r.unitCode)).toEqual(['HP.Q.NGOQUYEN']);

    await runDailyJobs(deps, '2022-06-25', [reportRemindersJob]);
    expect((await notes('canbo.ngoquyen')).map((n) => n.kind).sort()).toEqual(['report_due', 'report_missing']);
    expect((await notes('lanhdao.ngoquyen')).map((n) => n.kind)).toEqual(['report_escalation']);
    // Hải An was reminded before the deadline, then sent late: no overdue notice, no escalation.
    expect((await notes('canbo.haian')).map((n) => n.kind)).toEqual(['report_due']);
    expect(await notes('canbo.lechan')).toEqual([]);
    // Running again the same day, or the next, creates nothing new.
    await runDailyJobs(deps, '2022-06-26', [reportRemindersJob]);
    expect(await notes('lanhdao.ngoquyen')).toHaveLength(1);
    s.clock.now = new Date(TEST_NOW);
  });

  it('exports the consolidated report of a period as .xlsx (ratio = Σ num / Σ den) and .docx (NĐ 30 heading)', async () => {
    s.clock.now = at('2022-06-25T10:00:00');
    const xlsx = await call(s.app, coord, 'GET', `/api/report-regimes/${regime.id}/export?period=2022-M06&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows[2]!.map(String);
    const total = rows.find((r) => r[1] === 'TỔNG HỢP (các báo cáo đã nộp)')!;
    const col = header.findIndex((h) => h.startsWith('R_ONLINE. ') || h.includes('Tỷ lệ hồ sơ công việc'));
    // Lê Chân 30/100 and Hải An 10/20 were sent; Ngô Quyền has nothing.
    expect(total[col]).toBeCloseTo((40 / 120) * 100, 6);
    expect(rows.some((r) => String(r[1]).includes('Ngô Quyền') && String(r[4]).includes('Chưa nộp'))).toBe(true);

    const docx = await call(s.app, coord, 'GET', `/api/report-regimes/${regime.id}/export?period=2022-M06&format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(/\.docx/);
    const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!);
    for (const text of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Tháng 6/2022', 'ngày 25 tháng 06 năm 2022', 'Nơi nhận', 'Ủy ban nhân dân quận Ngô Quyền']) {
      expect(xml).toContain(text);
    }
    // Only the receiving side and city-wide readers export every unit's report.
    expect((await call(s.app, officer, 'GET', `/api/report-regimes/${regime.id}/export?period=2022-M06&format=xlsx`)).statusCode).toBe(403);
    expect((await call(s.app, leadership, 'GET', `/api/report-regimes/${regime.id}/export?period=2022-M06&format=docx`)).statusCode).toBe(200);
    s.clock.now = new Date(TEST_NOW);
  });

  it('keeps the form fixed once reports exist and lists regimes by scope', async () => {
    const patch = await call(s.app, coord, 'PATCH', `/api/report-regimes/${regime.id}`, { version: 1, fields: [{ kind: 'text', label: 'Mới' }] });
    expect(patch.statusCode).toBe(400);
    const title = await call(s.app, coord, 'PATCH', `/api/report-regimes/${regime.id}`, { version: 1, title: 'Báo cáo chuyển đổi số hằng tháng năm 2022' });
    expect(title.json()).toMatchObject({ version: 2, title: 'Báo cáo chuyển đổi số hằng tháng năm 2022' });
    const mine = (await call(s.app, officer, 'GET', '/api/report-regimes')).json();
    expect(mine.map((r: { code: string }) => r.code).sort()).toEqual(['BC-CDS-THANG', 'BC-NGAY-2']);
    const nq = (await call(s.app, officerNQ, 'GET', '/api/report-regimes')).json();
    expect(nq.map((r: { code: string }) => r.code)).toEqual(['BC-CDS-THANG']);
    expect(noteField).toBeTruthy();
  });
});
