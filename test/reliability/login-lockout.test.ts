import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpFrom } from '../helpers/http-from';
import { startServerProcess, tempDataDir, type ServerProcess } from '../helpers/process';

const ADMIN_PASSWORD = 'HaiPhong-Test-2026';
const STRANGERS = ['127.0.0.2', '127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'];
const OWNER = '127.0.0.9';

/**
 * The lockout an attacker tried in issue 9, against the product as a process: strangers at
 * five loopback addresses (real TCP peers, not a forged header) guess the admin's password
 * until they are held back; the admin, from an address of their own, still logs in.
 */
describe('a stranger cannot lock the admin out', () => {
  const data = tempDataDir('hd-lockout-');
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess({ DATA_DIR: data.dir, DATABASE_URL: '', DEMO_DATA: 'true', ADMIN_PASSWORD });
  });
  afterAll(async () => {
    await server?.stop();
    data.cleanup();
  });

  const tryLogin = (from: string, password: string, headers: Record<string, string> = {}) =>
    httpFrom(server.url, { path: '/api/auth/login', localAddress: from, headers, body: { username: 'admin', password } });

  it('holds back each guessing address, and the owner logs in from another', async () => {
    for (const from of STRANGERS) {
      const statuses: number[] = [];
      // A forged X-Forwarded-For changes nothing: TRUST_PROXY is off, the peer is counted.
      for (let i = 0; i < 7; i++) statuses.push((await tryLogin(from, `doan-sai-${i}`, { 'x-forwarded-for': `10.9.9.${i}` })).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    }

    const owner = await tryLogin(OWNER, ADMIN_PASSWORD);
    expect(owner.status, owner.body).toBe(200);
    expect(owner.json<{ user: { username: string } }>().user.username).toBe('admin');

    // The first stranger's address is still held back, even with the right password.
    const stranger = await tryLogin(STRANGERS[0]!, ADMIN_PASSWORD);
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(0);
    expect(stranger.json<{ error: { message: string } }>().error.message).toMatch(/thử lại sau/);
  });
});
