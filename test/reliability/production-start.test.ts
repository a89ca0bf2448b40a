import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, tempDataDir } from '../helpers/process';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * What a province runs: the bundle in dist/server started by plain `node bin/haidang.mjs`,
 * with no TypeScript loader. The build is the one `npm test` made before the tests (built
 * here only if it is missing or stale).
 */
describe('production start', () => {
  const data = tempDataDir('hd-prod-');
  let child: ReturnType<typeof spawn> | undefined;
  let url = '';
  let output = '';

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // NODE_OPTIONS cleared: vitest's own loader must not leak into the product's process.
    child = spawn(process.execPath, [join(ROOT, 'bin/haidang.mjs'), 'serve'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: data.dir, ADMIN_PASSWORD: 'HaiPhong-Test-2026', LOG_LEVEL: 'warn' },
    });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 180_000;
    for (;;) {
      try {
        if ((await fetch(`${url}/api/health`)).ok) break;
      } catch {
        // not yet listening
      }
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the bundle did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    data.cleanup();
  });

  it('serves the API and the Vietnamese SPA from the bundle, with no TypeScript loader in the process', async () => {
    const health = (await (await fetch(`${url}/api/health`)).json()) as { status: string; database: { engine: string } };
    expect(health).toMatchObject({ status: 'ok', database: { engine: 'pglite' } });
    const page = await (await fetch(`${url}/tasks`)).text();
    expect(page).toContain('<html lang="vi">');
    expect(output).toContain('Hải Đăng đang chạy tại');
    // Plain node on the bundle: the command line names no TypeScript loader.
    expect(child!.spawnargs.join(' ')).not.toContain('tsx');
  });

  it('stops cleanly on SIGTERM and keeps what it wrote', async () => {
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
