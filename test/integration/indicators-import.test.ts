import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

function upload(s: TestServer, session: Session, url: string, filename: string, content: Buffer | string, type: string) {
  const boundary = `----haidang${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return s.app.inject({ method: 'POST', url, payload, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

async function waitForJob(s: TestServer, session: Session, url: string) {
  for (let i = 0; i < 400; i++) {
    const job = (await call(s.app, session, 'GET', url)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe.each(ENGINES)('indicator value import on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  let officer: Session;
  let leadership: Session;
  let rateId: string;
  let countId: string;
  let hp: string;

  const snapshot = async () =>
    JSON.stringify(await s.db.query('select indicator_id, unit_id, period, source_agency, value, numerator, denominator, status, version from indicator_values order by id'));

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    coord = await login(s.app, 'dieuphoi');
    officer = await login(s.app, 'canbo.lechan');
    leadership = await login(s.app, 'lanhdao');
    hp = (await s.db.query<{ id: string }>("select id from units where code = 'HP'"))[0]!.id;
    const cat = (await call(s.app, coord, 'POST', '/api/indicator-catalogues', { code: 'IMP', name: 'Nhập thử', validFrom: '2020-01-01' })).json();
    const base = { catalogueId: cat.id, pillar: 'government', direction: 'higher_better', periodicity: 'month', sourceAgency: 'Sở TT&TT', validFrom: '2020-01-01' };
    rateId = (await call(s.app, coord, 'POST', '/api/indicators', { ...base, code: 'I_RATE', name: 'Tỷ lệ nhập', kind: 'ratio', unitOfMeasure: '%', unitRule: 'ratio', timeRule: 'ratio' })).json().id;
    countId = (await call(s.app, coord, 'POST', '/api/indicators', { ...base, code: 'I_COUNT', name: 'Số nhập', kind: 'raw', unitOfMeasure: 'cái', unitRule: 'sum', timeRule: 'sum' })).json().id;
  });
  afterAll(async () => s?.close());

  it('imports a good .csv: every row lands, approved, with the job’s id, and rolls up', async () => {
    const csv = [
      'Mã chỉ số;Đơn vị;Kỳ;Giá trị;Tử số;Mẫu số;Cơ quan nguồn;Ghi chú',
      'I_RATE;HP.Q.LECHAN;2022-M01;;12;40;;',
      'I_RATE;Ủy ban nhân dân quận Ngô Quyền;01/2022;;3;60;;tên đầy đủ',
      'I_RATE;quận hải an;2022-M01;;1;1;;',
      'I_COUNT;HP.Q.LECHAN;2022-M01;7;;;;',
      'I_COUNT;HP.STTTT;2022-M02;"1.500";;;Cục Thống kê;nguồn khác',
    ];
    const res = await upload(s, coord, '/api/indicator-imports', 'so-lieu.csv', `\uFEFF${csv.join('\r\n')}`, 'text/csv');
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(s, coord, `/api/indicator-imports/${res.json().id}`);
    expect(job, JSON.stringify(job.errors)).toMatchObject({ status: 'done', processedRows: 5, summary: { rows: 5, created: 5 } });
    const rows = await s.db.query<{ status: string; origin: string; import_id: string }>('select status, origin, import_id from indicator_values');
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.status === 'approved' && r.origin === 'import' && r.import_id === job.id)).toBe(true);
    const city = (await call(s.app, leadership, 'GET', `/api/indicators/${rateId}/rollup?unitId=${hp}&period=2022-M01`)).json();
    expect(city.total).toMatchObject({ numerator: 16, denominator: 101 });
    // A value from another source agency is kept apart from the default source.
    const other = (await call(s.app, leadership, 'GET', `/api/indicators/${countId}/rollup?unitId=${hp}&period=2022&sourceAgency=${encodeURIComponent('Cục Thống kê')}`)).json();
    expect(other.total.value).toBe(1500);
    expect((await call(s.app, leadership, 'GET', `/api/indicators/${countId}/rollup?unitId=${hp}&period=2022`)).json().total.value).toBe(7);
  });

  it('rejects a bad .xlsx as a whole, names every error by row and column in Vietnamese, and changes nothing', async () => {
    const before = await snapshot();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow(['MẪU NHẬP SỐ LIỆU']);
    ws.addRow(['Mã chỉ số', 'Đơn vị', 'Kỳ', 'Giá trị', 'Tử số', 'Mẫu số']);
    ws.addRow(['I_COUNT', 'HP.Q.LECHAN', '2022-M03', 5]); // row 3: good (would be written if the file were accepted)
    ws.addRow(['I_RATE', 'HP.Q.LECHAN', '2022-M03', null, 50, 20]); // row 4: numerator > denominator
    ws.addRow(['I_NOPE', 'HP.Q.LECHAN', '2022-M03', 1]); // row 5: unknown indicator
    ws.addRow(['I_COUNT', 'Đơn vị không có', '2022-M03', 1]); // row 6: unknown unit
    ws.addRow(['I_COUNT', 'HP.Q.LECHAN', '2022-Q1', 1]); // row 7: wrong period type
    ws.addRow(['I_COUNT', 'HP.Q.LECHAN', '2022-M04', 'mười']); // row 8: not a number
    ws.addRow(['I_COUNT', 'HP.Q.LECHAN', '2022-M03', 6]); // row 9: duplicate of row 3
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(s, coord, '/api/indicator-imports', 'sai.xlsx', buffer, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitForJob(s, coord, `/api/indicator-imports/${res.json().id}`);
    expect(job.status).toBe('failed');
    expect(job.message).toMatch(/chưa có dữ liệu nào được ghi/);
    const at = (row: number) => job.errors.filter((e: { row: number }) => e.row === row);
    expect(at(3)).toEqual([]);
    expect(at(4)).toEqual([expect.objectContaining({ column: 'Tử số', message: expect.stringMatching(/không được lớn hơn mẫu số/) })]);
    expect(at(5)).toEqual([expect.objectContaining({ column: 'Mã chỉ số', message: expect.stringMatching(/không có chỉ số mã "I_NOPE"/) })]);
    expect(at(6)).toEqual([expect.objectContaining({ column: 'Đơn vị', message: expect.stringMatching(/không tìm thấy đơn vị/) })]);
    expect(at(7)).toEqual([expect.objectContaining({ column: 'Kỳ' })]);
    expect(at(8)).toEqual([expect.objectContaining({ column: 'Giá trị', message: expect.stringMatching(/không phải số/) })]);
    expect(at(9)).toEqual([expect.objectContaining({ column: 'Kỳ', message: expect.stringMatching(/trùng .* dòng 3/) })]);
    expect(await snapshot()).toBe(before);
  });

  it('lets only coordinators import, and refuses other file types', async () => {
    expect((await upload(s, officer, '/api/indicator-imports', 'x.csv', 'a', 'text/csv')).statusCode).toBe(403);
    const pdf = await upload(s, coord, '/api/indicator-imports', 'x.pdf', 'a', 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    const template = await call(s.app, coord, 'GET', '/api/indicator-imports/template');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toMatch(/spreadsheetml/);
    const list = (await call(s.app, coord, 'GET', '/api/indicator-imports')).json();
    expect(list.map((j: { status: string }) => j.status).sort()).toEqual(['done', 'failed']);
  });
});
