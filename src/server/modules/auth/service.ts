import { hash, verify } from '@node-rs/argon2';
import type { TLoginThrottle, TLoginThrottleList } from '../../../contracts/auth';
import { ADDRESS_RULE, blockedUntil, PAIR_RULE, quietCutoff, retryAfterSeconds, throttleAccount, waitText } from '../../../core/auth/throttle';
import { recordAudit, type AuditContext } from '../../audit';
import type { Deps } from '../../context';
import { AppError, notFound } from '../../errors';
import { countFailures, deleteFailureKey, markLoggedIn, pruneFailures, selectBlocks, selectLoginUser, selectThrottles, setBlocks } from './queries';
import { createSession } from './sessions';

// argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: the OWASP minimum).
export const hashPassword = (password: string) => hash(password, { algorithm: 2 });

// Verifying against a real hash for unknown users keeps the response time the same,
// so timing does not reveal which user names exist.
let dummyHash: Promise<string> | undefined;

/** The account of an address-wide counter (a user name is never empty). */
const EVERY_ACCOUNT = '';

function throttled(blocks: Array<{ blocked_until: string | null }>, now: Date): AppError {
  const seconds = Math.max(1, retryAfterSeconds(blocks.map((b) => (b.blocked_until ? new Date(b.blocked_until) : null)), now));
  return new AppError(
    'THROTTLED',
    `Đăng nhập sai nhiều lần từ địa chỉ này. Vui lòng thử lại sau ${waitText(seconds)}; nếu quên mật khẩu, hãy liên hệ quản trị hệ thống.`,
    undefined,
    seconds,
  );
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent?: string;
}

/**
 * Checks the password under the throttle of src/core/auth/throttle.ts: a blocked
 * (account, address) or address is refused before the password is looked at, a failure
 * counts on both keys, a success clears its own (account, address) key only.
 */
export async function login(deps: Deps, input: LoginInput) {
  const now = deps.now();
  const account = throttleAccount(input.username);
  const keys = [
    { account, address: input.ip },
    { account: EVERY_ACCOUNT, address: input.ip },
  ];
  const blocks = await selectBlocks(deps.db, keys, now);
  if (blocks.length > 0) throw throttled(blocks, now);

  const user = await selectLoginUser(deps.db, input.username);
  dummyHash ??= hashPassword('không-phải-mật-khẩu-0');
  const ok = await verify(user?.password_hash ?? (await dummyHash), input.password).catch(() => false);

  if (!user || !ok || !user.active) {
    await deps.db.transaction(async (tx) => {
      const counts = await countFailures(tx, keys, now, quietCutoff(now));
      const newBlocks = counts.flatMap((c) => {
        const until = blockedUntil(c.failures, now, c.account === EVERY_ACCOUNT ? ADDRESS_RULE : PAIR_RULE);
        return until ? [{ account: c.account, address: c.address, until }] : [];
      });
      await setBlocks(tx, newBlocks);
      await pruneFailures(tx, quietCutoff(now), now);
      await recordAudit(tx, { actorId: null, actorName: input.username.slice(0, 100), ip: input.ip }, { action: 'login_failed', entity: 'session' });
    });
    const message = user && ok && !user.active ? 'Tài khoản đã bị vô hiệu hoá. Hãy liên hệ quản trị hệ thống.' : 'Tên đăng nhập hoặc mật khẩu không đúng';
    throw new AppError('INVALID_CREDENTIALS', message);
  }

  return deps.db.transaction(async (tx) => {
    await deleteFailureKey(tx, account, input.ip);
    await markLoggedIn(tx, user.id, now);
    const session = await createSession(tx, user.id, now, input.ip, input.userAgent);
    await recordAudit(tx, { actorId: user.id, actorName: user.username, ip: input.ip }, { action: 'login', entity: 'session', entityId: user.id });
    return { userId: user.id, ...session };
  });
}

const presentThrottle = (r: Awaited<ReturnType<typeof selectThrottles>>[number]): TLoginThrottle => ({
  account: r.account === EVERY_ACCOUNT ? null : r.account,
  address: r.address,
  failures: r.failures,
  firstFailedAt: new Date(r.first_failed_at).toISOString(),
  lastFailedAt: new Date(r.last_failed_at).toISOString(),
  blockedUntil: r.blocked_until ? new Date(r.blocked_until).toISOString() : null,
});

/** Keys counting failures in the last quiet window or blocked now, blocked first. */
export async function listThrottles(deps: Deps): Promise<TLoginThrottleList> {
  const now = deps.now();
  const rows = await selectThrottles(deps.db, quietCutoff(now), now);
  return { items: rows.map(presentThrottle) };
}

/** An admin forgets one key's failures (the owner cannot wait, or the address is known). */
export async function releaseThrottle(deps: Deps, ctx: AuditContext, input: { account: string | null; address: string }): Promise<{ ok: true }> {
  return deps.db.transaction(async (tx) => {
    const account = input.account === null ? EVERY_ACCOUNT : throttleAccount(input.account);
    const row = await deleteFailureKey(tx, account, input.address);
    if (!row) throw notFound('lượt đăng nhập sai của tài khoản và địa chỉ này');
    await recordAudit(tx, ctx, { action: 'release', entity: 'login_throttle', entityId: `${input.account ?? '*'}@${input.address}`, before: presentThrottle(row) });
    return { ok: true as const };
  });
}

export async function logout(deps: Deps, tokenHash: string, actor: { id: string; username: string }, ip: string) {
  await deps.db.transaction(async (tx) => {
    await tx.query('delete from sessions where token_hash = $1', [tokenHash]);
    await recordAudit(tx, { actorId: actor.id, actorName: actor.username, ip }, { action: 'logout', entity: 'session', entityId: actor.id });
  });
}
