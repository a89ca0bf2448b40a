import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';

type S = Tables['delivery_subscriptions'];
export type SubscriptionRow = Pick<S, 'id' | 'name' | 'kind' | 'cadence' | 'day' | 'horizon_days' | 'active' | 'created_at'> & {
  last_period: Tables['delivery_runs']['period_key'] | null;
  last_sent_at: Tables['delivery_runs']['sent_at'] | null;
};

const SELECT_SUBSCRIPTIONS = `
  select s.id, s.name, s.kind, s.cadence, s.day, s.horizon_days, s.active, s.created_at, r.period_key as last_period, r.sent_at as last_sent_at
    from delivery_subscriptions s
    left join lateral (select period_key, sent_at from delivery_runs where subscription_id = s.id order by sent_at desc limit 1) r on true`;

export function selectSubscriptions(db: Queryable): Promise<SubscriptionRow[]> {
  return db.query<SubscriptionRow>(`${SELECT_SUBSCRIPTIONS} order by s.created_at, s.id`);
}

export async function selectSubscription(db: Queryable, id: string): Promise<SubscriptionRow | undefined> {
  return (await db.query<SubscriptionRow>(`${SELECT_SUBSCRIPTIONS} where s.id = $1`, [id]))[0];
}

export async function insertSubscription(db: Queryable, s: Pick<S, 'name' | 'kind' | 'cadence' | 'day' | 'horizon_days' | 'created_by' | 'created_at'>): Promise<string> {
  const rows = await db.query<Pick<S, 'id'>>(
    `insert into delivery_subscriptions (name, kind, cadence, day, horizon_days, created_by, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $7) returning id`,
    [s.name, s.kind, s.cadence, s.day, s.horizon_days, s.created_by, s.created_at],
  );
  return rows[0]!.id;
}

export async function updateSubscriptionActive(db: Queryable, id: string, active: boolean, at: string): Promise<boolean> {
  return (await db.query('update delivery_subscriptions set active = $2, updated_at = $3 where id = $1 returning id', [id, active, at])).length > 0;
}

export async function runExists(db: Queryable, id: string, period: string): Promise<boolean> {
  return (await db.query('select 1 from delivery_runs where subscription_id = $1 and period_key = $2', [id, period])).length > 0;
}

/** The claim: true for the one transaction that inserted (subscription, period); a rival blocks, then gets false. */
export async function claimRun(tx: Queryable, id: string, period: string, at: string): Promise<boolean> {
  const rows = await tx.query('insert into delivery_runs (subscription_id, period_key, sent_at, emails) values ($1, $2, $3, 0) on conflict do nothing returning period_key', [id, period, at]);
  return rows.length > 0;
}

export async function setRunEmails(tx: Queryable, id: string, period: string, emails: number): Promise<void> {
  await tx.query('update delivery_runs set emails = $3 where subscription_id = $1 and period_key = $2', [id, period, emails]);
}

export async function insertOutboxEmail(tx: Queryable, m: Pick<Tables['email_outbox'], 'to_address' | 'subject' | 'body' | 'created_at'>): Promise<number> {
  const rows = await tx.query<Pick<Tables['email_outbox'], 'id'>>('insert into email_outbox (to_address, subject, body, created_at) values ($1, $2, $3, $4) returning id', [m.to_address, m.subject, m.body, m.created_at]);
  return Number(rows[0]!.id);
}

export async function insertAttachment(tx: Queryable, a: Pick<Tables['email_attachments'], 'outbox_id' | 'filename' | 'mime_type'> & { content: Buffer }): Promise<void> {
  await tx.query('insert into email_attachments (outbox_id, filename, mime_type, content) values ($1, $2, $3, $4)', [a.outbox_id, a.filename, a.mime_type, a.content]);
}

export type LeaderRow = { unit_id: string; unit_name: string; email: string | null; full_name: string };

/** Active leaders of these units, with or without an address (the preview names who has none). */
export function selectUnitLeaders(db: Queryable, unitIds: readonly string[]): Promise<LeaderRow[]> {
  return db.query<LeaderRow>(
    `select u.unit_id, n.name as unit_name, u.email, u.full_name from users u join units n on n.id = u.unit_id
      where u.active and u.role = 'unit_leader' and u.unit_id = any($1::uuid[]) order by n.name, u.full_name`,
    [unitIds],
  );
}

/** The city's leadership: active users of the leadership role. */
export function selectLeadership(db: Queryable): Promise<Array<Pick<Tables['users'], 'email' | 'full_name'>>> {
  return db.query(`select email, full_name from users where active and role = 'leadership' order by full_name`);
}

/** The deployment's own province: the oldest root still in force. */
export async function selectOwnProvince(db: Queryable): Promise<string> {
  return (await db.query<Pick<Tables['units'], 'province_id'>>('select province_id from units where parent_id is null order by valid_to is not null, valid_from limit 1'))[0]?.province_id ?? '';
}
