import { duePeriod, type Cadence } from '../../../core/deliveries/schedule';
import type { TDeliveryKind } from '../../../contracts/deliveries';
import { recordAudit } from '../../audit';
import { today, type Deps } from '../../context';
import { compose } from './compose';
import { claimRun, insertAttachment, insertOutboxEmail, runExists, selectSubscriptions, setRunEmails } from './queries';

export interface DeliveryOutcome {
  subscriptionId: string;
  period: string;
  /** False when another process (or an earlier tick) had already claimed the period. */
  sent: boolean;
  emails: number;
}

/**
 * Queues every delivery that is due on the injected clock's day, exactly once per
 * (subscription, period) whatever the number of processes: the e-mails are composed first
 * (reads only), then the claim row and the outbox rows are written in one transaction. A rival
 * process blocks on the uncommitted claim, then sees the conflict and queues nothing; a failure
 * rolls the claim back with the e-mails, and the next tick tries again.
 */
export async function runDeliveries(deps: Deps): Promise<DeliveryOutcome[]> {
  const day = today(deps);
  const out: DeliveryOutcome[] = [];
  for (const sub of await selectSubscriptions(deps.db)) {
    if (!sub.active) continue;
    const period = duePeriod(sub.cadence as Cadence, sub.day, day);
    if (!period || (await runExists(deps.db, sub.id, period))) continue;
    const composed = await compose(deps, sub.kind as TDeliveryKind, period, sub.horizon_days);
    const at = deps.now().toISOString();
    const result = await deps.db.transaction(async (tx) => {
      if (!(await claimRun(tx, sub.id, period, at))) return { sent: false, emails: 0 };
      let emails = 0;
      for (const m of composed.emails) {
        for (const to of m.to) {
          const id = await insertOutboxEmail(tx, { to_address: to, subject: m.subject, body: m.body, created_at: at });
          for (const a of m.attachments) await insertAttachment(tx, { outbox_id: id, filename: a.filename, mime_type: a.mime, content: a.content });
          emails++;
        }
      }
      await setRunEmails(tx, sub.id, period, emails);
      await recordAudit(tx, { actorId: null, actorName: 'hệ thống' }, { action: 'deliver', entity: 'delivery_subscription', entityId: sub.id, after: { period, emails, skipped: composed.skipped } });
      return { sent: true, emails };
    });
    out.push({ subscriptionId: sub.id, period, ...result });
  }
  return out;
}
