import type { FastifyInstance, InjectOptions } from 'fastify';
import { TEST_PASSWORD } from './server';

export interface Session {
  cookie: string;
  csrf: string;
}

// Each test login comes from its own loopback address, as the people of a province do: a suite
// logs in hundreds of times a minute, far past the per-address login limit (security.ts).
let loginSeq = 0;
const nextAddress = () => {
  loginSeq = (loginSeq % 60_000) + 1;
  return `127.1.${loginSeq >> 8}.${loginSeq & 255}`;
};

/** Logs in through the real route and keeps the cookie and CSRF token a browser would. */
export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: nextAddress() });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0] : setCookie)!.split(';')[0]!;
  return { cookie, csrf: res.json().csrfToken };
}

export function call(app: FastifyInstance, session: Session | null, method: InjectOptions['method'], url: string, payload?: unknown) {
  return app.inject({
    method,
    url,
    headers: session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {},
    ...(payload !== undefined ? { payload: payload as InjectOptions['payload'] } : {}),
  });
}
