import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDailyJobs } from '../../src/server/jobs/scheduler';
import { runOnce } from '../../src/server/jobs/run-once';
import { readTable, writeSheet, type ImportColumn } from '../../src/server/excel';
import { notify } from '../../src/server/modules/notifications/service';
import { call, login } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

const COLUMNS: ImportColumn[] = [
  { key: 'name', header: 'Tên nhiệm vụ', type: 'text', required: true },
  { key: 'deadline', header: 'Hạn xử lý', type: 'date', required: true },
  { key: 'amount', header: 'Kinh phí (đồng)', type: 'integer' },
];

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhập');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Excel in and out', () => {
  it('writes a sheet that reads back with real dates and numbers', async () => {
    const buf = await writeSheet({
      sheetName: 'Nhiệm vụ',
      title: 'DANH SÁCH NHIỆM VỤ',
      columns: [
        { header: 'Tên nhiệm vụ', value: 'name' },
        { header: 'Hạn xử lý', value: 'deadline', type: 'date' },
        { header: 'Kinh phí (đồng)', value: 'amount', type: 'money' },
      ],
      rows: [{ name: 'Xây dựng kho dữ liệu dùng chung', deadline: '2026-03-31', amount: 1_500_000_000 }],
    });
    const back = await readTable(buf, 'x.xlsx', COLUMNS);
    expect(back.errors).toEqual([]);
    expect(back.rows[0]).toEqual({ rowNumber: 4, values: { name: 'Xây dựng kho dữ liệu dùng chung', deadline: '2026-03-31', amount: 1_500_000_000 } });
  });

  it('names every bad row and column in Vietnamese', async () => {
    const buf = await workbook([
      ['TEN NHIEM VU', 'hạn xử lý', 'Kinh phí (đồng)'],
      ['Nhiệm vụ A', '31/02/2024', 100],
      ['', '15/03/2024', 'một trăm'],
      ['Nhiệm vụ C', '15/03/2024', 2.5],
    ]);
    const { errors } = await readTable(buf, 'x.xlsx', COLUMNS);
    expect(errors).toEqual([
      { row: 2, column: 'Hạn xử lý', message: '"31/02/2024" không phải ngày hợp lệ (dạng dd/mm/yyyy)' },
      { row: 3, column: 'Tên nhiệm vụ', message: 'không được để trống' },
      { row: 3, column: 'Kinh phí (đồng)', message: '"một trăm" không phải số' },
      { row: 4, column: 'Kinh phí (đồng)', message: '"2.5" phải là số nguyên' },
    ]);
  });

  it('refuses an empty file, a file without the columns, and a file that is not Excel', async () => {
    await expect(readTable(Buffer.alloc(0), 'x.xlsx', COLUMNS)).rejects.toThrow('Tệp rỗng');
    await expect(readTable(await workbook([['Cột lạ', 'Khác'], ['a', 'b']]), 'x.xlsx', COLUMNS)).rejects.toThrow(/Tên nhiệm vụ/);
    await expect(readTable(Buffer.from('not a zip'), 'x.xlsx', COLUMNS)).rejects.toThrow(/Không đọc được tệp Excel/);
    await expect(readTable(await workbook([['Tên nhiệm vụ', 'Hạn xử lý']]), 'x.xlsx', COLUMNS)).rejects.toThrow(/không có dòng dữ liệu/);
  });

  it('reads a semicolon CSV with a BOM and NFD text', async () => {
    const csv = `\uFEFFTên nhiệm vụ;Hạn xử lý\r\n"${'Số hoá hồ sơ; lưu trữ'.normalize('NFD')}";30/06/2026\r\n`;
    const { rows, errors } = await readTable(Buffer.from(csv), 'x.csv', COLUMNS);
    expect(errors).toEqual([]);
    expect(rows[0]!.values).toMatchObject({ name: 'Số hoá hồ sơ; lưu trữ'.normalize('NFC'), deadline: '2026-06-30' });
  });
});

describe.each(ENGINES)('jobs, notifications and holidays on %s', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
  });
  afterAll(async () => s?.close());

  it('runs a job once per key even when two runs race', async () => {
    let runs = 0;
    const job = async () => {
      runs++;
      return { ok: true };
    };
    const results = await Promise.all([runOnce(s.db, 'test-job', '2026-11-22', job), runOnce(s.db, 'test-job', '2026-11-22', job)]);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(runs).toBe(1);
    expect((await runOnce(s.db, 'test-job', '2026-11-23', job)).ran).toBe(true);
  });

  it('retries a failed job on the next run', async () => {
    await expect(runOnce(s.db, 'fails', 'k', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect((await runOnce(s.db, 'fails', 'k', async () => 1)).ran).toBe(true);
    expect(await runDailyJobs(s.deps, '2026-11-22', [])).toEqual({});
  });

  it('notifies the leaders of a unit once per key and shows it to them', async () => {
    const unit = (await s.db.query<{ id: string }>("select unit_id as id from users where username = 'lanhdao.lechan'"))[0]!.id;
    const send = () => s.db.transaction((tx) => notify(tx, { unitId: unit, roles: ['unit_leader'], kind: 'test', title: 'Nhiệm vụ quá hạn', body: 'Nội dung', dedupeKey: 'k1' }));
    expect(await send()).toBe(1);
    expect(await send()).toBe(0);
    const leader = await login(s.app, 'lanhdao.lechan');
    const mine = (await call(s.app, leader, 'GET', '/api/notifications')).json();
    expect(mine.unread).toBe(1);
    expect(mine.items[0].title).toBe('Nhiệm vụ quá hạn');
    const officer = await login(s.app, 'canbo.lechan');
    expect((await call(s.app, officer, 'GET', '/api/notifications')).json().unread).toBe(0);
    await call(s.app, leader, 'POST', '/api/notifications/read-all');
    expect((await call(s.app, leader, 'GET', '/api/notifications')).json().unread).toBe(0);
  });

  it('serves Vietnamese holidays as data that an administrator edits', async () => {
    const admin = await login(s.app, 'admin');
    const y2025 = (await call(s.app, admin, 'GET', '/api/holidays?year=2025')).json() as Array<{ date: string; name: string }>;
    expect(y2025.map((h) => h.date)).toEqual(expect.arrayContaining(['2025-01-01', '2025-04-30', '2025-05-01', '2025-09-02']));
    const put = await call(s.app, admin, 'PUT', '/api/holidays/2030-11-24', { name: 'Ngày Văn hoá Việt Nam' });
    expect(put.statusCode).toBe(200);
    expect((await call(s.app, admin, 'GET', '/api/holidays?year=2030')).json()).toContainEqual({ date: '2030-11-24', name: 'Ngày Văn hoá Việt Nam', working: false });
  });
});
