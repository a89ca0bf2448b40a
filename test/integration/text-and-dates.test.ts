import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { pollJob, uploadFile } from '../helpers/upload';
import { startTestServer, type TestServer } from '../helpers/server';

/** One gate for text and dates (issue 9): what a form or a file may carry. */
describe.each(ENGINES)('text and date gate on %s', (engine) => {
  let s: TestServer;
  let admin: Session;
  let coord: Session;
  let rootId: string;
  let lechanId: string;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    admin = await login(s.app, 'admin');
    coord = await login(s.app, 'dieuphoi');
    const units = (await call(s.app, admin, 'GET', '/api/units')).json() as Array<{ id: string; code: string; parentId: string | null }>;
    rootId = units.find((u) => u.parentId === null)!.id;
    // A unit of today's organisation (the districts ended in the 2025 reorganisation).
    lechanId = units.find((u) => u.parentId === rootId)!.id;
  });
  afterAll(async () => s?.close());

  const newUnit = (name: string) => call(s.app, admin, 'POST', '/api/units', { code: `HP.T.${Math.random().toString(36).slice(2, 7).toUpperCase()}`, name, kind: 'agency', parentId: rootId, validFrom: '2020-01-01' });

  it('refuses a bidi override or a zero-width space in a name, naming the character', async () => {
    const bidi = await newUnit('Sở Thử \u202Efdp.exe');
    expect(bidi.statusCode).toBe(400);
    expect(bidi.json().error).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(bidi.json().error.message).toMatch(/U\+202E/);
    expect((await newUnit('Sở\u200BThử')).json().error.message).toMatch(/U\+200B/);
    expect((await newUnit('Sở Thử\nhai dòng')).statusCode).toBe(400);
  });

  it('stores a decomposed name composed (NFC)', async () => {
    const res = await newUnit('So\u031B\u0309 Thu\u031B\u0309 NFC');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().name).toBe('Sở Thử NFC');
  });

  it('refuses a hidden character in a task title and accepts a description with lines', async () => {
    const base = { leadUnitId: lechanId, deadline: '2026-12-31', description: 'Dòng một\r\nDòng hai' };
    const bad = await call(s.app, coord, 'POST', '/api/tasks', { ...base, title: 'Triển khai\u2066 nền tảng' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/U\+2066/);
    const ok = await call(s.app, coord, 'POST', '/api/tasks', { ...base, title: 'Triển khai nền tảng số' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().description).toMatch(/^Dòng một\s+Dòng hai$/);
  });

  it('refuses a deadline in year 9999 or before 1900', async () => {
    for (const deadline of ['9999-12-31', '1899-12-31']) {
      const res = await call(s.app, coord, 'POST', '/api/tasks', { title: 'Hạn sai', leadUnitId: lechanId, deadline });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ field: 'deadline' });
      expect(res.json().error.message).toMatch(/1900–2100/);
    }
  });

  it('refuses a feed date of 0001-01-01 by row and column instead of reading it as 1901', async () => {
    const csv = [
      'ma_ho_so,don_vi,ma_thu_tuc,ngay_tiep_nhan,kenh,han_xu_ly,ngay_hoan_thanh',
      'D1,HP.Q.LECHAN,1.001,01/06/2024 08:00,online,05/06/2024,',
      'D2,HP.Q.LECHAN,1.001,0001-01-01,online,05/06/2024,',
      'D3,HP.Q.LECHAN,1.001,01/06/2024 08:00,online,9999-12-31,',
    ].join('\n');
    const res = await uploadFile(s.app, coord, '/api/dossier-imports', 'ngay-sai.csv', csv, 'text/csv');
    expect(res.statusCode, res.body).toBe(202);
    const job = await pollJob(s.app, coord, `/api/dossier-imports/${res.json().id}`);
    expect(job.status).toBe('failed');
    const errors = job.errors as Array<{ row: number; column: string; message: string }>;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'ngay_tiep_nhan'],
      [4, 'han_xu_ly'],
    ]);
    expect(errors[0]!.message).toMatch(/0001-01-01.*1900–2100/);
    expect((await s.db.query(`select 1 from dossiers where code like 'D%'`)).length).toBe(0);
  });
});
