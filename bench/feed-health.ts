import { fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './types';

export const FEED_ROWS = Number(process.env.BENCH_FEED_ROWS ?? 300_000);
const PASSWORD = 'HaiPhong-Bench-2026';
const SAMPLE_MS = 100;

/**
 * GET /api/health sampled every 100 ms while a 300,000-row dossier feed imports through
 * HTTP (POST /api/dossier-imports, then polling the job), on a PGlite data directory. Run
 * twice in the same session: the engine on the request thread (as before) and in its
 * worker thread (the served product), so each figure stands beside its reference.
 * The limit: p99 ≤ 100 ms with the worker, the import no slower than inline.
 */
export async function benchFeedHealth(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hd-bench-feed-'));
  try {
    const out: BenchResult[] = [];
    const modes = (process.env.BENCH_FEED_MODES ?? 'inline,worker').split(',') as Array<'inline' | 'worker'>;
    for (const mode of modes) {
      const r = await runOnce(mode, join(dir, mode));
      const label = mode === 'inline' ? 'PGlite on the request thread (before)' : 'PGlite in its worker thread (served product)';
      console.log(`${label}: import ${r.importMs} ms, health p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms over ${r.samples} samples; GET /api/me p99 ${r.meP99} ms`);
      out.push(
        { name: `dossier feed import through HTTP, ${label}`, rows: FEED_ROWS, ms: r.importMs },
        { name: `GET /api/health p99 every 100 ms during the feed, ${label}${mode === 'worker' ? ' — limit 100' : ''}`, rows: r.samples, ms: r.p99 },
        { name: `GET /api/health max during the feed, ${label}`, rows: r.samples, ms: r.max },
        { name: `GET /api/me p99 every 500 ms during the feed (reads the session from the database), ${label}`, rows: r.meSamples, ms: r.meP99 },
      );
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Run {
  importMs: number;
  samples: number;
  p50: number;
  p99: number;
  max: number;
  meSamples: number;
  meP99: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
};

async function runOnce(mode: 'inline' | 'worker', dataDir: string): Promise<Run> {
  const child = fork(new URL('./feed-server.ts', import.meta.url), [mode, dataDir], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const [{ url }] = (await once(child, 'message')) as [{ url: string }];
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const units = ((await (await fetch(`${url}/api/units?asOf=2023-06-30`, { headers })).json()) as Array<{ code: string }>).map((u) => u.code);
    const csv = join(dataDir, '..', `feed-${mode}.csv`);
    writeFileSync(csv, feedCsv(units));

    const tStart = performance.now();
    const health: number[] = [];
    const me: number[] = [];
    const inflight: Promise<void>[] = [];
    // A probe sends no cookie, as a load balancer's does; /api/me is the signed-in screen's call.
    const sample = (path: string, into: number[], withSession: boolean) => {
      const t0 = performance.now();
      // A request that fails (the server did not even accept the connection in time) counts
      // for as long as it was left waiting.
      inflight.push(
        fetch(`${url}${path}`, withSession ? { headers } : {})
          .then((r) => r.text())
          .catch((e: Error) => e.message)
          .then((body) => {
            const ms = performance.now() - t0;
            into.push(ms);
            if (process.env.BENCH_DEBUG && ms > 500) console.log(`slow ${path} at ${Math.round(t0 - tStart)} ms: ${Math.round(ms)} ms ${body.slice(0, 160)}`);
          }),
      );
    };
    const form = new FormData();
    form.append('file', new Blob([await import('node:fs/promises').then((f) => f.readFile(csv))], { type: 'text/csv' }), 'feed.csv');
    const t0 = performance.now();
    const healthTimer = setInterval(() => sample('/api/health', health, false), SAMPLE_MS);
    const meTimer = setInterval(() => sample('/api/me', me, true), 5 * SAMPLE_MS);
    const posted = await fetch(`${url}/api/dossier-imports`, { method: 'POST', headers, body: form });
    if (posted.status !== 202) throw new Error(`import: ${posted.status} ${await posted.text()}`);
    const job = (await posted.json()) as { id: string };
    let status = 'running';
    let importMs = 0;
    while (status === 'running') {
      await new Promise((r) => setTimeout(r, 250));
      const res = await fetch(`${url}/api/dossier-imports/${job.id}`, { headers }).catch(() => null);
      if (!res) continue; // the inline engine can hold the server longer than a connect timeout
      const j = (await res.json()) as { status: string; message: string | null; createdAt: string; finishedAt: string | null };
      status = j.status;
      if (status === 'failed') throw new Error(`the feed failed: ${j.message}`);
      importMs = j.finishedAt ? Date.parse(j.finishedAt) - Date.parse(j.createdAt) : performance.now() - t0;
    }
    clearInterval(healthTimer);
    clearInterval(meTimer);
    await Promise.all(inflight);
    return { importMs: Math.round(importMs), samples: health.length, p50: pct(health, 50), p99: pct(health, 99), max: Math.round(Math.max(...health)), meSamples: me.length, meP99: pct(me, 99) };
  } finally {
    child.send('stop');
    const [loop] = (await once(child, 'message')) as [{ loopP99: number; loopMax: number }];
    console.log(`  server event loop during the run (${mode}): p99 delay ${loop.loopP99} ms, max ${loop.loopMax} ms`);
    await once(child, 'exit');
  }
}

/** A year of one-stop-shop dossiers spread over the units in force in 2023. */
function feedCsv(units: readonly string[]): string {
  const lines = ['ma_ho_so,don_vi,ma_thu_tuc,ngay_tiep_nhan,kenh,toan_trinh,han_xu_ly,ngay_hoan_thanh'];
  const pad = (n: number) => String(n).padStart(2, '0');
  let seed = 7;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < FEED_ROWS; i++) {
    const unit = units[i % units.length]!;
    const month = 1 + (i % 12);
    const day = 1 + Math.floor(rnd() * 27);
    const hour = 7 + Math.floor(rnd() * 10);
    const received = `2023-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(Math.floor(rnd() * 60))}:00+07:00`;
    const online = rnd() < 0.6;
    const dueDay = day + 1 + Math.floor(rnd() * 10);
    const due = dueDay <= 28 ? `2023-${pad(month)}-${pad(dueDay)}` : '';
    const finishedDay = day + Math.floor(rnd() * 12);
    const finished = finishedDay <= 28 ? `2023-${pad(month)}-${pad(finishedDay)}T${pad(hour)}:59:00+07:00` : '';
    lines.push(`B${i},${unit},1.00${i % 500}.000.00.00.H37,${received},${online ? 'online' : 'direct'},${online && rnd() < 0.5 ? 1 : 0},${due},${finished}`);
  }
  return `${lines.join('\n')}\n`;
}
