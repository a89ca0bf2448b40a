import type { FastifyInstance } from 'fastify';
import { call, type Session } from './api';

/** A multipart/form-data upload of one file, as the browser sends it. */
export function uploadFile(app: FastifyInstance, session: Session, url: string, filename: string, content: Buffer | string, type = 'application/octet-stream') {
  const boundary = `----haidang${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return app.inject({ method: 'POST', url, payload, headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

export interface JobView {
  id: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  phase: string;
  totalRows: number | null;
  processedRows: number;
  errorCount: number;
  errors: Array<{ row: number; column: string; message: string }>;
  message: string | null;
  summary: Record<string, number> | null;
  cancelRequested: boolean;
}

/** Polls a job until `until` holds (by default: until it has ended); every view seen is kept. */
export async function pollJob(app: FastifyInstance, session: Session, url: string, until: (j: JobView) => boolean = (j) => j.status !== 'running', seen: JobView[] = [], timeoutMs = 300_000): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = (await call(app, session, 'GET', url)).json() as JobView;
    seen.push(job);
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`job did not reach the expected state: ${JSON.stringify({ ...job, errors: job.errors.slice(0, 3) })}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
