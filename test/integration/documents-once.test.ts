import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

/**
 * A directive is registered once (issue 9): a second copy is flagged with a link to the
 * first, its proposal cannot be confirmed a second time (also under twenty simultaneous
 * confirmations), and a document registered by mistake is withdrawn with a reason, closing
 * the tasks the coordinator chose and keeping the others.
 */
describe.each(ENGINES)('directives registered once on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  let officer: Session;
  let leadUnitId = '';
  let otherUnitId = '';

  const TEXT = 'Văn bản chỉ đạo dùng để kiểm thử việc đăng ký một lần và thu hồi văn bản.';

  async function register(meta: Record<string, unknown>) {
    const res = await call(s.app, coord, 'POST', '/api/documents', { text: TEXT, type: 'Công văn', ...meta });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; status: string; duplicates: Array<{ id: string; status: string }> };
  }

  const confirm = (id: string, version: number, titles = ['Rà soát thủ tục hành chính', 'Báo cáo kết quả thực hiện']) =>
    call(s.app, coord, 'POST', `/api/documents/${id}/confirm`, {
      version,
      assignments: titles.map((title, i) => ({ title, lead: { unitId: i === 0 ? leadUnitId : otherUnitId }, deadline: '2026-12-31' })),
    });

  const taskCount = async (documentId: string) =>
    (await s.db.query<{ n: number }>('select count(*)::int as n from tasks where document_id = $1', [documentId]))[0]!.n;
  const auditCount = async (entity: string, action: string, entityId?: string) =>
    (await s.db.query<{ n: number }>('select count(*)::int as n from audit_log where entity = $1 and action = $2 and ($3::text is null or entity_id = $3)', [entity, action, entityId ?? null]))[0]!.n;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    coord = await login(s.app, 'dieuphoi');
    officer = await login(s.app, 'canbo.lechan');
    const units = await s.db.query<{ id: string }>(
      `select id from units where valid_from <= '2026-10-01' and valid_to is null and parent_id is not null order by code limit 2`,
    );
    leadUnitId = units[0]!.id;
    otherUnitId = units[1]!.id;
  });
  afterAll(async () => s?.close());

  it('flags a second registration of the same số/ký hiệu, issuer and date (case, spaces, NFC) with a link to the first', async () => {
    const first = await register({ number: '15/CT-UBND', issuer: 'Ủy ban nhân dân thành phố Hải Phòng', issuedOn: '2026-10-01' });
    expect(first).toMatchObject({ status: 'registered', duplicates: [] });
    // Upper case, extra and odd spaces, decomposed diacritics (NFD), "Uỷ" written the old way.
    const copy = await register({ number: '15 / ct-ubnd', issuer: 'UỶ BAN NHÂN DÂN  thành phố Hải Phòng'.normalize('NFD'), issuedOn: '2026-10-01' });
    expect(copy.duplicates).toEqual([expect.objectContaining({ id: first.id, number: '15/CT-UBND', status: 'registered' })]);
    const detail = (await call(s.app, coord, 'GET', `/api/documents/${copy.id}`)).json();
    expect(detail.document.duplicates.map((d: { id: string }) => d.id)).toEqual([first.id]);
    // Another date, or another issuer: a different directive.
    expect((await register({ number: '15/CT-UBND', issuer: 'Ủy ban nhân dân thành phố Hải Phòng', issuedOn: '2026-10-02' })).duplicates).toEqual([]);
    expect((await register({ number: '15/CT-UBND', issuer: 'Sở Tài chính', issuedOn: '2026-10-01' })).duplicates).toEqual([]);

    // The first is confirmed into tasks; a second confirmation of it, and a confirmation of the copy, are refused.
    const ok = await confirm(first.id, first.version);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await taskCount(first.id)).toBe(2);
    const again = await confirm(first.id, ok.json().document.version);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/đã được xác nhận/);
    const twin = await confirm(copy.id, copy.version);
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.message).toMatch(/cùng số\/ký hiệu/);
    expect(await taskCount(first.id)).toBe(2);
    expect(await taskCount(copy.id)).toBe(0);
    expect((await call(s.app, coord, 'GET', `/api/documents/${first.id}`)).json().document.status).toBe('confirmed');
  });

  it('twenty simultaneous confirmations of one proposal create exactly one set of tasks', async () => {
    const doc = await register({ number: '77/KH-UBND', issuer: 'Ủy ban nhân dân thành phố Hải Phòng', issuedOn: '2026-09-15' });
    const responses = await Promise.all(Array.from({ length: 20 }, () => confirm(doc.id, doc.version)));
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const refused = responses.filter((r) => r.statusCode === 409);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.json().error.message).toMatch(/đã được xác nhận|người khác/);
    expect(await taskCount(doc.id)).toBe(2);
    expect(await auditCount('document', 'confirm', doc.id)).toBe(1);
  });

  it('two copies of one directive confirmed at once: one set of tasks between them', async () => {
    const meta = { number: '88/TB-UBND', issuer: 'Ủy ban nhân dân thành phố Hải Phòng', issuedOn: '2026-08-20' };
    const a = await register(meta);
    const b = await register(meta);
    const [ra, rb] = await Promise.all([confirm(a.id, a.version), confirm(b.id, b.version)]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([201, 409]);
    expect((await taskCount(a.id)) + (await taskCount(b.id))).toBe(2);
  });

  it('withdraws a document with a reason, closing the chosen tasks and keeping the others, in one action', async () => {
    const meta = { number: '99/UBND-VP', issuer: 'Ủy ban nhân dân thành phố Hải Phòng', issuedOn: '2026-07-01' };
    const doc = await register(meta);
    const confirmed = await confirm(doc.id, doc.version);
    expect(confirmed.statusCode, confirmed.body).toBe(201);
    const [close, keep] = confirmed.json().tasks as Array<{ id: string; version: number }>;
    const version = confirmed.json().document.version as number;

    const noReason = await call(s.app, coord, 'POST', `/api/documents/${doc.id}/withdraw`, { version, reason: 'nhầm', cancelTaskIds: [] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/lý do/);
    expect((await call(s.app, officer, 'POST', `/api/documents/${doc.id}/withdraw`, { version, reason: 'Đăng ký nhầm văn bản', cancelTaskIds: [] })).statusCode).toBe(403);

    const reason = 'Văn bản đăng ký nhầm, đã có bản đúng';
    const withdrawals = await Promise.all(
      Array.from({ length: 20 }, () => call(s.app, coord, 'POST', `/api/documents/${doc.id}/withdraw`, { version, reason, cancelTaskIds: [close!.id] })),
    );
    expect(withdrawals.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(withdrawals.filter((r) => r.statusCode === 409)).toHaveLength(19);
    const won = withdrawals.find((r) => r.statusCode === 200)!.json();
    expect(won).toMatchObject({ cancelled: 1, document: { status: 'withdrawn', withdrawnReason: reason, withdrawnBy: 'dieuphoi', openTaskCount: 1 } });

    // Audited once for the document (with its before-image) and once for the closed task.
    const audit = await s.db.query<{ before: { status: string }; after: { status: string; cancelledTaskIds: string[] } }>(
      `select before, after from audit_log where entity = 'document' and action = 'withdraw' and entity_id = $1`, [doc.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { status: 'confirmed' }, after: { status: 'withdrawn', cancelledTaskIds: [close!.id] } });
    expect(await auditCount('task', 'cancel', close!.id)).toBe(1);
    expect(await auditCount('task', 'cancel', keep!.id)).toBe(0);

    // The document's page lists both, the closed one marked; the task lists leave it out.
    const detail = (await call(s.app, coord, 'GET', `/api/documents/${doc.id}`)).json();
    expect(detail.document).toMatchObject({ status: 'withdrawn', withdrawnReason: reason });
    const shown = new Map(detail.tasks.map((t: { id: string; cancelled: unknown }) => [t.id, t.cancelled]));
    expect(shown.get(close!.id)).toMatchObject({ reason });
    expect(shown.get(keep!.id)).toBeNull();
    const list = (await call(s.app, coord, 'GET', `/api/tasks?documentId=${doc.id}`)).json();
    expect(list.items.map((t: { id: string }) => t.id)).toEqual([keep!.id]);
    // A closed task takes no more changes; a kept one does.
    const progress = await call(s.app, coord, 'PATCH', `/api/tasks/${close!.id}`, { version: close!.version + 1, title: 'Sửa nhiệm vụ đã đóng' });
    expect(progress.statusCode).toBe(422);
    expect(progress.json().error.message).toMatch(/thu hồi/);
    expect((await call(s.app, coord, 'PATCH', `/api/tasks/${keep!.id}`, { version: keep!.version, title: 'Nhiệm vụ được giữ lại' })).statusCode).toBe(200);

    // A withdrawn document is not edited, confirmed or withdrawn again; its copy can now be confirmed.
    const fresh = (await call(s.app, coord, 'GET', `/api/documents/${doc.id}`)).json().document;
    expect((await call(s.app, coord, 'PATCH', `/api/documents/${doc.id}`, { version: fresh.version, summary: 'Sửa' })).statusCode).toBe(409);
    expect((await call(s.app, coord, 'POST', `/api/documents/${doc.id}/withdraw`, { version: fresh.version, reason, cancelTaskIds: [] })).statusCode).toBe(409);
    const copy = await register(meta);
    expect(copy.duplicates).toEqual([expect.objectContaining({ id: doc.id, status: 'withdrawn' })]);
    expect((await confirm(copy.id, copy.version)).statusCode).toBe(201);
  });

  it('refuses to close a task of another document', async () => {
    const other = await register({ number: '5/QĐ-UBND', issuer: 'Ủy ban nhân dân thành phố Hải Phòng', issuedOn: '2026-06-01' });
    const confirmed = await confirm(other.id, other.version);
    const foreign = confirmed.json().tasks[0].id as string;
    const doc = await register({ number: '6/QĐ-UBND', issuer: 'Ủy ban nhân dân thành phố Hải Phòng', issuedOn: '2026-06-01' });
    const res = await call(s.app, coord, 'POST', `/api/documents/${doc.id}/withdraw`, { version: doc.version, reason: 'Đăng ký nhầm văn bản', cancelTaskIds: [foreign] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('cancelTaskIds');
    // Nothing was written: the document is still registered and the other task still open.
    expect((await call(s.app, coord, 'GET', `/api/documents/${doc.id}`)).json().document.status).toBe('registered');
    expect((await s.db.query<{ cancelled_at: string | null }>('select cancelled_at from tasks where id = $1', [foreign]))[0]!.cancelled_at).toBeNull();
  });
});
