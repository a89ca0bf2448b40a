import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERRUPTED_MESSAGE } from '../../src/contracts/imports';
import type { Db } from '../../src/db/client';
import { openDb } from '../../src/db/open';
import { DEMO_DOSSIER_UNITS, sampleDossierCsv } from '../../src/demo/sample-dossiers';
import { startServerProcess, tempDataDir, type ServerProcess } from '../helpers/process';

/**
 * kill -9 of the server during each import kind, at several moments, then a restart: no
 * business row changed, the job is failed with the reason the uploader reads, no staging row
 * is left, and the next upload of the same file succeeds at once. HAIDANG_FAILPOINT holds the
 * import at a known point (inside the merge transaction) so that the kill lands there.
 */
const ADMIN_PASSWORD = 'HaiPhong-Reliability-2026';
const ENGINES = process.env.TEST_DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

interface Client {
  url: string;
  cookie: string;
  csrf: string;
}

async function login(url: string): Promise<Client> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  return { url, cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function api<T = unknown>(c: Client, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${c.url}${path}`, {
    method,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as T };
}

async function upload(c: Client, path: string, filename: string, content: Buffer | string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }), filename);
  const res = await fetch(`${c.url}${path}`, { method: 'POST', body: form, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf } });
  return { status: res.status, json: (await res.json()) as { id: string; error?: { message: string } } };
}

interface Job {
  id: string;
  status: string;
  phase: string;
  processedRows: number;
  message: string | null;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 240_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const job = (c: Client, kind: string, id: string) => api<Job>(c, 'GET', `/api/${kind}/${id}`).then((r) => r.json);
const ended = (c: Client, kind: string, id: string) => waitFor(`${kind} ${id} to end`, async () => {
  const j = await job(c, kind, id);
  return j.status === 'running' ? undefined : j;
});
const reached = (s: ServerProcess, point: string) => waitFor(`failpoint ${point}`, async () => (s.output().includes(`failpoint ${point} reached`) ? true : undefined));

const FEED = sampleDossierCsv({
  year: 2023, months: [1, 2, 3], perMonth: 2000, onlineShare: [0.4, 0.4, 0.4], units: DEMO_DOSSIER_UNITS, asOf: '2023-04-10T12:00:00+07:00', codePrefix: 'REL',
});

async function taskSheet(units: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhập nhiệm vụ');
  ws.addRow(['Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Ngày giao', 'Hạn xử lý']);
  for (let i = 0; i < 300; i++) ws.addRow([`Nhiệm vụ thử độ bền số ${i + 1}`, units[i % units.length], '01/03/2024', '30/06/2024']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(ENGINES)('imports survive kill -9 of the server on %s', (engine) => {
  let env: Record<string, string>;
  let cleanup = async () => undefined as void;
  let server: ServerProcess | undefined;
  let openStore: () => Promise<Db>;

  const start = async (failpoint?: string) => {
    server = await startServerProcess({ ...env, ...(failpoint ? { HAIDANG_FAILPOINT: failpoint } : {}) });
    return login(server.url);
  };

  beforeAll(async () => {
    const base = { ADMIN_PASSWORD, DEMO_DATA: 'true', IMPORT_CHUNK_ROWS: '1000', LOG_LEVEL: 'warn' };
    if (engine === 'pglite') {
      const dir = tempDataDir('hd-rel-imports-');
      env = { ...base, DATA_DIR: dir.dir, DATABASE_URL: '' };
      openStore = () => openDb({ dataDir: dir.dir });
      cleanup = async () => dir.cleanup();
    } else {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      const name = `hd_rel_${Date.now()}_${randomBytes(3).toString('hex')}`;
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      env = { ...base, DATABASE_URL: url.toString() };
      openStore = () => openDb({ databaseUrl: url.toString(), dataDir: 'unused' });
      cleanup = async () => {
        const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      };
    }
  });
  afterAll(async () => {
    await server?.kill9();
    await cleanup();
  });

  it('dossier feed, indicator values and the task list: killed while reading and mid-merge, recovered on restart', async () => {
    // 1. First start (demo data), the business state before any import, then a feed killed while it reads.
    let c = await start('import-chunk=2000');
    const hp = (await api<Array<{ id: string; code: string }>>(c, 'GET', '/api/units?asOf=2023-01-01')).json.find((u) => u.code === 'HP')!.id;
    const unitsThen = (await api<Array<{ code: string; validFrom: string; validTo: string | null }>>(c, 'GET', '/api/units?asOf=2005-01-01')).json;
    const listNow = (await api<Array<{ code: string; name: string; kind: string }>>(c, 'GET', '/api/units?asOf=2024-12-31')).json;
    const unitsNow = new Set(listNow.map((u) => u.code));
    const steady = unitsThen.map((u) => u.code).filter((code) => unitsNow.has(code) && code !== 'HP').slice(0, 20);
    const cat = (await api<{ id: string }>(c, 'POST', '/api/indicator-catalogues', { code: 'REL', name: 'Độ bền', validFrom: '2000-01-01' })).json;
    const indicator = (await api<{ id: string }>(c, 'POST', '/api/indicators', {
      catalogueId: cat.id, code: 'REL_COUNT', name: 'Số đo độ bền', kind: 'raw', unitOfMeasure: 'cái', unitRule: 'sum', timeRule: 'sum',
      pillar: 'government', direction: 'higher_better', periodicity: 'month', sourceAgency: 'Sở TT&TT', validFrom: '2000-01-01',
    })).json;
    const values = ['Mã chỉ số;Đơn vị;Kỳ;Giá trị'];
    for (let y = 2005; y < 2015; y++) for (let m = 1; m <= 12; m++) for (const u of steady) values.push(`REL_COUNT;${u};${y}-M${String(m).padStart(2, '0')};${m}`);
    // The task list names lead units as people write them: by name.
    const tasks = await taskSheet(listNow.filter((u) => u.kind === 'district').slice(0, 5).map((u) => u.name));

    const business = async (cl: Client) =>
      JSON.stringify([
        (await api(cl, 'GET', `/api/dossier-stats?unitId=${hp}&period=2023`)).json,
        (await api(cl, 'GET', `/api/indicator-values?indicatorId=${indicator.id}&limit=500`)).json,
        (await api<{ total?: number }>(cl, 'GET', '/api/tasks?limit=1')).json.total,
      ]);
    const before = await business(c);

    const feed1 = await upload(c, '/api/dossier-imports', 'mot-cua-2023.csv', FEED, 'text/csv');
    expect(feed1.status, JSON.stringify(feed1.json)).toBe(202);
    await waitFor('the feed to stage rows', async () => ((await job(c, 'dossier-imports', feed1.json.id)).processedRows > 0 ? true : undefined));
    await server!.kill9();

    // 2. Restart: the feed is failed with the reason, nothing changed; the same file again, killed mid-merge.
    c = await start('dossier-merge=120000');
    expect(await job(c, 'dossier-imports', feed1.json.id)).toMatchObject({ status: 'failed', message: INTERRUPTED_MESSAGE });
    expect(await business(c)).toBe(before);
    const feed2 = await upload(c, '/api/dossier-imports', 'mot-cua-2023.csv', FEED, 'text/csv');
    expect(feed2.status, JSON.stringify(feed2.json)).toBe(202);
    await reached(server!, 'dossier-merge');
    await server!.kill9();

    // 3. Restart: failed, nothing changed; the same file goes through at once. Values killed while reading.
    c = await start('import-chunk=2000');
    expect(await job(c, 'dossier-imports', feed2.json.id)).toMatchObject({ status: 'failed', message: INTERRUPTED_MESSAGE });
    expect(await business(c)).toBe(before);
    const feed3 = await upload(c, '/api/dossier-imports', 'mot-cua-2023.csv', FEED, 'text/csv');
    expect(feed3.status).toBe(202);
    expect(await ended(c, 'dossier-imports', feed3.json.id)).toMatchObject({ status: 'done', processedRows: 6000 });
    const afterFeed = await business(c);
    expect(afterFeed).not.toBe(before);
    const val1 = await upload(c, '/api/indicator-imports', 'so-lieu.csv', values.join('\n'), 'text/csv');
    expect(val1.status).toBe(202);
    await waitFor('the values to stage rows', async () => ((await job(c, 'indicator-imports', val1.json.id)).processedRows > 0 ? true : undefined));
    await server!.kill9();

    // 4. Restart: failed, nothing changed; again, killed mid-merge.
    c = await start('value-merge=120000');
    expect(await job(c, 'indicator-imports', val1.json.id)).toMatchObject({ status: 'failed', message: INTERRUPTED_MESSAGE });
    expect(await business(c)).toBe(afterFeed);
    const val2 = await upload(c, '/api/indicator-imports', 'so-lieu.csv', values.join('\n'), 'text/csv');
    expect(val2.status).toBe(202);
    await reached(server!, 'value-merge');
    await server!.kill9();

    // 5. Restart: failed, nothing changed; the values go through at once. The task list killed inside its transaction.
    c = await start('task-import=120000');
    expect(await job(c, 'indicator-imports', val2.json.id)).toMatchObject({ status: 'failed', message: INTERRUPTED_MESSAGE });
    expect(await business(c)).toBe(afterFeed);
    const val3 = await upload(c, '/api/indicator-imports', 'so-lieu.csv', values.join('\n'), 'text/csv');
    expect(await ended(c, 'indicator-imports', val3.json.id)).toMatchObject({ status: 'done', processedRows: values.length - 1 });
    const afterValues = await business(c);
    let answered: unknown;
    const taskUpload = upload(c, '/api/tasks/import', 'nhiem-vu.xlsx', tasks, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').then(
      (r) => (answered = r),
      () => undefined,
    );
    await waitFor('failpoint task-import', async () => {
      if (answered) throw new Error(`the task import answered before its failpoint: ${JSON.stringify(answered)}`);
      return server!.output().includes('failpoint task-import reached') ? true : undefined;
    });
    await server!.kill9();
    await taskUpload;

    // 6. Restart without failpoints: no task was written; the same file goes through.
    c = await start();
    expect(await business(c)).toBe(afterValues);
    const tasksDone = await upload(c, '/api/tasks/import', 'nhiem-vu.xlsx', tasks, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(tasksDone.status, JSON.stringify(tasksDone.json)).toBe(201);
    await server!.stop();

    // 7. In the database itself: no job left running, no staging row left.
    const db = await openStore();
    try {
      expect(await db.query(`select count(*)::int as n from import_jobs where status = 'running'`)).toEqual([{ n: 0 }]);
      expect(await db.query('select count(*)::int as n from dossier_import_rows')).toEqual([{ n: 0 }]);
      expect(await db.query('select count(*)::int as n from indicator_import_rows')).toEqual([{ n: 0 }]);
      expect(await db.query(`select count(*)::int as n from import_jobs where status = 'failed' and message = $1`, [INTERRUPTED_MESSAGE])).toEqual([{ n: 4 }]);
    } finally {
      await db.close();
    }
  }, 1_500_000);
});
