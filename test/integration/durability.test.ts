import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/server';

/**
 * The embedded data directory must survive what real machines do to it: a process
 * killed with SIGKILL right after a commit, a second process started by mistake,
 * and an orderly stop. These run the real CLI in child processes.
 */
const dir = mkdtempSync(join(tmpdir(), 'haidang-durability-'));
const dataDir = join(dir, 'data');
let port = 39_000 + Math.floor(Math.random() * 1000);

function serve(extraEnv: Record<string, string> = {}): { child: ChildProcess; ready: Promise<string>; exited: Promise<number | null>; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, ['bin/haidang.mjs', 'serve'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ADMIN_PASSWORD: TEST_PASSWORD, LOG_LEVEL: 'silent', DATABASE_URL: '', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('đang chạy tại')) resolve(out);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    exited.then((code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { child, ready, exited, output: () => out };
}

async function loginAndCreateUser(username: string) {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }) });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken, user } = (await login.json()) as { csrfToken: string; user: { unitId: string } };
  const res = await fetch(`${base}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ username, password: 'CanBo-2026-xyz', fullName: 'Người kiểm thử độ bền', role: 'unit_officer', unitId: user.unitId }),
  });
  expect(res.status).toBe(201);
  return { base, cookie };
}

describe('embedded data directory', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a committed write after SIGKILL, refuses a second process, and stops cleanly on SIGTERM', async () => {
    const first = serve();
    await first.ready;
    await loginAndCreateUser('ben.vung');

    // A second process on the same directory is refused while the first holds it.
    port += 1;
    const second = serve();
    await expect(second.ready).rejects.toThrow(/đang được tiến trình \d+ sử dụng/);
    port -= 1;

    first.child.kill('SIGKILL');
    await first.exited;

    // Restart: the stale lock is taken over and the write is there.
    const again = serve();
    await again.ready;
    const { base } = await loginAndCreateUser('ben.vung.2');
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ben.vung', password: 'CanBo-2026-xyz' }) });
    expect(login.status).toBe(200);

    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    expect(again.output()).toMatch(/ghi dữ liệu xuống đĩa/);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  }, 120_000);
});
