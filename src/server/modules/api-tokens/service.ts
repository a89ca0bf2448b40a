import { randomBytes } from 'node:crypto';
import { addDays } from '../../../core/calendar/dates';
import { toInstant } from '../../../core/calendar/timestamps';
import type { TApiToken, TApiTokenCreate, TApiTokenCreated } from '../../../contracts/api-tokens';
import { recordAudit, type AuditContext } from '../../audit';
import { today, type Deps } from '../../context';
import { AppError, notFound } from '../../errors';
import { hashToken } from '../auth/sessions';
import { presentApiToken } from './model';
import { insertApiToken, insertServiceUser, revokeApiToken, selectApiToken, selectApiTokens, selectRootUnitId, selectTokenNameTaken, selectUnitExists } from './queries';

/** Tokens are told apart from session cookies and other secrets at a glance (and by scanners). */
const TOKEN_PREFIX = 'hd_';

export async function listApiTokens(deps: Deps): Promise<TApiToken[]> {
  return (await selectApiTokens(deps.db)).map(presentApiToken);
}

/**
 * Issues a token: a random 32-byte secret, of which only the sha-256 is stored, and a service
 * account with the role and unit chosen, whose name (`api:<name>`) every audit row of the
 * token's requests carries. The secret is in this answer and nowhere else.
 */
export async function createApiToken(deps: Deps, ctx: AuditContext, input: TApiTokenCreate): Promise<TApiTokenCreated> {
  const day = today(deps);
  if (input.expiresOn <= day) throw new AppError('VALIDATION', 'Ngày hết hạn phải sau hôm nay', 'expiresOn');
  if (input.expiresOn > addDays(day, 366)) throw new AppError('VALIDATION', 'Mã truy cập có hạn tối đa một năm', 'expiresOn');
  const name = input.name.trim();
  const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const now = deps.now().toISOString();
  const id = await deps.db.transaction(async (tx) => {
    if (await selectTokenNameTaken(tx, name)) throw new AppError('DUPLICATE', `Đã có mã truy cập tên "${name}"`, 'name');
    const unitId = input.unitId ?? (await selectRootUnitId(tx));
    if (!unitId || !(await selectUnitExists(tx, unitId))) throw new AppError('VALIDATION', 'Không tìm thấy đơn vị', 'unitId');
    const userId = await insertServiceUser(tx, { username: `api:${name}`.slice(0, 120), full_name: `Mã truy cập API: ${name}`, role: input.role, unit_id: unitId });
    const tokenId = await insertApiToken(tx, {
      name,
      token_hash: hashToken(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      user_id: userId,
      scopes: [...new Set(input.scopes)].sort(),
      expires_at: new Date(toInstant(input.expiresOn, 'end') + 1).toISOString(),
      created_by: ctx.actorId,
      created_at: now,
    });
    await recordAudit(tx, ctx, { action: 'create', entity: 'api_token', entityId: tokenId, after: { name, role: input.role, unitId, scopes: input.scopes, expiresOn: input.expiresOn } });
    return tokenId;
  });
  return { ...presentApiToken((await selectApiToken(deps.db, id))!), token: secret };
}

export async function revokeToken(deps: Deps, ctx: AuditContext, id: string): Promise<TApiToken> {
  await deps.db.transaction(async (tx) => {
    const before = await selectApiToken(tx, id);
    if (!before) throw notFound('mã truy cập');
    if (!(await revokeApiToken(tx, id, deps.now().toISOString()))) return;
    await recordAudit(tx, ctx, { action: 'revoke', entity: 'api_token', entityId: id, before: { name: before.name } });
  });
  return presentApiToken((await selectApiToken(deps.db, id))!);
}
