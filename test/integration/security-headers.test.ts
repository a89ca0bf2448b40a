import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITED_ROUTES, RATE_LIMITS } from '../../src/server/plugins/security';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

describe.each(ENGINES)('security headers and rate limits on %s', (engine) => {
  let s: TestServer;
  let admin: Session;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    admin = await login(s.app, 'admin');
  });
  afterAll(async () => s?.close());

  it('forbids framing, sniffing and foreign scripts on every answer', async () => {
    for (const url of ['/api/health', '/api/docs', '/khong-co-trang-nay']) {
      const res = await s.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('same-origin');
    }
  });

  it('still serves the API documentation page and its assets', async () => {
    const page = await s.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui-bundle.js');
    expect(page.body).not.toMatch(/<script>(?!\s*<\/script>)/);
    expect((await s.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' })).statusCode).toBe(200);
  });

  it('limits every listed route to a route that exists', () => {
    const registered = new Set(s.app.apiRoutes.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(RATE_LIMITED_ROUTES).filter((k) => !registered.has(k))).toEqual([]);
  });

  it('answers 429 in Vietnamese past the export limit, counting each person on their own', async () => {
    let last = await call(s.app, admin, 'GET', '/api/tasks/export');
    expect(last.statusCode).toBe(200);
    for (let i = 1; i < RATE_LIMITS.export && last.statusCode === 200; i++) last = await call(s.app, admin, 'GET', '/api/tasks/export');
    expect(last.statusCode).toBe(200);
    const refused = await call(s.app, admin, 'GET', '/api/tasks/export');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.json().error.message).toMatch(/quá nhiều yêu cầu.*thử lại sau \d+ giây/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    const colleague = await login(s.app, 'dieuphoi');
    expect((await call(s.app, colleague, 'GET', '/api/tasks/export')).statusCode).toBe(200);
  });

  it('limits login attempts per address before any password is checked', async () => {
    const from = '198.51.100.77';
    const codes: string[] = [];
    for (let i = 0; i <= RATE_LIMITS.login; i++) {
      const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: from, payload: { username: `khach.${i}`, password: 'x' } });
      codes.push(res.json().error.code);
    }
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(1);
  });
});

describe.each(ENGINES)('request body depth on %s', (engine) => {
  let s: TestServer;
  let admin: Session;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    admin = await login(s.app, 'admin');
  });
  afterAll(async () => s?.close());

  it('answers 400 in Vietnamese to 100,000-deep JSON, on a public route and a protected one', async () => {
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const pub = await s.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: deep });
    expect(pub.statusCode).toBe(400);
    expect(pub.json().error.message).toMatch(/lồng nhau quá sâu/);
    const arrays = await s.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { 'content-type': 'application/json; charset=utf-8', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: '['.repeat(100_000) + ']'.repeat(100_000),
    });
    expect(arrays.statusCode).toBe(400);
    expect(arrays.json().error.code).toBe('BAD_REQUEST');
  });

  it('still reads an ordinary body and refuses a prototype key', async () => {
    expect((await call(s.app, null, 'POST', '/api/auth/login', { username: 'admin', password: 'sai' })).statusCode).toBe(401);
    const proto = await s.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"x":1},"username":"a","password":"b"}' });
    expect(proto.statusCode).toBe(400);
  });
});
