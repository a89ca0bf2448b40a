import type { TAuditQuery } from '../../../contracts/audit';
import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';

type AuditRow = Pick<Tables['audit_log'], 'id' | 'at' | 'actor_id' | 'actor_name' | 'action' | 'entity' | 'entity_id' | 'before' | 'after'>;

// Dates are calendar days in Vietnam time; `to` is inclusive.
const WHERE = `($1::text is null or actor_name ilike '%' || $1 || '%')
  and ($2::text is null or entity = $2) and ($3::text is null or entity_id = $3) and ($4::text is null or action = $4)
  and ($5::date is null or at >= ($5::date)::timestamp at time zone 'Asia/Ho_Chi_Minh')
  and ($6::date is null or at < ($6::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`;

/** One page of the log, newest first, and how many entries match in all. */
export async function searchAudit(db: Queryable, q: TAuditQuery): Promise<{ rows: AuditRow[]; total: number }> {
  const params = [q.actor ?? null, q.entity ?? null, q.entityId ?? null, q.action ?? null, q.from ?? null, q.to ?? null];
  const rows = await db.query<AuditRow>(
    `select id, at, actor_id, actor_name, action, entity, entity_id, before, after from audit_log where ${WHERE} order by at desc, id desc limit $7 offset $8`,
    [...params, q.limit, q.offset],
  );
  const total = (await db.query<{ n: number }>(`select count(*)::int as n from audit_log where ${WHERE}`, params))[0]!.n;
  return { rows, total };
}
