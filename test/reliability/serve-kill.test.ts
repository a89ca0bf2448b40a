import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startCli, startServerProcess, tempDataDir, type ServerProcess } from '../helpers/process';
import { TEST_PASSWORD } from '../helpers/server';

/**
 * The served product killed with SIGKILL (a power cut, the OOM killer) while it writes,
 * and while it creates its data directory on the very first start: each time the next
 * start opens the directory, every write it acknowledged is there, and writing goes on.
 */
const ENV = { DATABASE_URL: '', BACKUP_DIR: '', ADMIN_PASSWORD: TEST_PASSWORD, DEMO_DATA: 'true' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function adminSession(url: string) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: TEST_PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const body = (await res.json()) as { csrfToken: string; user: { unitId: string } };
  return { cookie, csrf: body.csrfToken, unitId: body.user.unitId };
}

/** Creates accounts one after another until the process dies; returns those the server confirmed. */
async function writeUntilKilled(server: ServerProcess, round: number, killAfterMs: number): Promise<string[]> {
  const s = await adminSession(server.url);
  const confirmed: string[] = [];
  const killer = sleep(killAfterMs).then(() => server.kill9());
  for (let i = 0; ; i++) {
    const username = `ben.vung.${round}.${i}`;
    try {
      const res = await fetch(`${server.url}/api/users`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
        body: JSON.stringify({ username, password: 'CanBo-2026-xyz', fullName: `Người kiểm thử ${round}.${i}`, role: 'unit_officer', unitId: s.unitId }),
      });
      if (res.status === 201) confirmed.push(username);
      else expect(res.status, await res.text()).toBe(201);
    } catch {
      break; // the connection died with the process
    }
  }
  await killer;
  return confirmed;
}

describe('the served product killed with SIGKILL', () => {
  const data = tempDataDir('hd-rel-serve-');
  afterAll(() => data.cleanup());

  it('starts again after being killed during its first start', async () => {
    const first = startCli(['serve'], { ...ENV, DATA_DIR: data.dir, PORT: '0', HOST: '127.0.0.1' });
    // Somewhere in creating the directory, migrating, or loading the demo city.
    for (let i = 0; i < 400 && !existsSync(data.dir); i++) await sleep(25);
    await sleep(Math.floor(Math.random() * 8000));
    first.child.kill('SIGKILL');
    await first.exited;
    const server = await startServerProcess({ ...ENV, DATA_DIR: data.dir });
    await adminSession(server.url);
    await server.stop();
  });

  it('keeps every acknowledged write across three kills during writes, and goes on writing', async () => {
    const confirmed: string[] = [];
    for (let round = 0; round < 3; round++) {
      const server = await startServerProcess({ ...ENV, DATA_DIR: data.dir });
      confirmed.push(...(await writeUntilKilled(server, round, 500 + Math.floor(Math.random() * 1500))));
    }
    expect(confirmed.length).toBeGreaterThan(0);
    const server = await startServerProcess({ ...ENV, DATA_DIR: data.dir });
    try {
      const s = await adminSession(server.url);
      const users = (await (await fetch(`${server.url}/api/users`, { headers: { cookie: s.cookie } })).json()) as Array<{ username: string }>;
      const present = new Set(users.map((u) => u.username));
      expect(confirmed.filter((u) => !present.has(u))).toEqual([]);
      const more = await writeUntilKilled(server, 9, 300);
      expect(more.length).toBeGreaterThan(0);
    } finally {
      await server.kill9();
    }
    // Killing never left an incomplete directory set aside after the first start succeeded.
    expect(readdirSync(dirname(data.dir)).filter((n) => n.includes('.incomplete-')).length).toBeLessThanOrEqual(1);
  });
});
