import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZGoldExport, ZProposal, type TProposal } from '../../src/contracts/documents';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

/** An invented công văn (not a seed): three readable items, one the reader cannot read, one body outside the registry. */
const CONG_VAN = `ỦY BAN NHÂN DÂN
THÀNH PHỐ HẢI PHÒNG
Số: 640/UBND-VP
V/v dữ liệu dùng chung năm 2024
Hải Phòng, ngày 06 tháng 3 năm 2024

Kính gửi:
- Các Sở, ban, ngành thành phố;
- Ủy ban nhân dân các quận, huyện.

Ủy ban nhân dân thành phố có ý kiến như sau:

1. Giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Tài chính hoàn thiện phương án kết nối kho dữ liệu dùng chung, báo cáo trước ngày 15/4/2024.

2. Sở Nội vụ khẩn trương rà soát quy chế tiếp nhận hồ sơ trực tuyến, hoàn thành trong tháng 4/2024.

3. Về dữ liệu hộ tịch, rất cần sớm hoàn thành việc cập nhật lên nền tảng dùng chung tại Sở Tư pháp trước ngày 30/4/2024.

4. Giao Công ty Cổ phần Cấp nước Hải Phòng phối hợp lắp đặt đồng hồ nước thông minh, hoàn thành trong quý II/2024.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Văn Minh
`;

describe.each(ENGINES)('the clerk sees what the reader could not read, and the corrections are kept, on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  const unit = async (name: string) => (await s.db.query<{ id: string }>('select id from units where name = $1 and valid_to is null', [name]))[0]!.id;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    s.clock.now = new Date('2024-03-20T03:00:00Z');
    coord = await login(s.app, 'dieuphoi');
  });
  afterAll(async () => s?.close());

  it('proposes each assignment with its confidence and why, an unknown body as not in the registry, and the unread sentence', async () => {
    const doc = (await call(s.app, coord, 'POST', '/api/documents', { text: CONG_VAN })).json();
    const res = await call(s.app, coord, 'POST', `/api/documents/${doc.id}/proposal`);
    expect(res.statusCode, res.body).toBe(200);
    const p: TProposal = ZProposal.parse(res.json());
    expect(p.assignments.map((a) => [a.lead.kind, a.lead.text, a.confidence])).toEqual([
      ['unit', 'Sở Thông tin và Truyền thông', 'high'],
      ['unit', 'Sở Nội vụ', 'medium'],
      ['unknown', 'Công ty Cổ phần Cấp nước Hải Phòng', 'high'],
    ]);
    expect(p.assignments[0]!.why).toContain('giao');
    expect(p.unmatched).toBe(1);
    expect(p.unread).toHaveLength(1);
    expect(p.unread[0]!.source.text).toContain('cập nhật lên nền tảng dùng chung');
    expect(p.unread[0]!.lead).toMatchObject({ kind: 'unit', unit: { name: 'Sở Tư pháp' } });
    expect(p.unread[0]!.deadline).toBe('2024-04-30');
    // The offsets point into the stored text, so the screen can highlight the sentence.
    const body: string = (await call(s.app, coord, 'GET', `/api/documents/${doc.id}`)).json().document.body;
    expect(body.slice(p.unread[0]!.source.start, p.unread[0]!.source.end)).toContain('Sở Tư pháp');
  });

  it('keeps the clerk’s corrections and exports them as gold JSON in the corpus format', async () => {
    const doc = (await call(s.app, coord, 'POST', '/api/documents', { text: CONG_VAN })).json();
    const p = ZProposal.parse((await call(s.app, coord, 'POST', `/api/documents/${doc.id}/proposal`)).json());
    const [first, second] = p.assignments;
    const unread = p.unread[0]!;
    const assignments = [
      {
        title: first!.task,
        lead: { unitId: (first!.lead as { unit: { id: string } }).unit.id },
        coordinatorUnitIds: [await unit('Sở Tài chính')],
        deadline: first!.deadline,
        deadlineText: first!.deadlineText,
        sourceStart: first!.source.start,
        sourceEnd: first!.source.end,
      },
      // The clerk corrects the lead: the regulation is the finance department's.
      { title: second!.task, lead: { unitId: await unit('Sở Tài chính') }, coordinatorUnitIds: [], deadline: second!.deadline, sourceStart: second!.source.start, sourceEnd: second!.source.end },
      // … adds the sentence the reader could not read, with what it named …
      { title: 'Cập nhật dữ liệu hộ tịch lên nền tảng dùng chung', lead: { unitId: (unread.lead as { unit: { id: string } }).unit.id }, coordinatorUnitIds: [], deadline: unread.deadline, deadlineText: unread.deadlineText, sourceStart: unread.source.start, sourceEnd: unread.source.end },
      // … and leaves out the company, which the city does not direct.
    ];
    const res = await call(s.app, coord, 'POST', `/api/documents/${doc.id}/confirm`, { version: doc.version, assignments });
    expect(res.statusCode, res.body).toBe(201);

    const gold = await call(s.app, coord, 'GET', `/api/documents/${doc.id}/gold`);
    expect(gold.statusCode, gold.body).toBe(200);
    expect(gold.headers['content-disposition']).toContain('.json');
    const exported = ZGoldExport.parse(gold.json());
    expect(exported.documents).toHaveLength(1);
    const d = exported.documents[0]!;
    expect(d.metadata).toMatchObject({ so_ky_hieu: '640/UBND-VP', ngay_ban_hanh: '2024-03-06' });
    expect(d.assignments.map((a) => [a.lead, a.deadline])).toEqual([
      ['Sở Thông tin và Truyền thông', '2024-04-15'],
      ['Sở Tài chính', '2024-04-30'],
      ['Sở Tư pháp', '2024-04-30'],
    ]);
    expect(d.assignments[0]!.coordinators).toEqual(['Sở Tài chính']);
    expect(d.assignments[2]!.task).toBe('cập nhật dữ liệu hộ tịch lên nền tảng dùng chung');
    expect(d.proposed.map((a) => a.lead)).toEqual(['Sở Thông tin và Truyền thông', 'Sở Nội vụ', 'Công ty Cổ phần Cấp nước Hải Phòng']);
    expect(d.corrections).toEqual({ added: 1, removed: 1, lead: 1, deadline: 0 });
    expect(d.text).toContain('Sở Tư pháp');

    // The collection holds every reviewed document; an unconfirmed one has nothing to export.
    const all = ZGoldExport.parse((await call(s.app, coord, 'GET', '/api/documents/gold')).json());
    expect(all.documents.map((x) => x.document_id)).toContain(doc.id);
    const fresh = (await call(s.app, coord, 'POST', '/api/documents', { text: CONG_VAN })).json();
    const none = await call(s.app, coord, 'GET', `/api/documents/${fresh.id}/gold`);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toContain('chưa được xác nhận');
  });
});
