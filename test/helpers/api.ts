import type { FastifyInstance, InjectOptions } from 'fastify';
import { TEST_PASSWORD } from './server';

export interface Session {
  cookie: string;
  csrf: string;
}

/** Logs in through the real route and keeps the cookie and CSRF token a browser would. */
export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
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
