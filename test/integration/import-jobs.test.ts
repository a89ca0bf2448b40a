import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { INTERRUPTED_MESSAGE } from '../../src/contracts/imports';
import { DEMO_DOSSIER_UNITS, sampleDossierCsv } from '../../src/demo/sample-dossiers';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { pollJob, uploadFile, type JobView } from '../helpers/upload';

/**
 * Imports as jobs: progress a person can follow, a cancel that leaves the data as it was, and
 * recovery of jobs whose server process is gone (failed with the reason, staging emptied, the
 * next upload accepted at once). Chunks are small here (IMPORT_CHUNK_ROWS) so that a file of
 * a few thousand rows has several; HAIDANG_FAILPOINT holds the import at a known point.
 */
const feed = (prefix: string, perMonth = 1000) =>
  sampleDossierCsv({ year: 2022, months: [4, 5, 6], perMonth, onlineShare: [0.3, 0.3, 0.3, 0.3, 0.3, 0.3], units: DEMO_DOSSIER_UNITS, asOf: '2022-07-20T12:00:00+07:00', codePrefix: prefix });

/** Resolves when this process writes the failpoint's line (the import is held there). */
function failpointReached(name: string): Promise<void> {
  const write = process.stderr.write.bind(process.stderr);
  return new Promise((ok) => {
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (String(chunk).includes(`failpoint ${name} reached`)) {
        process.stderr.write = write;
        ok();
      }
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
  });
}

function deadPid(): number {
  // A process that has exited: its pid is free (and not reused within the test).
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe.each(ENGINES)('import jobs on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  const snapshot = async () =>
    JSON.stringify([
      await s.db.query('select count(*)::int as n, coalesce(sum(length(code)), 0)::int as codes from dossiers'),
      await s.db.query('select unit_id, month, received, to_handle, in_progress_late from dossier_monthly order by unit_id, month'),
      await s.db.query('select indicator_id, unit_id, period, numerator, denominator, version from indicator_values order by id'),
    ]);
  const staged = async (jobId: string) => (await s.db.query<{ n: number }>('select count(*)::int as n from dossier_import_rows where import_id = $1', [jobId]))[0]!.n;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false, env: { IMPORT_CHUNK_ROWS: '500' } });
    coord = await login(s.app, 'dieuphoi');
    s.clock.now = new Date('2022-07-20T12:00:00+07:00');
  });
  afterEach(() => {
    delete process.env.HAIDANG_FAILPOINT;
  });
  afterAll(async () => s?.close());

  it('reports its phase and the rows read out of the rows in the file while it runs', async () => {
    process.env.HAIDANG_FAILPOINT = 'import-chunk=150';
    const res = await uploadFile(s.app, coord, '/api/dossier-imports', 'tien-do.csv', feed('PROG'), 'text/csv');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'running', cancelRequested: false });
    const seen: JobView[] = [];
    const job = await pollJob(s.app, coord, `/api/dossier-imports/${res.json().id}`, undefined, seen);
    expect(job).toMatchObject({ status: 'done', processedRows: 3000, totalRows: 3000 });
    const midway = seen.filter((j) => j.status === 'running' && j.phase === 'validating' && j.processedRows > 0 && j.processedRows < 3000);
    expect(midway.length, JSON.stringify(seen.map((j) => [j.phase, j.processedRows]))).toBeGreaterThan(0);
    expect(midway.every((j) => j.totalRows === 3000)).toBe(true);
    const counts = seen.map((j) => j.processedRows);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('cancels while reading: the job ends cancelled, nothing is written, staging is emptied, the next upload runs', async () => {
    const before = await snapshot();
    process.env.HAIDANG_FAILPOINT = 'import-chunk=300';
    const csv = feed('CANCEL');
    const res = await uploadFile(s.app, coord, '/api/dossier-imports', 'huy.csv', csv, 'text/csv');
    const url = `/api/dossier-imports/${res.json().id}`;
    await pollJob(s.app, coord, url, (j) => j.processedRows > 0);
    const cancel = await call(s.app, coord, 'POST', `${url}/cancel`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json().status === 'cancelled' || cancel.json().cancelRequested).toBe(true);
    const job = await pollJob(s.app, coord, url);
    expect(job.status).toBe('cancelled');
    expect(job.message).toMatch(/Đã huỷ lượt nhập theo yêu cầu của dieuphoi; dữ liệu giữ nguyên như trước khi nhập/);
    expect(job.processedRows).toBeLessThan(3000);
    expect(await snapshot()).toBe(before);
    expect(await staged(job.id)).toBe(0);

    delete process.env.HAIDANG_FAILPOINT;
    const again = await uploadFile(s.app, coord, '/api/dossier-imports', 'huy.csv', csv, 'text/csv');
    expect(again.statusCode, again.body).toBe(202);
    expect(await pollJob(s.app, coord, `/api/dossier-imports/${again.json().id}`)).toMatchObject({ status: 'done', processedRows: 3000 });
  });

  // On PGlite the merge transaction holds the only connection: even the cancel request's
  // session lookup waits for it, so a cancel there arrives after the merge (and gets 409).
  it.runIf(engine === 'postgres')('cancels during the merge: its transaction is rolled back and the data is as before', async () => {
    const before = await snapshot();
    process.env.HAIDANG_FAILPOINT = 'dossier-merge=1500';
    // Inside the merge transaction a query of the embedded engine waits for it to end, so the
    // test learns that the merge has begun from the failpoint's line, not from a poll.
    const reached = failpointReached('dossier-merge');
    const res = await uploadFile(s.app, coord, '/api/dossier-imports', 'huy-khi-ghi.csv', feed('MERGE', 300), 'text/csv');
    const url = `/api/dossier-imports/${res.json().id}`;
    await reached;
    const cancel = await call(s.app, coord, 'POST', `${url}/cancel`);
    expect(cancel.statusCode, cancel.body).toBe(200);
    const job = await pollJob(s.app, coord, url);
    expect(job.status).toBe('cancelled');
    expect(await snapshot()).toBe(before);
    expect(await staged(job.id)).toBe(0);
  });

  it.runIf(engine === 'postgres')('honours a cancel set by another server process (the database flag) before the merge commits', async () => {
    const before = await snapshot();
    process.env.HAIDANG_FAILPOINT = 'dossier-merge=1500';
    const reached = failpointReached('dossier-merge');
    const res = await uploadFile(s.app, coord, '/api/dossier-imports', 'may-khac-huy.csv', feed('OTHER', 300), 'text/csv');
    const url = `/api/dossier-imports/${res.json().id}`;
    await reached;
    await s.db.query(`update import_jobs set cancel_requested_at = now(), cancelled_by_name = 'may-khac' where id = $1`, [res.json().id]);
    const job = await pollJob(s.app, coord, url);
    expect(job).toMatchObject({ status: 'cancelled', message: expect.stringMatching(/theo yêu cầu của may-khac/) });
    expect(await snapshot()).toBe(before);
  });

  it('answers 409 to a cancel of an import that has ended, 404 to an unknown one', async () => {
    const jobs = (await call(s.app, coord, 'GET', '/api/dossier-imports')).json() as JobView[];
    const done = jobs.find((j) => j.status === 'done')!;
    const res = await call(s.app, coord, 'POST', `/api/dossier-imports/${done.id}/cancel`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/đã hoàn tất/);
    expect((await call(s.app, coord, 'POST', `/api/dossier-imports/${randomUUID()}/cancel`)).statusCode).toBe(404);
    // An indicator import's id is not a dossier import.
    expect((await call(s.app, coord, 'POST', `/api/indicator-imports/${done.id}/cancel`)).statusCode).toBe(404);
  });

  it('fails a job whose process is gone, with the reason the uploader reads, removes its staging rows, and takes the next upload at once', async () => {
    const orphan = (await s.db.query<{ id: string }>(
      `insert into import_jobs (kind, file_name, status, phase, processed_rows, created_by_name, owner_host, owner_pid, owner_boot, heartbeat_at)
       values ('dossiers', 'bi-ngat.csv', 'running', 'validating', 1000, 'dieuphoi', $1, $2, $3, now()) returning id`,
      [hostname(), deadPid(), randomUUID()],
    ))[0]!.id;
    const unit = (await s.db.query<{ id: string }>(`select id from units where code = 'HP.Q.LECHAN'`))[0]!.id;
    await s.db.query(
      `insert into dossier_import_rows (import_id, row_number, unit_id, code, procedure_code, received_at, channel, fully_online)
       select $1, g, $2, 'X' || g, 'P', now(), 'online', false from generate_series(2, 4) g`,
      [orphan, unit],
    );
    const res = await uploadFile(s.app, coord, '/api/dossier-imports', 'sau-su-co.csv', feed('AFTER', 100), 'text/csv');
    expect(res.statusCode, res.body).toBe(202);
    const old = (await call(s.app, coord, 'GET', `/api/dossier-imports/${orphan}`)).json();
    expect(old).toMatchObject({ status: 'failed', message: INTERRUPTED_MESSAGE });
    expect(await staged(orphan)).toBe(0);
    expect(await pollJob(s.app, coord, `/api/dossier-imports/${res.json().id}`)).toMatchObject({ status: 'done' });
  });

  it('waits for a job of another server while it stamps its heartbeat, and fails it once the heartbeat stops', async () => {
    const other = (await s.db.query<{ id: string }>(
      `insert into import_jobs (kind, file_name, status, phase, created_by_name, owner_host, owner_pid, owner_boot, heartbeat_at)
       values ('dossiers', 'may-khac.csv', 'running', 'validating', 'dieuphoi', 'another-host', 4242, $1, now()) returning id`,
      [randomUUID()],
    ))[0]!.id;
    const busy = await uploadFile(s.app, coord, '/api/dossier-imports', 'cho.csv', feed('WAIT', 50), 'text/csv');
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.message).toMatch(/Đang nhập tệp "may-khac.csv"/);
    await s.db.query(`update import_jobs set heartbeat_at = now() - interval '2 minutes' where id = $1`, [other]);
    const res = await uploadFile(s.app, coord, '/api/dossier-imports', 'cho.csv', feed('WAIT', 50), 'text/csv');
    expect(res.statusCode, res.body).toBe(202);
    expect((await call(s.app, coord, 'GET', `/api/dossier-imports/${other}`)).json()).toMatchObject({ status: 'failed', message: INTERRUPTED_MESSAGE });
    await pollJob(s.app, coord, `/api/dossier-imports/${res.json().id}`);
  });

  it('cancels an indicator-value import too, writing no value', async () => {
    const cat = (await call(s.app, coord, 'POST', '/api/indicator-catalogues', { code: 'JOBS', name: 'Nhập thử', validFrom: '2020-01-01' })).json();
    const ind = (await call(s.app, coord, 'POST', '/api/indicators', {
      catalogueId: cat.id, code: 'J_COUNT', name: 'Số nhập thử', kind: 'raw', unitOfMeasure: 'cái', unitRule: 'sum', timeRule: 'sum',
      pillar: 'government', direction: 'higher_better', periodicity: 'month', sourceAgency: 'Sở TT&TT', validFrom: '2020-01-01',
    })).json();
    expect(ind.id).toBeTruthy();
    const units = (await s.db.query<{ code: string }>(`select code from units where valid_from <= '2020-01-01' and (valid_to is null or valid_to >= '2024-12-31') order by code limit 20`)).map((u) => u.code);
    const lines = ['Mã chỉ số;Đơn vị;Kỳ;Giá trị;Ghi chú'];
    for (let y = 2020; y < 2025; y++) for (let m = 1; m <= 12; m++) for (const u of units) lines.push(`J_COUNT;${u};${y}-M${String(m).padStart(2, '0')};${m};`);
    const before = await s.db.query('select count(*)::int as n from indicator_values');
    process.env.HAIDANG_FAILPOINT = 'import-chunk=300';
    const res = await uploadFile(s.app, coord, '/api/indicator-imports', 'so-lieu.csv', lines.join('\n'), 'text/csv');
    expect(res.statusCode, res.body).toBe(202);
    const url = `/api/indicator-imports/${res.json().id}`;
    const running = await pollJob(s.app, coord, url, (j) => j.processedRows > 0);
    expect(running.totalRows).toBe(lines.length - 1);
    expect((await call(s.app, coord, 'POST', `${url}/cancel`)).statusCode).toBe(200);
    const ended = await pollJob(s.app, coord, url);
    expect(ended.status, ended.message ?? '').toBe('cancelled');
    expect(await s.db.query('select count(*)::int as n from indicator_values')).toEqual(before);
    expect((await s.db.query<{ n: number }>('select count(*)::int as n from indicator_import_rows'))[0]!.n).toBe(0);
    delete process.env.HAIDANG_FAILPOINT;
    const again = await uploadFile(s.app, coord, '/api/indicator-imports', 'so-lieu.csv', lines.join('\n'), 'text/csv');
    expect(await pollJob(s.app, coord, `/api/indicator-imports/${again.json().id}`)).toMatchObject({ status: 'done', summary: { created: lines.length - 1 } });
  });
});
