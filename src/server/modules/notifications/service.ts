import type { Queryable } from '../../../db/client';
import type { Role } from '../../../core/auth/roles';
import { insertNotifications } from './queries';

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
export function notify(tx: Queryable, n: NotifyInput): Promise<number> {
  return insertNotifications(tx, {
    userIds: n.userIds ?? [],
    unitId: n.unitId ?? null,
    roles: n.roles ?? null,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link ?? null,
    dedupeKey: n.dedupeKey ?? null,
  });
}
