import { duePeriod, type Cadence } from '../../../core/deliveries/schedule';
import type { TDelivery, TDeliveryCreate, TDeliveryKind, TDeliveryPreview, TDeliveryCadence } from '../../../contracts/deliveries';
import { ZDeliveryCreate } from '../../../contracts/deliveries';
import { recordAudit, type AuditContext } from '../../audit';
import { today, type Deps } from '../../context';
import { notFound } from '../../errors';
import { compose } from './compose';
import { insertSubscription, selectSubscription, selectSubscriptions, updateSubscriptionActive, type SubscriptionRow } from './queries';

function present(r: SubscriptionRow): TDelivery {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as TDeliveryKind,
    cadence: r.cadence as TDeliveryCadence,
    day: r.day,
    horizonDays: r.horizon_days,
    active: r.active,
    createdAt: new Date(r.created_at).toISOString(),
    lastPeriod: r.last_period,
    lastSentAt: r.last_sent_at ? new Date(r.last_sent_at).toISOString() : null,
  };
}

export async function listDeliveries(deps: Deps): Promise<TDelivery[]> {
  return (await selectSubscriptions(deps.db)).map(present);
}

export async function createDelivery(deps: Deps, ctx: AuditContext, input: TDeliveryCreate): Promise<TDelivery> {
  const v = ZDeliveryCreate.parse(input);
  const id = await deps.db.transaction(async (tx) => {
    const subId = await insertSubscription(tx, { name: v.name.trim(), kind: v.kind, cadence: v.cadence, day: v.cadence === 'daily' ? 1 : v.day, horizon_days: v.horizonDays, created_by: ctx.actorId, created_at: deps.now().toISOString() });
    await recordAudit(tx, ctx, { action: 'create', entity: 'delivery_subscription', entityId: subId, after: v });
    return subId;
  });
  return present((await selectSubscription(deps.db, id))!);
}

export async function setDeliveryActive(deps: Deps, ctx: AuditContext, id: string, active: boolean): Promise<TDelivery> {
  await deps.db.transaction(async (tx) => {
    if (!(await updateSubscriptionActive(tx, id, active, deps.now().toISOString()))) throw notFound('lịch gửi');
    await recordAudit(tx, ctx, { action: 'update', entity: 'delivery_subscription', entityId: id, after: { active } });
  });
  return present((await selectSubscription(deps.db, id))!);
}

/** The e-mails the subscription would queue for its current (or next) period, composed now, not sent. */
export async function previewDelivery(deps: Deps, id: string): Promise<TDeliveryPreview> {
  const sub = await selectSubscription(deps.db, id);
  if (!sub) throw notFound('lịch gửi');
  const day = today(deps);
  const period = duePeriod(sub.cadence as Cadence, sub.day, day) ?? duePeriod(sub.cadence as Cadence, 1, day)!;
  const c = await compose(deps, sub.kind as TDeliveryKind, period, sub.horizon_days);
  return {
    period,
    emails: c.emails.map((m) => ({ to: m.to, audience: m.audience, subject: m.subject, body: m.body, attachments: m.attachments.map((a) => ({ filename: a.filename, bytes: a.content.length })) })),
    skipped: c.skipped,
  };
}
