import { hash, verify } from '@node-rs/argon2';
import type { Queryable } from '../../../db/client';
import { afterFailure, isLocked, THROTTLE, type ThrottleState } from '../../../core/auth/throttle';
import { recordAudit } from '../../audit';
import type { Deps } from '../../context';
import { AppError } from '../../errors';
import { createSession } from './sessions';

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: the OWASP minimum).
export const hashPassword = (password: string) => hash(password, { algorithm: 2 });

// Verifying against a real hash for unknown users keeps the response time the same,
// so timing does not reveal which user names exist.
let dummyHash: Promise<string> | undefined;

const IP_RULE = { ...THROTTLE, maxFailures: 30 };

async function readThrottle(db: Queryable, key: string): Promise<ThrottleState | undefined> {
  const rows = await db.query<{ failures: number; window_started_at: string; locked_until: string | null }>(
    'select failures, window_started_at, locked_until from login_throttle where key = $1',
    [key],
  );
  const r = rows[0];
  return r && { failures: r.failures, windowStartedAt: new Date(r.window_started_at), lockedUntil: r.locked_until ? new Date(r.locked_until) : null };
}

async function writeThrottle(db: Queryable, key: string, s: ThrottleState) {
  await db.query(
    `insert into login_throttle (key, failures, window_started_at, locked_until) values ($1, $2, $3, $4)
     on conflict (key) do update set failures = excluded.failures, window_started_at = excluded.window_started_at, locked_until = excluded.locked_until`,
    [key, s.failures, s.windowStartedAt.toISOString(), s.lockedUntil?.toISOString() ?? null],
  );
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent?: string;
}

export async function login(deps: Deps, input: LoginInput) {
  const now = deps.now();
  const userKey = `user:${input.username.toLowerCase()}`;
  const ipKey = `ip:${input.ip}`;
  const [userThrottle, ipThrottle] = [await readThrottle(deps.db, userKey), await readThrottle(deps.db, ipKey)];
  if (isLocked(userThrottle, now) || isLocked(ipThrottle, now)) {
    const until = [userThrottle?.lockedUntil, ipThrottle?.lockedUntil].filter((d): d is Date => !!d && d > now).sort((a, b) => +b - +a)[0]!;
    const minutes = Math.ceil((until.getTime() - now.getTime()) / 60_000);
    throw new AppError('LOCKED_OUT', `Đăng nhập sai quá nhiều lần. Tài khoản tạm khoá, hãy thử lại sau ${minutes} phút.`);
  }

  const rows = await deps.db.query<{ id: string; username: string; password_hash: string; active: boolean }>(
    'select id, username, password_hash, active from users where lower(username) = lower($1)',
    [input.username],
  );
  const user = rows[0];
  dummyHash ??= hashPassword('không-phải-mật-khẩu-0');
  const ok = await verify(user?.password_hash ?? (await dummyHash), input.password).catch(() => false);

  if (!user || !ok || !user.active) {
    await deps.db.transaction(async (tx) => {
      await writeThrottle(tx, userKey, afterFailure(userThrottle, now));
      await writeThrottle(tx, ipKey, afterFailure(ipThrottle, now, IP_RULE));
      await recordAudit(tx, { actorId: null, actorName: input.username.slice(0, 100), ip: input.ip }, { action: 'login_failed', entity: 'session' });
    });
    const message = user && ok && !user.active ? 'Tài khoản đã bị vô hiệu hoá. Hãy liên hệ quản trị hệ thống.' : 'Tên đăng nhập hoặc mật khẩu không đúng';
    throw new AppError('INVALID_CREDENTIALS', message);
  }

  return deps.db.transaction(async (tx) => {
    await tx.query('delete from login_throttle where key = $1', [userKey]);
    await tx.query('update users set last_login_at = $2 where id = $1', [user.id, now.toISOString()]);
    const session = await createSession(tx, user.id, now, input.ip, input.userAgent);
    await recordAudit(tx, { actorId: user.id, actorName: user.username, ip: input.ip }, { action: 'login', entity: 'session', entityId: user.id });
    return { userId: user.id, ...session };
  });
}

export async function logout(deps: Deps, tokenHash: string, actor: { id: string; username: string }, ip: string) {
  await deps.db.transaction(async (tx) => {
    await tx.query('delete from sessions where token_hash = $1', [tokenHash]);
    await recordAudit(tx, { actorId: actor.id, actorName: actor.username, ip }, { action: 'logout', entity: 'session', entityId: actor.id });
  });
}
