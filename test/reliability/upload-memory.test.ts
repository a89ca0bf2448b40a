import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, tempDataDir, type ServerProcess } from '../helpers/process';
import { xlsxBomb } from '../helpers/zip-bombs';

/**
 * Memory of the server process (its peak resident set, reset before each upload through
 * /proc/<pid>/clear_refs) while it refuses a zip bomb and while it imports a large legitimate
 * sheet through the streaming reader: both stay under 300 MB of growth (issue 9).
 */
const ADMIN_PASSWORD = 'HaiPhong-Memory-2026';
const LIMIT_MB = 300;
export const LEGIT_ROWS = Number(process.env.MEMORY_TEST_ROWS ?? 100_000);

const status = (pid: number, field: 'VmHWM' | 'VmRSS') => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Growth of the peak resident set of `pid` over what it held before `work`, in MB. */
export async function peakGrowthMb(pid: number, work: () => Promise<void>): Promise<number> {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const before = status(pid, 'VmRSS');
  await work();
  return Math.round(status(pid, 'VmHWM') - before);
}

interface Client {
  url: string;
  cookie: string;
  csrf: string;
}

async function login(url: string): Promise<Client> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  return { url, cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function send(c: Client, method: string, path: string, body?: unknown) {
  const res = await fetch(`${c.url}${path}`, { method, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function upload(c: Client, filename: string, content: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), filename);
  const res = await fetch(`${c.url}/api/indicator-imports`, { method: 'POST', body: form, headers: { cookie: c.cookie, 'x-csrf-token': c.csrf } });
  return { status: res.status, json: (await res.json()) as { id: string; error?: { message: string } } };
}

/** A real sheet of `rows` values, written by exceljs's streaming writer (as Excel would, shared strings). */
export async function valuesSheet(codes: string[], units: string[], rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('So lieu');
  ws.addRow(['Mã chỉ số', 'Đơn vị', 'Kỳ', 'Giá trị', 'Ghi chú']).commit();
  let n = 0;
  outer: for (const code of codes) for (const unit of units) for (let y = 2005; y < 2025; y++) for (let m = 1; m <= 12; m++) {
    if (n++ >= rows) break outer;
    ws.addRow([code, unit, `${y}-M${String(m).padStart(2, '0')}`, (n % 997) + 1, `dòng ${n}`]).commit();
  }
  await ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

describe('memory of uploads in a server process (PGlite)', () => {
  let server: ServerProcess;
  let dir: ReturnType<typeof tempDataDir>;
  let c: Client;

  beforeAll(async () => {
    dir = tempDataDir('hd-mem-');
    server = await startServerProcess({ DATA_DIR: dir.dir, DATABASE_URL: '', ADMIN_PASSWORD, DEMO_DATA: 'true', LOG_LEVEL: 'warn' });
    c = await login(server.url);
  });
  afterAll(async () => {
    await server?.stop();
    dir?.cleanup();
  });

  it(`refuses a 300 MB bomb and imports a ${LEGIT_ROWS.toLocaleString('en-US')}-row sheet, each within ${LIMIT_MB} MB of growth`, async () => {
    const bomb = await xlsxBomb(300 * 1_048_576);
    const bombMb = await peakGrowthMb(server.child.pid!, async () => {
      const res = await upload(c, 'bom.xlsx', bomb);
      expect(res.status).toBe(400);
    });

    const units = (await (await fetch(`${c.url}/api/units?asOf=2005-01-01`, { headers: { cookie: c.cookie } })).json()) as Array<{ code: string }>;
    const later = new Set(((await (await fetch(`${c.url}/api/units?asOf=2024-12-31`, { headers: { cookie: c.cookie } })).json()) as Array<{ code: string }>).map((u) => u.code));
    const steady = units.map((u) => u.code).filter((code) => later.has(code));
    const cat = (await send(c, 'POST', '/api/indicator-catalogues', { code: 'MEM', name: 'Bộ nhớ', validFrom: '2000-01-01' })).json;
    const perIndicator = steady.length * 240;
    const codes: string[] = [];
    for (let i = 0; i * perIndicator < LEGIT_ROWS; i++) {
      const made = await send(c, 'POST', '/api/indicators', {
        catalogueId: cat.id, code: `MEM_${i}`, name: `Chỉ số bộ nhớ ${i}`, kind: 'raw', unitOfMeasure: 'cái', unitRule: 'sum', timeRule: 'sum',
        pillar: 'government', direction: 'higher_better', periodicity: 'month', sourceAgency: 'Sở TT&TT', validFrom: '2000-01-01',
      });
      expect(made.status).toBe(201);
      codes.push(`MEM_${i}`);
    }
    const sheet = await valuesSheet(codes, steady, LEGIT_ROWS);
    let job: Record<string, unknown> = {};
    const sheetMb = await peakGrowthMb(server.child.pid!, async () => {
      const res = await upload(c, 'lon.xlsx', sheet);
      expect(res.status, JSON.stringify(res.json)).toBe(202);
      for (;;) {
        job = (await send(c, 'GET', `/api/indicator-imports/${res.json.id}`)).json;
        if (job.status !== 'running') break;
        await new Promise((r) => setTimeout(r, 500));
      }
    });
    console.log(`[memory] bomb (${(bomb.length / 1e6).toFixed(1)} MB file → 300 MB) refused, peak growth ${bombMb} MB; ${LEGIT_ROWS} rows (${(sheet.length / 1e6).toFixed(1)} MB .xlsx) imported, peak growth ${sheetMb} MB`);
    expect(job).toMatchObject({ status: 'done', processedRows: LEGIT_ROWS });
    expect(bombMb).toBeLessThan(LIMIT_MB);
    expect(sheetMb).toBeLessThan(LIMIT_MB);
  }, 1_200_000);
});
