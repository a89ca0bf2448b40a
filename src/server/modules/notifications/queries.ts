import type { Role } from '../../../core/auth/roles';
import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';

type NotificationRow = Pick<Tables['notifications'], 'id' | 'kind' | 'title' | 'body' | 'link' | 'created_at' | 'read_at'>;

export function notificationsOf(db: Queryable, userId: string, unreadOnly: boolean, limit: number): Promise<NotificationRow[]> {
  return db.query<NotificationRow>(
    `select id, kind, title, body, link, created_at, read_at from notifications
      where user_id = $1 and ($2::boolean is not true or read_at is null) order by created_at desc, id desc limit $3`,
    [userId, unreadOnly, limit],
  );
}

export async function unreadCount(db: Queryable, userId: string): Promise<number> {
  return (await db.query<{ n: number }>('select count(*)::int as n from notifications where user_id = $1 and read_at is null', [userId]))[0]!.n;
}

/** Only the person's own notification: someone else's id changes nothing. */
export async function markRead(db: Queryable, userId: string, id: number): Promise<void> {
  await db.query('update notifications set read_at = coalesce(read_at, now()) where id = $1 and user_id = $2', [id, userId]);
}

export async function markAllRead(db: Queryable, userId: string): Promise<void> {
  await db.query('update notifications set read_at = now() where user_id = $1 and read_at is null', [userId]);
}

export interface NotificationInsert {
  userIds: readonly string[];
  unitId: string | null;
  roles: readonly Role[] | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  dedupeKey: string | null;
}

/**
 * One statement for every recipient: active users named by id, or of a unit (optionally only
 * some roles); a (user, dedupe key) already notified is skipped; every new notification to a
 * user with an address queues its e-mail. Returns how many notifications were created.
 */
export async function insertNotifications(tx: Queryable, n: NotificationInsert): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `with recipients as (
       select id, email from users
        where active and (id = any($1::uuid[]) or ($2::uuid is not null and unit_id = $2 and ($3::text[] is null or role = any($3::text[]))))
     ), created as (
       insert into notifications (user_id, kind, title, body, link, dedupe_key)
       select id, $4, $5, $6, $7, $8 from recipients
       on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing
       returning id, user_id
     ), mailed as (
       insert into email_outbox (notification_id, to_address, subject, body)
       select c.id, r.email, $5, $6 from created c join recipients r on r.id = c.user_id where r.email is not null
     )
     select count(*)::int as n from created`,
    [n.userIds, n.unitId, n.roles, n.kind, n.title, n.body, n.link, n.dedupeKey],
  );
  return rows[0]!.n;
}

type OutboxRow = Pick<Tables['email_outbox'], 'id' | 'to_address' | 'subject' | 'body'>;

export function pendingEmails(db: Queryable, batch: number): Promise<OutboxRow[]> {
  return db.query<OutboxRow>('select id, to_address, subject, body from email_outbox where sent_at is null and attempts < 10 order by created_at limit $1', [batch]);
}

export async function markEmailSent(db: Queryable, id: number): Promise<void> {
  await db.query('update email_outbox set sent_at = now(), attempts = attempts + 1 where id = $1', [id]);
}

export async function markEmailFailed(db: Queryable, id: number, error: string): Promise<void> {
  await db.query('update email_outbox set attempts = attempts + 1, last_error = $2 where id = $1', [id, error.slice(0, 500)]);
}

type AttachmentRow = Pick<Tables['email_attachments'], 'outbox_id' | 'filename' | 'mime_type'> & { content: Uint8Array };

/** The files the pending e-mails carry (a scheduled delivery's .xlsx), in one statement. */
export function attachmentsOf(db: Queryable, outboxIds: readonly number[]): Promise<AttachmentRow[]> {
  return db.query<AttachmentRow>('select outbox_id, filename, mime_type, content from email_attachments where outbox_id = any($1::bigint[]) order by id', [outboxIds]);
}
