import ExcelJS from 'exceljs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import type { Db } from '../../src/db/client';
import { openPostgres } from '../../src/db/postgres';
import { buildApp } from '../../src/server/app';
import type { Deps } from '../../src/server/context';
import { runDeliveries } from '../../src/server/modules/deliveries/run';
import { sendPendingEmails } from '../../src/server/modules/notifications/mailer';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * Scheduled e-mails: a digest of overdue and soon-due tasks to each unit's leaders, a monthly
 * summary to the city's leadership with the panels' .xlsx; previewed in the admin screen, queued
 * in the outbox once per (subscription, period) on the injected clock, even with two servers
 * racing on one database, and sent with their attachments.
 */
describe.each(ENGINES)('scheduled deliveries on %s', (engine) => {
  let s: TestServer;
  let admin: Session;
  let leaderUnit: { id: string; name: string };

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    admin = await login(s.app, 'admin');
    // The people the mail goes to need addresses (the base users have none); the unit leader
    // leads a current department (the district of the base data ended on 30/06/2025).
    await s.db.query(`update users set email = replace(username, '.', '-') || '@haiphong.gov.vn' where username in ('lanhdao', 'lanhdao.lechan')`);
    await s.db.query(`update users set unit_id = (select id from units where code = 'HP.SKHCN') where username = 'lanhdao.lechan'`);
    leaderUnit = (await s.db.query<{ id: string; name: string }>(`select n.id, n.name from users u join units n on n.id = u.unit_id where u.username = 'lanhdao.lechan'`))[0]!;
    const tasks: Array<[string, string]> = [
      ['Số hoá hồ sơ một cửa', '2026-11-10'],
      ['Triển khai chữ ký số cho cán bộ', '2026-11-24'],
      ['Xây dựng kho dữ liệu dùng chung', '2027-03-31'],
    ];
    for (const [title, deadline] of tasks) {
      const res = await call(s.app, admin, 'POST', '/api/tasks', { title, leadUnitId: leaderUnit.id, deadline, assignedOn: '2026-10-01' });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => s?.close());

  async function subscribe(body: Record<string, unknown>) {
    const res = await call(s.app, admin, 'POST', '/api/deliveries', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  }
  const outbox = () => s.db.query<{ id: number; to_address: string; subject: string; body: string }>('select id, to_address, subject, body from email_outbox where notification_id is null order by id');

  it('previews the digest each unit leader would receive, and queues nothing', async () => {
    const sub = await subscribe({ name: 'Nhắc việc hằng ngày', kind: 'unit_digest', cadence: 'daily', horizonDays: 7 });
    const res = await call(s.app, admin, 'GET', `/api/deliveries/${sub.id}/preview`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.period).toBe('2026-11-20');
    const mail = p.emails.find((m: { audience: string }) => m.audience === `Lãnh đạo ${leaderUnit.name}`);
    expect(mail.to).toEqual(['lanhdao-lechan@haiphong.gov.vn']);
    expect(mail.subject).toContain('1 quá hạn, 1 sắp đến hạn');
    expect(mail.body).toContain('Số hoá hồ sơ một cửa — hạn 10/11/2026, quá hạn 10 ngày');
    expect(mail.body).toContain('Triển khai chữ ký số cho cán bộ — hạn 24/11/2026, còn 4 ngày');
    expect(mail.body).not.toContain('kho dữ liệu dùng chung');
    expect(mail.attachments).toEqual([{ filename: 'nhiem-vu-2026-11-20.xlsx', bytes: expect.any(Number) }]);
    expect(await outbox()).toEqual([]);
    await call(s.app, admin, 'PUT', `/api/deliveries/${sub.id}/active`, { active: false });
  });

  it('previews the monthly summary to the city’s leadership: pillars, money at risk, report timeliness, three workbooks', async () => {
    const sub = await subscribe({ name: 'Tổng hợp tháng', kind: 'monthly_summary', cadence: 'monthly', day: 25 });
    const p = (await call(s.app, admin, 'GET', `/api/deliveries/${sub.id}/preview`)).json();
    expect(p.period).toBe('2026-11');
    expect(p.emails).toHaveLength(1);
    const [mail] = p.emails;
    expect(mail.to).toEqual(['lanhdao@haiphong.gov.vn']);
    expect(mail.subject).toBe('Tổng hợp chuyển đổi số tháng 11/2026');
    for (const part of ['1. Chỉ tiêu theo bốn trụ cột', '2. Kinh phí có nguy cơ không giải ngân kịp', '3. Tình hình gửi báo cáo định kỳ']) expect(mail.body).toContain(part);
    expect(mail.attachments.map((a: { filename: string }) => a.filename)).toEqual(['dieu-hanh-pillars-2026.xlsx', 'dieu-hanh-budget-2026.xlsx', 'dieu-hanh-reports-2026.xlsx']);
    await call(s.app, admin, 'PUT', `/api/deliveries/${sub.id}/active`, { active: false });
  });

  it('queues a monthly summary once in its month, from its day on, by the injected clock', async () => {
    const sub = await subscribe({ name: 'Tổng hợp ngày 25', kind: 'monthly_summary', cadence: 'monthly', day: 25 });
    const before = s.clock.now;
    const mine = async () => (await outbox()).filter((m) => m.subject === 'Tổng hợp chuyển đổi số tháng 11/2026' || m.subject === 'Tổng hợp chuyển đổi số tháng 12/2026');
    try {
      await runDeliveries(s.deps);
      expect(await mine()).toHaveLength(0); // 20/11: not yet the 25th
      s.clock.now = new Date('2026-11-25T01:00:00Z');
      expect((await runDeliveries(s.deps)).filter((o) => o.subscriptionId === sub.id)).toEqual([{ subscriptionId: sub.id, period: '2026-11', sent: true, emails: 1 }]);
      await runDeliveries(s.deps);
      s.clock.now = new Date('2026-11-30T10:00:00Z');
      await runDeliveries(s.deps);
      expect(await mine()).toHaveLength(1);
      s.clock.now = new Date('2026-12-02T01:00:00Z');
      await runDeliveries(s.deps);
      expect(await mine()).toHaveLength(1);
      const files = await s.db.query<{ filename: string; content: Uint8Array }>('select a.filename, a.content from email_attachments a where a.outbox_id = $1 order by a.id', [(await mine())[0]!.id]);
      expect(files.map((f) => f.filename)).toEqual(['dieu-hanh-pillars-2026.xlsx', 'dieu-hanh-budget-2026.xlsx', 'dieu-hanh-reports-2026.xlsx']);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(files[1]!.content) as unknown as ArrayBuffer);
      expect(String(wb.worksheets[0]!.getCell('A1').value)).toContain('KINH PHÍ CHUYỂN ĐỔI SỐ NĂM 2026');
    } finally {
      s.clock.now = before;
      // Ten days of moving the clock outlived the session.
      admin = await login(s.app, 'admin');
      const listed = (await call(s.app, admin, 'GET', '/api/deliveries')).json().find((d: { id: string }) => d.id === sub.id);
      expect(listed).toMatchObject({ lastPeriod: '2026-11', active: true });
      await call(s.app, admin, 'PUT', `/api/deliveries/${sub.id}/active`, { active: false });
    }
  });

  it('queues each digest once even when two servers on one database race for it', async () => {
    const sub = await subscribe({ name: 'Nhắc việc thứ Sáu', kind: 'unit_digest', cadence: 'weekly', day: 5 });
    // A second server process on the same database: its own pool of connections on PostgreSQL.
    let second: Db = s.db;
    if (engine === 'postgres') {
      const name = (await s.db.query<{ name: string }>('select current_database() as name'))[0]!.name;
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      second = await openPostgres(url.toString(), 4);
    }
    const other: Deps = { db: second, config: s.config, now: () => s.clock.now };
    const otherApp = await buildApp(other);
    try {
      await otherApp.ready();
      const outcomes = (await Promise.all([runDeliveries(s.deps), runDeliveries(other), runDeliveries(s.deps), runDeliveries(other)])).flat().filter((o) => o.subscriptionId === sub.id);
      expect(outcomes.filter((o) => o.sent)).toEqual([{ subscriptionId: sub.id, period: 'week-2026-11-16', sent: true, emails: 1 }]);
      const runs = await s.db.query<{ period_key: string; emails: number }>('select period_key, emails from delivery_runs where subscription_id = $1', [sub.id]);
      expect(runs).toEqual([{ period_key: 'week-2026-11-16', emails: 1 }]);
      const digests = (await outbox()).filter((m) => m.subject.startsWith('Nhiệm vụ quá hạn và sắp đến hạn (tuần từ 16/11/2026)'));
      expect(digests.map((m) => m.to_address)).toEqual(['lanhdao-lechan@haiphong.gov.vn']);
    } finally {
      await otherApp.close();
      if (second !== s.db) await second.close();
      await call(s.app, admin, 'PUT', `/api/deliveries/${sub.id}/active`, { active: false });
    }
  });

  it('sends a queued digest through SMTP with its workbook attached', async () => {
    const received: string[] = [];
    const smtp = await fakeSmtp(received);
    const port = (smtp.address() as AddressInfo).port;
    try {
      const deps: Deps = { ...s.deps, config: loadConfig({ DATA_DIR: 'memory://', SMTP_URL: `smtp://127.0.0.1:${port}` }) };
      const sent = await sendPendingEmails(deps);
      expect(sent).toBeGreaterThanOrEqual(2);
      const digest = received.find((m) => m.includes('lanhdao-lechan@haiphong.gov.vn'))!;
      expect(digest).toMatch(/filename="?nhiem-vu-2026-11-20\.xlsx/);
      expect(digest).toMatch(/Content-Type:\s+application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/);
      // The attachment is the task list's workbook, whole.
      const base64 = digest.split(/filename="?nhiem-vu-2026-11-20\.xlsx"?\r\n\r\n/)[1]!.split('\r\n--')[0]!.replace(/\s+/g, '');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
      expect(String(wb.worksheets[0]!.getCell('A1').value)).toBe('DANH SÁCH NHIỆM VỤ CHUYỂN ĐỔI SỐ');
      const pending = await s.db.query<{ n: number }>('select count(*)::int as n from email_outbox where sent_at is null');
      expect(pending[0]!.n).toBe(0);
    } finally {
      await new Promise((r) => smtp.close(r));
    }
  });

  it('is the administrator’s, and refuses a weekday past Sunday', async () => {
    const lead = await login(s.app, 'lanhdao');
    expect((await call(s.app, lead, 'GET', '/api/deliveries')).statusCode).toBe(403);
    const bad = await call(s.app, admin, 'POST', '/api/deliveries', { name: 'Sai', kind: 'unit_digest', cadence: 'weekly', day: 9 });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ngày trong tuần từ 1 (thứ Hai) đến 7 (Chủ nhật)');
  });
});

/** A minimal SMTP server that keeps each message it accepts (no TLS, no auth). */
async function fakeSmtp(received: string[]): Promise<Server> {
  const server = createServer((socket) => {
    let data = false;
    let buf = '';
    socket.write('220 hd-test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      for (;;) {
        if (data) {
          const end = buf.indexOf('\r\n.\r\n');
          if (end < 0) return;
          received.push(buf.slice(0, end));
          buf = buf.slice(end + 5);
          data = false;
          socket.write('250 OK\r\n');
          continue;
        }
        const nl = buf.indexOf('\r\n');
        if (nl < 0) return;
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') socket.write('250-hd-test\r\n250 8BITMIME\r\n');
        else if (cmd === 'DATA') {
          data = true;
          socket.write('354 End with .\r\n');
        } else if (cmd === 'QUIT') socket.end('221 Bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}
