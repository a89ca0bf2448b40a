import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { ENGINES } from '../helpers/db';
import { httpFrom } from '../helpers/http-from';
import { startTestServer, type TestServer } from '../helpers/server';

/** The address the audit log recorded for the last failed login typed as `username`. */
async function auditedIp(s: TestServer, username: string): Promise<string | null> {
  const rows = await s.db.query<{ ip: string | null }>(
    `select ip from audit_log where action = 'login_failed' and actor_name = $1 order by id desc limit 1`,
    [username],
  );
  return rows[0]?.ip ?? null;
}

const failLogin = (s: TestServer, username: string, from: string, forwardedFor: string) =>
  httpFrom(s.url, { path: '/api/auth/login', localAddress: from, headers: { 'x-forwarded-for': forwardedFor }, body: { username, password: 'sai-mat-khau' } });

describe('TRUST_PROXY configuration', () => {
  it('is off by default and takes a list of addresses and ranges', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.1.0/24,::1' }).TRUST_PROXY).toEqual(['10.0.0.5', '10.0.1.0/24', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });
});

describe.each(ENGINES)('client address on %s', (engine) => {
  let plain: TestServer;
  let proxied: TestServer;

  beforeAll(async () => {
    plain = await startTestServer({ engine });
    proxied = await startTestServer({ engine, env: { TRUST_PROXY: '127.0.0.1' } });
  });
  afterAll(async () => {
    await plain?.close();
    await proxied?.close();
  });

  it('ignores X-Forwarded-For by default: the audit log keeps the real peer', async () => {
    const res = await failLogin(plain, 'gia.mao.1', '127.0.0.3', '203.0.113.7');
    expect(res.status).toBe(401);
    expect(await auditedIp(plain, 'gia.mao.1')).toBe('127.0.0.3');
  });

  it('honours X-Forwarded-For from a listed proxy, and only from it', async () => {
    await failLogin(proxied, 'qua.proxy', '127.0.0.1', '203.0.113.7');
    expect(await auditedIp(proxied, 'qua.proxy')).toBe('203.0.113.7');
    // A client that reaches the server directly cannot name itself.
    await failLogin(proxied, 'khong.qua.proxy', '127.0.0.4', '203.0.113.8');
    expect(await auditedIp(proxied, 'khong.qua.proxy')).toBe('127.0.0.4');
    // A forged left-most entry behind the proxy is not believed: the proxy appended the peer.
    await failLogin(proxied, 'chen.dau', '127.0.0.1', '198.51.100.1, 203.0.113.9');
    expect(await auditedIp(proxied, 'chen.dau')).toBe('203.0.113.9');
  });
});
