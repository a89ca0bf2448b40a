import type { Queryable } from '../../../db/client';
import type { Role } from '../../../core/auth/roles';

export interface NotifyInput {
  /** Recipients by id … */
  userIds?: readonly string[];
  /** … and/or every active user of a unit, optionally only some roles (e.g. its leaders). */
  unitId?: string;
  roles?: readonly Role[];
  kind: string;
  title: string;
  body: string;
  link?: string;
  /** Same key + same user = created once, however often the job runs. */
  dedupeKey?: string;
}

/**
 * In-app notifications, written in the caller's transaction, with an e-mail queued for
 * every recipient who has an address (sent later only when SMTP is configured).
 * Returns how many notifications were created.
 */
export async function notify(tx: Queryable, n: NotifyInput): Promise<number> {
  const recipients = await tx.query<{ id: string; email: string | null }>(
    `select id, email from users
      where active and (id = any($1::uuid[]) or ($2::uuid is not null and unit_id = $2 and ($3::text[] is null or role = any($3::text[]))))`,
    [n.userIds ?? [], n.unitId ?? null, n.roles ?? null],
  );
  let created = 0;
  for (const r of recipients) {
    const rows = await tx.query<{ id: number }>(
      `insert into notifications (user_id, kind, title, body, link, dedupe_key) values ($1, $2, $3, $4, $5, $6)
       on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing returning id`,
      [r.id, n.kind, n.title, n.body, n.link ?? null, n.dedupeKey ?? null],
    );
    if (!rows[0]) continue;
    created++;
    if (r.email) {
      await tx.query('insert into email_outbox (notification_id, to_address, subject, body) values ($1, $2, $3, $4)', [rows[0].id, r.email, n.title, n.body]);
    }
  }
  return created;
}
