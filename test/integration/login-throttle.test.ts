import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, TEST_NOW, TEST_PASSWORD, type TestServer } from '../helpers/server';

describe.each(ENGINES)('login throttling on %s', (engine) => {
  let s: TestServer;
  let admin: Session;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    admin = await login(s.app, 'admin');
  });
  afterAll(async () => s?.close());

  const attempt = (username: string, password: string, remoteAddress: string) =>
    s.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });

  it("does not let a stranger's failures stop the owner at another address", async () => {
    for (let i = 0; i < 8; i++) await attempt('dieuphoi', `doan-${i}`, '198.51.100.20');
    const stranger = await attempt('dieuphoi', TEST_PASSWORD, '198.51.100.20');
    expect(stranger.statusCode).toBe(429);
    expect(stranger.json().error.code).toBe('THROTTLED');
    expect(stranger.json().error.message).toMatch(/Vui lòng thử lại sau \d+ (giây|phút)/);
    expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(0);
    // Attempts refused while blocked are not checked, so they do not count (5 of 8).
    // The same account, from the owner's own address, logs in at once.
    expect((await attempt('Dieuphoi', TEST_PASSWORD, '203.0.113.5')).statusCode).toBe(200);
  });

  it('waits longer with every further failure, then lets the owner in when the wait is over', async () => {
    const ip = '198.51.100.30';
    for (let i = 0; i < 5; i++) await attempt('taichinh', 'sai', ip);
    const first = Number((await attempt('taichinh', TEST_PASSWORD, ip)).headers['retry-after']);
    expect(first).toBe(30);
    s.clock.now = new Date(TEST_NOW.getTime() + 31_000);
    try {
      expect((await attempt('taichinh', 'sai-nua', ip)).statusCode).toBe(401);
      expect(Number((await attempt('taichinh', TEST_PASSWORD, ip)).headers['retry-after'])).toBe(60);
      s.clock.now = new Date(TEST_NOW.getTime() + 92_000);
      expect((await attempt('taichinh', TEST_PASSWORD, ip)).statusCode).toBe(200);
    } finally {
      s.clock.now = new Date(TEST_NOW);
    }
  });

  it('holds back an address that guesses many accounts, whichever account it tries next', async () => {
    const ip = '198.51.100.40';
    for (let i = 0; i < 21; i++) await attempt(`khong.co.${i}`, 'sai', ip);
    const res = await attempt('lanhdao', TEST_PASSWORD, ip);
    expect(res.statusCode).toBe(429);
    expect((await attempt('lanhdao', TEST_PASSWORD, '198.51.100.41')).statusCode).toBe(200);
  });

  it('lists held-back keys to an admin, who releases one (audited)', async () => {
    const list = await call(s.app, admin, 'GET', '/api/auth/throttles');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ account: string | null; address: string; failures: number; blockedUntil: string | null }>;
    const wide = items.find((i) => i.account === null && i.address === '198.51.100.40');
    expect(wide).toMatchObject({ failures: 21, blockedUntil: expect.any(String) });
    expect(items.find((i) => i.account === 'dieuphoi' && i.address === '198.51.100.20')).toMatchObject({ failures: 5 });

    const released = await call(s.app, admin, 'POST', '/api/auth/throttles/release', { account: null, address: '198.51.100.40' });
    expect(released.statusCode).toBe(200);
    expect((await attempt('lanhdao', TEST_PASSWORD, '198.51.100.40')).statusCode).toBe(200);
    const audit = await s.db.query<{ entity_id: string; actor_name: string }>(`select entity_id, actor_name from audit_log where action = 'release' and entity = 'login_throttle'`);
    expect(audit).toEqual([{ entity_id: '*@198.51.100.40', actor_name: 'admin' }]);

    const again = await call(s.app, admin, 'POST', '/api/auth/throttles/release', { account: null, address: '198.51.100.40' });
    expect(again.statusCode).toBe(404);
  });

  it('refuses the list to a non-admin', async () => {
    const other = await login(s.app, 'dieuphoi');
    expect((await call(s.app, other, 'GET', '/api/auth/throttles')).statusCode).toBe(403);
  });
});
