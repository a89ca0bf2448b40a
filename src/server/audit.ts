import type { Queryable } from '../db/client';

export interface AuditContext {
  actorId: string | null;
  actorName: string;
  ip?: string;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Call inside the mutation's own transaction, so there is no change without its trace. */
export async function recordAudit(tx: Queryable, ctx: AuditContext, e: AuditEntry): Promise<void> {
  await tx.query(
    `insert into audit_log (actor_id, actor_name, action, entity, entity_id, before, after, ip)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [ctx.actorId, ctx.actorName, e.action, e.entity, e.entityId ?? null, e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after), ctx.ip ?? null],
  );
}
