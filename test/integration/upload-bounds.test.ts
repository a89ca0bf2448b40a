import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { uploadFile } from '../helpers/upload';
import { docxBomb, lyingXlsx, manyEntries, xlsxBomb } from '../helpers/zip-bombs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * .xlsx and .docx are zip files: the uploads that unpack them refuse, before inflating, a file
 * whose entries or declared sizes pass the limits, and stop inflating an entry that turns out
 * larger than it declared. Each refusal is a 400 with a Vietnamese sentence and changes nothing.
 */
describe.each(ENGINES)('bounded uploads on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  let bomb: Buffer;
  const state = async () =>
    JSON.stringify(await s.db.query(`select (select count(*) from import_jobs)::int as jobs, (select count(*) from tasks)::int as tasks, (select count(*) from documents)::int as docs`));

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    coord = await login(s.app, 'dieuphoi');
    bomb = await xlsxBomb(300 * 1_048_576);
  });
  afterAll(async () => s?.close());

  it('refuses a small .xlsx that unpacks to 300 MB, on every route that reads a sheet', async () => {
    expect(bomb.length).toBeLessThan(2 * 1_048_576);
    const before = await state();
    for (const url of ['/api/indicator-imports', '/api/tasks/import']) {
      const res = await uploadFile(s.app, coord, url, 'bom.xlsx', bomb, XLSX);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message).toMatch(/bị từ chối: thành phần "xl\/worksheets\/sheet1.xml" khi giải nén lớn 300 MB, vượt giới hạn 256 MB/);
    }
    expect(await state()).toBe(before);
  });

  it('refuses a sheet within the size limit but compressed far beyond any real sheet', async () => {
    const res = await uploadFile(s.app, coord, '/api/indicator-imports', 'ty-le.xlsx', await xlsxBomb(200 * 1_048_576), XLSX);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/nén với tỷ lệ \d+:1, bất thường/);
  });

  it('stops inflating an entry that is larger than its header declares', async () => {
    const before = await state();
    const res = await uploadFile(s.app, coord, '/api/indicator-imports', 'noi-doi.xlsx', await lyingXlsx(), XLSX);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/kích thước khai báo của thành phần "xl\/worksheets\/sheet1.xml" không khớp với dữ liệu thật/);
    expect(await state()).toBe(before);
  });

  it('refuses a zip with tens of thousands of entries', async () => {
    const res = await uploadFile(s.app, coord, '/api/tasks/import', 'nhieu.xlsx', await manyEntries(20_000), XLSX);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/có 20\.\d{3} thành phần nén, vượt giới hạn 2\.000/);
  });

  it('refuses a directive .docx that unpacks to 300 MB before mammoth reads it', async () => {
    const before = await state();
    const res = await uploadFile(s.app, coord, '/api/documents/upload', 'chi-thi.docx', await docxBomb(), DOCX);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Tệp Word \(\.docx\) bị từ chối: thành phần "word\/document.xml" khi giải nén lớn 300 MB, vượt giới hạn 32 MB/);
    expect(await state()).toBe(before);
  });

  it('still takes a real .xlsx after all that', async () => {
    const template = await s.app.inject({ method: 'GET', url: '/api/tasks/import-template', headers: { cookie: coord.cookie } });
    const res = await uploadFile(s.app, coord, '/api/tasks/import', 'mau.xlsx', template.rawPayload, XLSX);
    // The empty template has a header and no row: read, and refused for that reason only.
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/không có dòng dữ liệu/);
  });
});
