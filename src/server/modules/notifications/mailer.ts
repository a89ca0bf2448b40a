import nodemailer from 'nodemailer';
import type { Deps } from '../../context';

/**
 * Drains the outbox through SMTP. Each e-mail is marked sent only after the server
 * accepted it; failures are counted and retried on the next tick (up to 10 attempts).
 */
export async function sendPendingEmails(deps: Deps, batch = 50): Promise<number> {
  if (!deps.config.SMTP_URL) return 0;
  const transport = nodemailer.createTransport(deps.config.SMTP_URL);
  const pending = await deps.db.query<{ id: number; to_address: string; subject: string; body: string }>(
    'select id, to_address, subject, body from email_outbox where sent_at is null and attempts < 10 order by created_at limit $1',
    [batch],
  );
  let sent = 0;
  for (const m of pending) {
    try {
      await transport.sendMail({ from: deps.config.SMTP_FROM, to: m.to_address, subject: m.subject, text: m.body });
      await deps.db.query('update email_outbox set sent_at = now(), attempts = attempts + 1 where id = $1', [m.id]);
      sent++;
    } catch (err) {
      await deps.db.query('update email_outbox set attempts = attempts + 1, last_error = $2 where id = $1', [m.id, (err as Error).message.slice(0, 500)]);
    }
  }
  return sent;
}
