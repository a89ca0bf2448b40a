import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { hasChromium, launchBrowser } from '../e2e/browser';

/** An invented công văn in the usual layout (not one of the seed documents). */
const CONG_VAN = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HẢI PHÒNG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 512/UBND-VP
V/v triển khai nền tảng số dùng chung năm 2024
Hải Phòng, ngày 05 tháng 02 năm 2024

Kính gửi:
- Các Sở, ban, ngành thành phố;
- Ủy ban nhân dân các quận, huyện.

Để bảo đảm tiến độ triển khai nền tảng số dùng chung của thành phố, Ủy ban nhân dân thành phố có ý kiến như sau:

1. Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính hoàn thiện phương án kết nối kho dữ liệu dùng chung, báo cáo Ủy ban nhân dân thành phố trước ngày 15/3/2024.

2. Sở Nội vụ khẩn trương rà soát quy chế tiếp nhận hồ sơ trực tuyến, hoàn thành trong tháng 4/2024.

3. Yêu cầu Ủy ban nhân dân các quận, huyện cập nhật dữ liệu hộ tịch lên nền tảng dùng chung, hoàn thành trong quý II/2024.

4. Giao Văn phòng Ủy ban nhân dân thành phố tổng hợp tình hình thực hiện, báo cáo định kỳ hằng tháng.

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Văn Minh
`;

type Resolved = { kind: 'unit' | 'group' | 'unknown'; text: string; unit?: { id: string; name: string }; group?: string; members?: Array<{ id: string; name: string }> };
type Proposal = {
  metadata: Record<string, string | null>;
  assignments: Array<{ lead: Resolved; coordinators: Resolved[]; task: string; deadline: string | null; deadlineText: string | null; recurrence: string | null; source: { start: number; end: number; text: string } }>;
};

function multipart(filename: string, content: Buffer, fields: Record<string, string> = {}, mime = 'application/octet-stream') {
  const boundary = `----haidang${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(ENGINES)('directives: register, propose, confirm on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  const unit = async (code: string) => (await s.db.query<{ id: string }>('select id from units where code = $1', [code]))[0]!.id;
  const countTasks = async () => (await s.db.query<{ n: number }>('select count(*)::int as n from tasks'))[0]!.n;
  const upload = (sess: Session, url: string, body: ReturnType<typeof multipart>) =>
    s.app.inject({ method: 'POST', url, headers: { cookie: sess.cookie, 'x-csrf-token': sess.csrf, ...body.headers }, payload: body.payload });

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    s.clock.now = new Date('2024-05-20T03:00:00Z');
    coord = await login(s.app, 'dieuphoi');
  });
  afterAll(async () => s?.close());

  it('registers a pasted công văn with its NĐ 30 metadata read from the text', async () => {
    const res = await call(s.app, coord, 'POST', '/api/documents', { text: CONG_VAN });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ number: '512/UBND-VP', type: 'Công văn', issuedOn: '2024-02-05', signer: 'Trần Văn Minh', taskCount: 0 });
    const list = (await call(s.app, coord, 'GET', '/api/documents?q=nen tang so dung chung')).json();
    expect(list.items.map((d: { number: string }) => d.number)).toContain('512/UBND-VP');
  });

  it('proposes every assignment with units matched as of the document date and the source sentence', async () => {
    const doc = (await call(s.app, coord, 'POST', '/api/documents', { text: CONG_VAN })).json();
    const res = await call(s.app, coord, 'POST', `/api/documents/${doc.id}/proposal`);
    expect(res.statusCode, res.body).toBe(200);
    const p: Proposal = res.json();
    expect(p.metadata).toMatchObject({ number: '512/UBND-VP', issuedOn: '2024-02-05', issuer: 'Ủy ban nhân dân thành phố Hải Phòng' });
    expect(p.assignments).toHaveLength(4);
    const [a, b, c, d] = p.assignments;
    expect(a!.lead).toMatchObject({ kind: 'unit', unit: { id: await unit('HP.STTTT') } });
    expect(a!.coordinators).toEqual([expect.objectContaining({ kind: 'unit', unit: expect.objectContaining({ id: await unit('HP.STC') }) })]);
    expect(a!.deadline).toBe('2024-03-15');
    expect(b!.lead.unit?.id).toBe(await unit('HP.SNV'));
    expect(b!.deadline).toBe('2024-04-30');
    // A group shows the members it will expand to: the 15 districts of 2024.
    expect(c!.lead).toMatchObject({ kind: 'group', group: 'all_districts' });
    expect(c!.lead.members).toHaveLength(15);
    expect(c!.deadline).toBe('2024-06-30');
    expect(d!.recurrence).toBe('monthly');
    // The offsets point into the stored text, so the screen can highlight the sentence.
    const body: string = (await call(s.app, coord, 'GET', `/api/documents/${doc.id}`)).json().document.body;
    expect(body.slice(b!.source.start, b!.source.end)).toContain('Sở Nội vụ khẩn trương rà soát');
    expect(await countTasks()).toBe(0);
  });

  it('matches units valid on the document date: after the 2025 merger Sở TT&TT is no longer a unit', async () => {
    const text = CONG_VAN.replace('ngày 05 tháng 02 năm 2024', 'ngày 05 tháng 02 năm 2026').replace('15/3/2024', '15/3/2026');
    const doc = (await call(s.app, coord, 'POST', '/api/documents', { text })).json();
    s.clock.now = new Date('2026-03-01T03:00:00Z');
    try {
      // Sessions expire after inactivity on the server's clock: log in again after moving it.
      const later = await login(s.app, 'dieuphoi');
      const p: Proposal = (await call(s.app, later, 'POST', `/api/documents/${doc.id}/proposal`)).json();
      expect(p.assignments[0]!.lead.kind).toBe('unknown');
      expect(p.assignments[2]!.lead.members).toHaveLength(0);
    } finally {
      s.clock.now = new Date('2024-05-20T03:00:00Z');
      coord = await login(s.app, 'dieuphoi');
    }
  });

  it('confirms the reviewed proposal in one transaction, expanding the group to one task per district', async () => {
    const doc = (await call(s.app, coord, 'POST', '/api/documents', { text: CONG_VAN })).json();
    const p: Proposal = (await call(s.app, coord, 'POST', `/api/documents/${doc.id}/proposal`)).json();
    const before = await countTasks();
    const assignments = p.assignments.map((a) => ({
      title: a.task,
      lead: a.lead.kind === 'group' ? { group: a.lead.group, text: a.lead.text } : { unitId: a.lead.unit!.id },
      coordinatorUnitIds: a.coordinators.filter((c) => c.kind === 'unit').map((c) => c.unit!.id),
      deadline: a.deadline,
      deadlineText: a.deadlineText,
      recurrence: a.recurrence,
      sourceStart: a.source.start,
      sourceEnd: a.source.end,
    }));
    // The reviewer corrects the summary and drops one district from the group.
    (assignments[2]!.lead as { excludeUnitIds?: string[] }).excludeUnitIds = [await unit('HP.H.BACHLONGVI')];
    const res = await call(s.app, coord, 'POST', `/api/documents/${doc.id}/confirm`, { version: doc.version, metadata: { summary: 'V/v triển khai nền tảng số dùng chung của thành phố năm 2024' }, assignments });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().created).toBe(1 + 1 + 14 + 1);
    expect(await countTasks()).toBe(before + 17);
    const lechan = (await call(s.app, coord, 'GET', `/api/tasks?documentId=${doc.id}&leadUnitId=${await unit('HP.Q.LECHAN')}`)).json();
    expect(lechan.items).toHaveLength(1);
    expect(lechan.items[0]).toMatchObject({ leadGroupText: 'Ủy ban nhân dân các quận, huyện', deadline: '2024-06-30', originalDeadline: '2024-06-30', assignedOn: '2024-02-05' });
    expect(lechan.items[0].source.text).toMatch(/cập nhật dữ liệu hộ tịch/);
    const sttt = (await call(s.app, coord, 'GET', `/api/tasks?documentId=${doc.id}&leadUnitId=${await unit('HP.STTTT')}`)).json().items[0];
    expect(sttt.coordinators.map((c: { name: string }) => c.name)).toEqual(['Sở Tài chính']);
    const vp = (await call(s.app, coord, 'GET', `/api/tasks?documentId=${doc.id}&leadUnitId=${await unit('HP.VPUBND')}`)).json().items[0];
    expect(vp.recurrence).toBe('monthly');
    const detail = (await call(s.app, coord, 'GET', `/api/tasks/${vp.id}`)).json();
    expect(detail.occurrences.length).toBeGreaterThanOrEqual(10);
    const after = (await call(s.app, coord, 'GET', `/api/documents/${doc.id}`)).json();
    expect(after.document).toMatchObject({ summary: 'V/v triển khai nền tảng số dùng chung của thành phố năm 2024', taskCount: 17 });
    expect(after.document.confirmedAt).toBeTruthy();
    // A second confirmation from the same version is refused; nothing is duplicated.
    const again = await call(s.app, coord, 'POST', `/api/documents/${doc.id}/confirm`, { version: doc.version, assignments });
    expect(again.statusCode).toBe(409);
    expect(await countTasks()).toBe(before + 17);
  });

  it('writes nothing when one assignment is wrong (a unit that did not exist on the document date)', async () => {
    // Another number: the directive in CONG_VAN is already confirmed above, and a second
    // confirmation of one directive is refused before its assignments are read (issue 9).
    const doc = (await call(s.app, coord, 'POST', '/api/documents', { text: CONG_VAN, number: '513/UBND-VP' })).json();
    const before = await countTasks();
    const res = await call(s.app, coord, 'POST', `/api/documents/${doc.id}/confirm`, {
      version: doc.version,
      assignments: [
        { title: 'Việc hợp lệ', lead: { unitId: await unit('HP.SNV') } },
        { title: 'Việc giao cho sở chưa thành lập', lead: { unitId: await unit('HP.SNNMT') } },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Nhiệm vụ 2: .*không còn hoạt động|Nhiệm vụ 2/);
    expect(await countTasks()).toBe(before);
    const unchanged = (await call(s.app, coord, 'GET', `/api/documents/${doc.id}`)).json().document;
    expect(unchanged.version).toBe(doc.version);
    const related = await call(s.app, coord, 'POST', `/api/documents/${doc.id}/confirm`, { version: doc.version, assignments: [{ title: 'Việc', lead: { group: 'related_agencies', text: 'các cơ quan liên quan' } }] });
    expect(related.statusCode).toBe(400);
    expect(related.json().error.message).toMatch(/hãy chọn đơn vị chủ trì/);
  });

  it('registers an uploaded .docx and .txt, and refuses other formats', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: CONG_VAN.split('\n').map((l) => new Paragraph(l)) }] }));
    const res = await upload(coord, '/api/documents/upload', multipart('cong-van-512.docx', Buffer.from(docx)));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ number: '512/UBND-VP', issuedOn: '2024-02-05', file: { name: 'cong-van-512.docx' } });
    const p: Proposal = (await call(s.app, coord, 'POST', `/api/documents/${res.json().id}/proposal`)).json();
    expect(p.assignments.map((a) => a.deadline)).toEqual(['2024-03-15', '2024-04-30', '2024-06-30', null]);
    const txt = await upload(coord, '/api/documents/upload', multipart('cv.txt', Buffer.from(`\uFEFF${CONG_VAN.normalize('NFD')}`, 'utf8')));
    expect(txt.statusCode, txt.body).toBe(201);
    expect(txt.json().signer).toBe('Trần Văn Minh');
    const exe = await upload(coord, '/api/documents/upload', multipart('virus.exe', Buffer.from('MZ')));
    expect(exe.statusCode).toBe(415);
    const officer = await login(s.app, 'canbo.lechan');
    expect((await upload(officer, '/api/documents/upload', multipart('cv.txt', Buffer.from(CONG_VAN)))).statusCode).toBe(403);
  });

  it.skipIf(!hasChromium)('reads the text layer of a PDF printed by a browser', async () => {
    const browser = await launchBrowser();
    let pdf: Buffer;
    try {
      const page = await browser.newPage();
      const html = CONG_VAN.split('\n').map((l) => `<p style="margin:0">${l.replace(/&/g, '&amp;').replace(/</g, '&lt;') || '&nbsp;'}</p>`).join('');
      await page.setContent(`<html><body style="font-family: serif; font-size: 13pt">${html}</body></html>`);
      pdf = await page.pdf({ format: 'A4' });
    } finally {
      await browser.close();
    }
    const res = await upload(coord, '/api/documents/upload', multipart('cv.pdf', pdf, {}, 'application/pdf'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ number: '512/UBND-VP', issuedOn: '2024-02-05' });
    const p: Proposal = (await call(s.app, coord, 'POST', `/api/documents/${res.json().id}/proposal`)).json();
    expect(p.assignments[1]!.lead.unit?.id).toBe(await unit('HP.SNV'));
  });

  it('lets everyone read directives but only the coordinator register and confirm them', async () => {
    const leader = await login(s.app, 'lanhdao');
    expect((await call(s.app, leader, 'GET', '/api/documents')).statusCode).toBe(200);
    expect((await call(s.app, leader, 'POST', '/api/documents', { text: CONG_VAN })).statusCode).toBe(403);
  });
});
