import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { TEST_PASSWORD } from '../test/helpers/templates';

export interface LoadFigure {
  path: string;
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Bytes per response on the wire (compressed as the client asked). */
  bytesPerResponse: number;
  non2xx: number;
  errors: number;
  /** CPU of the server process per request (ms), PostgreSQL's not counted. */
  serverCpuMsPerRequest: number;
}

const CONNECTIONS = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 15);

/**
 * Load from this process against the product served by another one (bench/province-server.ts),
 * as the checker does: autocannon, 20 connections, a browser's accept-encoding, signed
 * in as the administrator (every task visible: the widest list). A warm-up of 3 s is not counted.
 */
async function cpuOf(child: ChildProcess): Promise<number> {
  child.send('cpu');
  const [{ cpuMs }] = (await once(child, 'message')) as [{ cpuMs: number }];
  return cpuMs;
}

export async function loadAgainst(databaseUrl: string, now: Date, paths: readonly string[]): Promise<LoadFigure[]> {
  const prof = process.env.BENCH_CPU_PROF;
  const child = fork(new URL('./province-server.ts', import.meta.url), [databaseUrl, now.toISOString()], {
    execArgv: ['--import', 'tsx', ...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const [{ url }] = (await once(child, 'message')) as [{ url: string }];
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }) });
    if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const headers = { cookie, 'accept-encoding': 'gzip, deflate, br' };
    const out: LoadFigure[] = [];
    for (const path of paths) {
      const first = await fetch(`${url}${path}`, { headers });
      if (first.status !== 200) throw new Error(`${path}: ${first.status} ${(await first.text()).slice(0, 300)}`);
      await autocannon({ url: `${url}${path}`, connections: CONNECTIONS, duration: 3, headers });
      const cpu0 = await cpuOf(child);
      const r = await autocannon({ url: `${url}${path}`, connections: CONNECTIONS, duration: SECONDS, headers });
      out.push({
        path,
        connections: CONNECTIONS,
        seconds: SECONDS,
        requests: r.requests.total,
        reqPerSec: Math.round(r.requests.average),
        p50: r.latency.p50,
        p99: r.latency.p99,
        bytesPerResponse: Math.round(r.throughput.total / Math.max(1, r.requests.total)),
        non2xx: r.non2xx,
        errors: r.errors,
        serverCpuMsPerRequest: Math.round(((await cpuOf(child)) - cpu0) / Math.max(1, r.requests.total) * 100) / 100,
      });
    }
    return out;
  } finally {
    child.send('stop');
    await once(child, 'exit');
  }
}
