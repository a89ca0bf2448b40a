import type { TApiToken } from '../../../contracts/api-tokens';
import type { ApiTokenRow } from './queries';

const instant = (v: string) => new Date(v).toISOString();

export function presentApiToken(r: ApiTokenRow): TApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    role: r.role,
    unit: { id: r.unit_id, name: r.unit_name },
    scopes: r.scopes,
    expiresAt: instant(r.expires_at),
    revokedAt: r.revoked_at ? instant(r.revoked_at) : null,
    lastUsedAt: r.last_used_at ? instant(r.last_used_at) : null,
    createdAt: instant(r.created_at),
    createdBy: r.created_by_name,
    auditName: r.username,
  };
}
