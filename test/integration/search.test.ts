import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

type Group = { kind: string; total: number; items: Array<{ id: string; title: string; detail: string | null }> };

describe.each(ENGINES)('one search box on %s', (engine) => {
  let s: TestServer;
  let coord: Session;
  let officer: Session;
  const ids: Record<string, string> = {};

  const search = async (sess: Session, q: string, limit?: number): Promise<Record<string, Group>> => {
    const res = await call(s.app, sess, 'GET', `/api/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries((res.json().groups as Group[]).map((g) => [g.kind, g]));
  };
  const created = async (url: string, body: unknown): Promise<string> => {
    const res = await call(s.app, coord, 'POST', url, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    coord = await login(s.app, 'dieuphoi');
    officer = await login(s.app, 'canbo.lechan');
    for (const code of ['HP.Q.LECHAN', 'HP.STC']) ids[code] = (await s.db.query<{ id: string }>('select id from units where code = $1', [code]))[0]!.id;
    ids.own = await created('/api/tasks', { title: 'Số hoá sổ hộ tịch lưu trữ của quận', leadUnitId: ids['HP.Q.LECHAN'], assignedOn: '2025-03-01', deadline: '2025-06-30' });
    ids.other = await created('/api/tasks', { title: 'Nâng cấp trung tâm dữ liệu thành phố', leadUnitId: ids['HP.STC'], deadline: '2026-12-31' });
    for (let i = 1; i <= 7; i += 1) await created('/api/tasks', { title: `Đào tạo kỹ năng số đợt ${i}`, leadUnitId: ids['HP.STC'] });
    ids.project = await created('/api/projects', { unitId: ids['HP.Q.LECHAN'], name: 'Phần mềm quản lý hộ tịch điện tử', kind: 'recurrent_activity', fiscalYear: 2024, fundingSource: 'recurrent', estimate: 500_000_000, startedOn: '2024-03-01' });
    ids.otherProject = await created('/api/projects', { unitId: ids['HP.STC'], name: 'Nâng cấp trung tâm dữ liệu dự phòng', kind: 'recurrent_activity', fiscalYear: 2026, fundingSource: 'recurrent', estimate: 900_000_000, startedOn: '2026-03-01' });
    const doc = await call(s.app, coord, 'POST', '/api/documents', { text: 'Công văn số 17/UBND-VX về việc đẩy mạnh số hoá hộ tịch: giao UBND các quận rà soát trước ngày 30/6/2026.', summary: 'Về việc đẩy mạnh số hoá hộ tịch' });
    expect(doc.statusCode, doc.body).toBe(201);
    ids.document = doc.json().id;
    const catalogue = await created('/api/indicator-catalogues', { code: 'TK.SEARCH', name: 'Bộ chỉ số thử tìm kiếm', validFrom: '2022-01-01' });
    ids.indicator = await created('/api/indicators', { catalogueId: catalogue, code: 'TK_HOTICH', name: 'Tỷ lệ hồ sơ hộ tịch được số hoá', pillar: 'government', kind: 'raw', unitOfMeasure: '%', unitRule: 'mean', timeRule: 'last', direction: 'higher_better', periodicity: 'year', sourceAgency: 'Sở Tư pháp', validFrom: '2022-01-01' });
  });
  afterAll(async () => s?.close());

  it('finds every kind without diacritics, grouped, with what to show', async () => {
    const g = await search(coord, 'ho tich');
    expect(Object.keys(g)).toEqual(['task', 'document', 'project', 'indicator', 'unit']);
    expect(g.task!.items.map((x) => x.id)).toEqual([ids.own]);
    expect(g.task!.items[0]!.detail).toBe('Ủy ban nhân dân quận Lê Chân · hạn 30/06/2025');
    expect(g.document!.items.map((x) => x.id)).toContain(ids.document);
    expect(g.project!.items.map((x) => x.id)).toEqual([ids.project]);
    expect(g.indicator!.items.map((x) => x.id)).toEqual([ids.indicator]);
    // Typed with diacritics, in decomposed form (a Mac keyboard), and in capitals: the same.
    expect((await search(coord, 'HỘ TỊCH'.normalize('NFD'))).task!.items.map((x) => x.id)).toEqual([ids.own]);
    expect((await search(coord, 'so tai chinh')).unit!.items[0]!.title).toBe('Sở Tài chính');
  });

  it('says how many match beyond the first few, and treats % and _ as letters', async () => {
    const g = await search(coord, 'dao tao ky nang so', 5);
    expect(g.task).toMatchObject({ total: 7 });
    expect(g.task!.items).toHaveLength(5);
    expect((await search(coord, '100%')).task!.total).toBe(0);
  });

  it('shows a unit officer only the tasks and projects of their own units', async () => {
    const mine = await search(officer, 'ho tich');
    expect(mine.task!.items.map((x) => x.id)).toEqual([ids.own]);
    expect(mine.project!.items.map((x) => x.id)).toEqual([ids.project]);
    const theirs = await search(officer, 'trung tam du lieu');
    expect(theirs.task).toMatchObject({ total: 0, items: [] });
    expect(theirs.project).toMatchObject({ total: 0, items: [] });
    expect((await search(coord, 'trung tam du lieu')).task!.items.map((x) => x.id)).toEqual([ids.other]);
  });

  it('asks for two letters at least, in Vietnamese', async () => {
    const res = await call(s.app, coord, 'GET', '/api/search?q=a');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Hãy gõ ít nhất 2 ký tự');
    expect((await call(s.app, null, 'GET', '/api/search?q=ho+tich')).statusCode).toBe(401);
  });
});
