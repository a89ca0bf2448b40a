import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DOSSIER_UNITS, sampleDossierCsv, sampleDossiers, type SampleOptions } from '../../src/demo/sample-dossiers';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

function upload(s: TestServer, session: Session, filename: string, content: string) {
  const boundary = `----haidang${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return s.app.inject({ method: 'POST', url: '/api/dossier-imports', payload, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

async function importFile(s: TestServer, session: Session, filename: string, content: string) {
  const res = await upload(s, session, filename, content);
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 2400; i++) {
    const job = (await call(s.app, session, 'GET', `/api/dossier-imports/${res.json().id}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('dossier import did not finish');
}

/**
 * The one-stop-shop feed: rows in, monthly counters and the two rates out. Expected numbers
 * are counted by hand from the rows below (comments say which dossier lands where).
 */
describe.each(ENGINES)('dossier feed on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  let leadership: Session;
  const unit = new Map<string, string>();
  let online: string;
  let onTime: string;

  const value = async (indicator: string, unitCode: string, period: string) => {
    const rows = (await call(s.app, leadership, 'GET', `/api/indicator-values?indicatorId=${indicator}&unitId=${unit.get(unitCode)}&period=${period}`)).json();
    expect(rows.length, `${unitCode} ${period}`).toBe(1);
    return [rows[0].numerator, rows[0].denominator];
  };
  const rollup = async (indicator: string, unitCode: string, period: string) =>
    (await call(s.app, leadership, 'GET', `/api/indicators/${indicator}/rollup?unitId=${unit.get(unitCode)}&period=${period}`)).json().total;
  const snapshot = async () =>
    JSON.stringify([
      await s.db.query('select unit_id, code, received_at, finished_at from dossiers order by id'),
      await s.db.query('select * from dossier_monthly order by unit_id, month'),
      await s.db.query('select indicator_id, unit_id, period, numerator, denominator, version from indicator_values order by id'),
    ]);

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    coord = await login(s.app, 'dieuphoi');
    leadership = await login(s.app, 'lanhdao');
    for (const u of await s.db.query<{ id: string; code: string }>('select id, code from units')) unit.set(u.code, u.id);
    // The feed is read on 20/07/2022: April–June are closed months, July is still open.
    s.clock.now = new Date('2022-07-20T12:00:00+07:00');
  });
  afterAll(async () => s?.close());

  // LC = quận Lê Chân, NQ = quận Ngô Quyền.
  const FILE_1 = [
    'Mã hồ sơ;Đơn vị;Mã thủ tục;Ngày tiếp nhận;Kênh;Hạn xử lý;Ngày hoàn thành',
    'A1;HP.Q.LECHAN;1.001;20/04/2022 08:00;Trực tiếp;10/05/2022;12/05/2022 09:00', // Apr: received, in progress on time. May: carried over, finished late
    'A2;HP.Q.LECHAN;1.002;2022-05-03T09:00:00+07:00;Trực tuyến;2022-05-20;2022-05-15T10:00:00+07:00', // May: online, early
    'A3;Ủy ban nhân dân quận Lê Chân;1.002;05/05/2022 10:00;online;10/05/2022;10/05/2022 16:00', // May: online, on time (due day)
    'A4;HP.Q.LECHAN;1.003;25/05/2022 14:00;direct;05/06/2022;', // May: in progress on time. Jun, Jul: carried over, late
    'A5;HP.Q.LECHAN;1.004;02/06/2022 08:30;Bưu chính;;30/06/2022 11:00', // Jun: no time limit → on time
    'A6;HP.Q.LECHAN;1.002;10/06/2022 09:00;Trực tuyến;20/06/2022;', // Jun: online, late in progress. Jul: carried over, late
    'B1;UBND quận Ngô Quyền;2.001;10/05/2022 08:00;Trực tuyến;12/05/2022;13/05/2022 08:00', // May: online, finished late
    'B2;HP.Q.NGOQUYEN;2.002;01/06/2022 08:00;Trực tiếp;01/06/2022;01/06/2022 17:00', // Jun: on time
  ].join('\n');

  it('imports the feed and computes the online and on-time rates per unit and month', async () => {
    const ids = (await call(s.app, coord, 'GET', '/api/indicators')).json();
    const job = await importFile(s, coord, 'mot-cua-2022.csv', FILE_1);
    expect(job, JSON.stringify(job.errors)).toMatchObject({ status: 'done', processedRows: 8, summary: { rows: 8, replaced: 0 } });
    expect(ids).toEqual([]); // the feed creates its two indicators itself
    const all = (await call(s.app, coord, 'GET', '/api/indicators')).json();
    online = all.find((i: { code: string }) => i.code === 'DVC_TRUCTUYEN').id;
    onTime = all.find((i: { code: string }) => i.code === 'DVC_DUNGHAN').id;

    // [numerator, denominator]: online = received online / received; on time = (to handle − late) / to handle.
    expect(await value(online, 'HP.Q.LECHAN', '2022-M04')).toEqual([0, 1]);
    expect(await value(onTime, 'HP.Q.LECHAN', '2022-M04')).toEqual([1, 1]);
    expect(await value(online, 'HP.Q.LECHAN', '2022-M05')).toEqual([2, 3]);
    expect(await value(onTime, 'HP.Q.LECHAN', '2022-M05')).toEqual([3, 4]); // A1 carried over and late; A2, A3, A4 fine
    expect(await value(online, 'HP.Q.LECHAN', '2022-M06')).toEqual([1, 2]);
    expect(await value(onTime, 'HP.Q.LECHAN', '2022-M06')).toEqual([1, 3]); // A4, A6 late; A5 on time
    expect(await value(onTime, 'HP.Q.LECHAN', '2022-M07')).toEqual([0, 2]); // the open month: A4, A6 still late
    expect(await value(online, 'HP.Q.NGOQUYEN', '2022-M05')).toEqual([1, 1]);
    expect(await value(onTime, 'HP.Q.NGOQUYEN', '2022-M05')).toEqual([0, 1]);
    expect(await value(onTime, 'HP.Q.NGOQUYEN', '2022-M06')).toEqual([1, 1]);

    // The city's quarter: Σ numerators / Σ denominators of the months and units.
    const q2Online = await rollup(online, 'HP', '2022-Q2');
    expect(q2Online).toMatchObject({ numerator: 0 + 2 + 1 + 1 + 0, denominator: 1 + 3 + 1 + 2 + 1 });
    expect(q2Online.value).toBeCloseTo(50, 10);
    const q2OnTime = await rollup(onTime, 'HP', '2022-Q2');
    expect(q2OnTime).toMatchObject({ numerator: 1 + 3 + 0 + 1 + 1, denominator: 1 + 4 + 1 + 3 + 1 });
    expect(q2OnTime.value).toBeCloseTo(60, 10);
    const stats = (await call(s.app, leadership, 'GET', `/api/dossier-stats?unitId=${unit.get('HP.Q.LECHAN')}&period=2022-M05`)).json();
    expect(stats).toEqual([expect.objectContaining({ month: '2022-M05', carriedOver: 1, received: 3, receivedOnline: 2, toHandle: 4, finishedEarly: 1, finishedOnTime: 1, finishedLate: 1, inProgressOnTime: 1, inProgressLate: 0, final: true })]);
  });

  it('updates re-sent dossiers incrementally: the old contribution comes out, the new one goes in', async () => {
    const job = await importFile(s, coord, 'mot-cua-bo-sung.csv', [
      'ma_ho_so,don_vi,ma_thu_tuc,ngay_tiep_nhan,kenh,han_xu_ly,ngay_hoan_thanh',
      'A6,HP.Q.LECHAN,1.002,10/06/2022 09:00,online,20/06/2022,18/06/2022 10:00', // now finished early in June; gone from July
      'B3,HP.Q.NGOQUYEN,2.003,15/06/2022 09:00,online,20/06/2022,16/06/2022 10:00', // new: Jun online, early
    ].join('\n'));
    expect(job).toMatchObject({ status: 'done', summary: { rows: 2, replaced: 1 } });
    expect(await value(onTime, 'HP.Q.LECHAN', '2022-M06')).toEqual([2, 3]);
    expect(await value(online, 'HP.Q.LECHAN', '2022-M06')).toEqual([1, 2]);
    expect(await value(onTime, 'HP.Q.LECHAN', '2022-M07')).toEqual([0, 1]);
    expect(await value(online, 'HP.Q.NGOQUYEN', '2022-M06')).toEqual([1, 2]);
    expect((await s.db.query('select 1 from dossiers')).length).toBe(9);
  });

  it('rejects a bad file as a whole with errors by row and column, and changes nothing', async () => {
    const before = await snapshot();
    const job = await importFile(s, coord, 'loi.csv', [
      'ma_ho_so,don_vi,ma_thu_tuc,ngay_tiep_nhan,kenh,han_xu_ly,ngay_hoan_thanh',
      'C1,HP.Q.LECHAN,1.001,01/06/2022 08:00,online,05/06/2022,04/06/2022 08:00', // line 2: fine
      'C2,Quận Không Có,1.001,01/06/2022 08:00,online,05/06/2022,', // line 3: unit
      'C3,HP.Q.LECHAN,1.001,31/06/2022 08:00,online,05/07/2022,', // line 4: no 31 June
      'C4,HP.Q.LECHAN,1.001,01/06/2022 08:00,fax,05/06/2022,', // line 5: channel
      'C5,HP.Q.LECHAN,1.001,10/06/2022 08:00,online,15/06/2022,09/06/2022 08:00', // line 6: finished before received
      'C1,HP.Q.LECHAN,1.001,01/06/2022 08:00,online,05/06/2022,', // line 7: duplicate code
      'C7,HP.P.LECHAN,1.001,01/06/2022 08:00,online,05/06/2022,', // line 8: the ward did not exist in 2022
    ].join('\n'));
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/chưa có hồ sơ nào được ghi/);
    const byLine = Object.fromEntries(job.errors.map((e: { row: number; column: string }) => [e.row, e.column]));
    expect(byLine).toEqual({ 3: 'don_vi', 4: 'ngay_tiep_nhan', 5: 'kenh', 6: 'ngay_hoan_thanh', 7: 'ma_ho_so', 8: 'don_vi' });
    expect(job.errors.find((e: { row: number }) => e.row === 7).message).toMatch(/trùng với dòng 2/);
    expect(await snapshot()).toBe(before);
    expect((await s.db.query('select 1 from dossier_import_rows')).length).toBe(0);
  });

  it('streams a large feed in batches and every row is counted', async () => {
    const options: SampleOptions = {
      year: 2022,
      months: [1, 2, 3],
      perMonth: 8000,
      onlineShare: [0.25, 0.26, 0.27],
      units: DEMO_DOSSIER_UNITS,
      asOf: '2022-07-20T12:00:00+07:00',
      codePrefix: 'BIG',
    };
    const csv = sampleDossierCsv(options);
    const job = await importFile(s, coord, 'lon.csv', csv);
    expect(job, JSON.stringify(job.errors?.slice(0, 3))).toMatchObject({ status: 'done', processedRows: 24_000, totalRows: 24_000 });
    let received = 0;
    let onlineCount = 0;
    for (const d of sampleDossiers(options)) {
      received++;
      if (d.channel === 'online') onlineCount++;
    }
    const q1 = await rollup(online, 'HP', '2022-Q1');
    expect(q1).toMatchObject({ numerator: onlineCount, denominator: received });
    expect(q1.value).toBeCloseTo(26, 6);
  }, 300_000);

  it('lets only coordinators feed dossiers', async () => {
    const officer = await login(s.app, 'canbo.lechan');
    expect((await upload(s, officer, 'x.csv', 'a')).statusCode).toBe(403);
    expect((await call(s.app, officer, 'GET', '/api/dossier-imports')).statusCode).toBe(403);
  });
});
