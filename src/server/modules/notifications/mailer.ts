import nodemailer from 'nodemailer';
import type { Deps } from '../../context';
import { attachmentsOf, markEmailFailed, markEmailSent, pendingEmails } from './queries';

/**
 * Drains the outbox through SMTP. Each e-mail is marked sent only after the server
 * accepted it; failures are counted and retried on the next tick (up to 10 attempts).
 */
export async function sendPendingEmails(deps: Deps, batch = 50): Promise<number> {
  if (!deps.config.SMTP_URL) return 0;
  const transport = nodemailer.createTransport(deps.config.SMTP_URL);
  let sent = 0;
  const pending = await pendingEmails(deps.db, batch);
  const files = await attachmentsOf(deps.db, pending.map((m) => Number(m.id)));
  for (const m of pending) {
    const attachments = files.filter((f) => Number(f.outbox_id) === Number(m.id)).map((f) => ({ filename: f.filename, contentType: f.mime_type, content: Buffer.from(f.content) }));
    try {
      await transport.sendMail({ from: deps.config.SMTP_FROM, to: m.to_address, subject: m.subject, text: m.body, attachments, date: deps.now() });
      await markEmailSent(deps.db, m.id);
      sent++;
    } catch (err) {
      await markEmailFailed(deps.db, m.id, (err as Error).message);
    }
  }
  return sent;
}
