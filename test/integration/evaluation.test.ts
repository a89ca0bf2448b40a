import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../src/core/text/fold';
import { seedDemoEvaluation } from '../../src/demo/demo-evaluation';
import mammoth from 'mammoth';
import { refresherFor } from '../../src/server/modules/dashboard/refresh';
import type { TEvaluationPanelPayload } from '../../src/contracts/dashboard';
import type { LetterView, RunSummary, RunView } from '../../src/contracts/evaluation';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

interface Gold {
  ghi_nhan: string[];
  rut_kinh_nghiem: string[];
  phe_binh: string[];
}

const GOLD_FILE = join(import.meta.dirname, '../../../shared/eval/seeds-gold.json');

/** The three lists of seed 000 (Công văn 139/UBND-KSTTHC): the repository's copy of the hand-checked gold. */
function goldLists(): Gold {
  const { ghi_nhan, rut_kinh_nghiem, phe_binh } = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/evaluation-2022.json'), 'utf8')) as Gold;
  return { ghi_nhan, rut_kinh_nghiem, phe_binh };
}

it.skipIf(!existsSync(GOLD_FILE))('keeps its copy of the 2022 lists in step with seeds-gold.json', () => {
  const gold = JSON.parse(readFileSync(GOLD_FILE, 'utf8')) as { documents: Array<{ file: string; evaluation?: Gold }> };
  expect(gold.documents.find((d) => d.file.startsWith('000_'))!.evaluation).toEqual(goldLists());
});

/** A name as the letter writes it → the unit in force in 2022 (by folded name or alias). */
async function unitOfName(s: TestServer, name: string): Promise<{ id: string; name: string }> {
  const folded = foldVietnamese(name);
  const rows = await s.db.query<{ id: string; name: string }>(
    `select distinct u.id, u.name from units u left join unit_aliases a on a.unit_id = u.id
      where (u.name_folded = $1 or a.alias_folded = $1) and u.valid_from <= '2022-12-31' and (u.valid_to is null or u.valid_to >= '2022-01-01')`,
    [folded],
  );
  expect(rows, name).toHaveLength(1);
  return rows[0]!;
}

/** The visible text of a .docx: its document.xml paragraphs, one line each. */
async function docxText(buf: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: buf })).value;
}

describe.each(ENGINES)('unit evaluation and the letter (%s)', (engine) => {
  let s: TestServer;
  let coordinator: Session;
  let officer: Session;
  let leader: Session;
  let runId: string;

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    s.clock.now = new Date('2023-01-10T02:00:00Z');
    runId = await seedDemoEvaluation(s.db, () => s.clock.now);
    coordinator = await login(s.app, 'dieuphoi');
    officer = await login(s.app, 'canbo.lechan');
    leader = await login(s.app, 'lanhdao');
  });
  afterAll(async () => s?.close());

  it('classes the units of 2022 exactly as Công văn 139/UBND-KSTTHC does', async () => {
    const gold = goldLists();
    const res = await call(s.app, leader, 'GET', `/api/evaluation/runs/${runId}`);
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json() as RunView;
    expect(run.period).toBe('2022');
    const classOf = new Map(run.results.map((r) => [r.unitId, r.class]));
    for (const [cls, names] of Object.entries(gold) as Array<[keyof Gold, string[]]>) {
      for (const name of names) {
        const unit = await unitOfName(s, name);
        expect(classOf.get(unit.id), `${name} should be ${cls}`).toBe(cls);
      }
    }
    // The run's scope is the 22 units the letter rates, and nothing else is classed.
    expect(run.counts).toEqual({ ghi_nhan: 6, rut_kinh_nghiem: 9, phe_binh: 7, unclassed: 0 });
    expect(run.results).toHaveLength(22);
    expect(run.results.map((r) => r.rank)).toEqual(run.results.map((_, i) => i + 1));
    // Ranks follow scores: every ghi nhận above every rút kinh nghiệm above every phê bình.
    const order = run.results.map((r) => ['ghi_nhan', 'rut_kinh_nghiem', 'phe_binh'].indexOf(r.class!));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('shows a unit officer every component of every unit, and the total is their sum', async () => {
    const res = await call(s.app, officer, 'GET', `/api/evaluation/runs/${runId}`);
    expect(res.statusCode).toBe(200);
    const run = res.json() as RunView;
    expect(run.tieRule).toContain('tỷ lệ nhiệm vụ hoàn thành đúng hạn cao hơn');
    const tttt = run.results.find((r) => r.unitName === 'Sở Thông tin và Truyền thông')!;
    expect(tttt.class).toBe('phe_binh');
    expect(tttt.components.map((c) => c.code)).toEqual(['on_time_rate', 'disbursement_rate', 'overdue_tasks', 'report_timeliness', 'indicator_achievement']);
    for (const r of run.results.filter((x) => x.score !== null)) {
      const sum = r.components.reduce((acc, c) => acc + Math.round(c.points * 100), 0) / 100;
      expect(r.total, r.unitName).toBeCloseTo(sum, 6);
      for (const c of r.components) if (c.applicable) expect(c.source, `${r.unitName} ${c.code}`).toBe('sample');
    }
    const overdue = tttt.components.find((c) => c.code === 'overdue_tasks')!;
    expect(overdue).toMatchObject({ raw: 5, points: 0, weight: 20, thresholds: { zero: 5, full: 0 } });
    expect(tttt.reason).toContain('Phê bình');
    expect((await call(s.app, officer, 'POST', '/api/evaluation/runs', { period: '2022' })).statusCode).toBe(403);
  });

  it('breaks ties by the stated rule: on-time rate, then fewer overdue tasks, then the name', async () => {
    const id = async (code: string) => (await s.db.query<{ id: string }>('select id from units where code = $1', [code]))[0]!.id;
    const [a, b, c, d, e, f] = (await Promise.all(['HP.SNV', 'HP.SYT', 'HP.SXD', 'HP.SCT', 'HP.STC', 'HP.STP'].map(id))) as [string, string, string, string, string, string];
    const m = (unitId: string, values: Record<string, number>) => Object.entries(values).map(([code, value]) => ({ unitId, code, value }));
    const measures = [
      // 18 + 15 = 33 of 45 points and 24 + 9 = 33 of 45: same score, Sở Y tế finishes more on time.
      ...m(a, { on_time_rate: 80, report_timeliness: 100 }),
      ...m(b, { on_time_rate: 90, report_timeliness: 80 }),
      // 24 + 16 + 12.5 and 24 + 12 + 16.5 = 52.5 of 75: same score and on-time rate, Sở Xây dựng has fewer overdue.
      ...m(c, { on_time_rate: 90, overdue_tasks: 1, disbursement_rate: 45 }),
      ...m(d, { on_time_rate: 90, overdue_tasks: 2, disbursement_rate: 59.4 }),
      // Identical: Vietnamese alphabetical order (Tài before Tư).
      ...m(f, { on_time_rate: 70, overdue_tasks: 1 }),
      ...m(e, { on_time_rate: 70, overdue_tasks: 1 }),
    ];
    const put = await call(s.app, coordinator, 'PUT', '/api/evaluation/measures', { period: '2031', measures });
    expect(put.statusCode, put.body).toBe(200);
    const ranks = async () => {
      const res = await call(s.app, coordinator, 'POST', '/api/evaluation/runs', { period: '2031' });
      expect(res.statusCode, res.body).toBe(201);
      const run = res.json() as RunView;
      return new Map(run.results.map((r) => [r.unitId, r]));
    };
    const first = await ranks();
    expect(first.get(a)!.score).toBe(first.get(b)!.score);
    expect(first.get(b)!.rank).toBe(first.get(a)!.rank - 1);
    expect(first.get(c)!.score).toBe(first.get(d)!.score);
    expect(first.get(c)!.rank).toBe(first.get(d)!.rank - 1);
    expect(first.get(e)!.score).toBe(first.get(f)!.score);
    expect(first.get(e)!.rank).toBe(first.get(f)!.rank - 1);
    const second = await ranks();
    for (const [unit, r] of first) expect(second.get(unit)!.rank).toBe(r.rank);
  });

  it('drafts the letter in NĐ 30 form, keeps the coordinator’s edits, and generates a .docx with the three lists', async () => {
    const gold = goldLists();
    const draftRes = await call(s.app, coordinator, 'GET', `/api/evaluation/runs/${runId}/letter`);
    expect(draftRes.statusCode).toBe(200);
    const letter = draftRes.json() as LetterView;
    expect(letter.version).toBe(0);
    expect(letter.draft.ghiNhan.units).toHaveLength(6);
    expect(letter.draft.rutKinhNghiem.units).toHaveLength(9);
    expect(letter.draft.pheBinh.units).toHaveLength(7);
    expect(letter.draft.rutKinhNghiem.intro).toContain('giải ngân');

    const edited = {
      ...letter.draft,
      subject: 'chấn chỉnh công tác triển khai nhiệm vụ chuyển đổi số năm 2022 và triển khai năm 2023',
      instructions: [...letter.draft.instructions, { text: 'Các đơn vị cập nhật tiến độ nhiệm vụ trên Hải Đăng', deadline: '2023-02-10', deadlineText: null }],
      signer: { ...letter.draft.signer, name: 'Nguyễn Văn Tùng' },
    };
    expect((await call(s.app, officer, 'PUT', `/api/evaluation/runs/${runId}/letter`, { version: 0, draft: edited })).statusCode).toBe(403);
    const saved = await call(s.app, coordinator, 'PUT', `/api/evaluation/runs/${runId}/letter`, { version: 0, draft: edited });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(1);
    const stale = await call(s.app, coordinator, 'PUT', `/api/evaluation/runs/${runId}/letter`, { version: 0, draft: edited });
    expect(stale.statusCode).toBe(409);

    const res = await call(s.app, coordinator, 'GET', `/api/evaluation/runs/${runId}/letter.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(res.rawPayload);
    for (const heading of ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HẢI PHÒNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Kính gửi:', 'Nơi nhận:', 'CHỦ TỊCH', 'Nguyễn Văn Tùng']) {
      expect(text, heading).toContain(heading);
    }
    expect(text).toMatch(/Số:\s+\/UBND-KSTTHC/);
    expect(text).toContain('Hải Phòng, ngày\u00a0…\u00a0tháng\u00a0…\u00a0năm\u00a0…');
    expect(text).toContain('V/v chấn chỉnh công tác triển khai nhiệm vụ chuyển đổi số năm 2022 và triển khai năm 2023');
    expect(text).toContain('Các đơn vị cập nhật tiến độ nhiệm vụ trên Hải Đăng trước ngày 10/02/2023.');
    expect(text).toContain('trong tháng 02/2023');

    // Each list in its own numbered section, in the letter's order.
    const ghi = text.indexOf('1. Ghi nhận');
    const rut = text.indexOf('2. Yêu cầu các đơn vị sau nghiêm túc rút kinh nghiệm');
    const phe = text.indexOf('3. Phê bình');
    expect(ghi).toBeGreaterThan(0);
    expect(rut).toBeGreaterThan(ghi);
    expect(phe).toBeGreaterThan(rut);
    const sections: Record<keyof Gold, [number, number]> = { ghi_nhan: [ghi, rut], rut_kinh_nghiem: [rut, phe], phe_binh: [phe, text.indexOf('4. ')] };
    for (const [cls, names] of Object.entries(gold) as Array<[keyof Gold, string[]]>) {
      const [from, to] = sections[cls];
      const part = text.slice(from, to);
      for (const name of names) expect(part, `${name} in ${cls}`).toContain(`- ${(await unitOfName(s, name)).name} (`);
    }
    const exported = await s.db.query(`select 1 from audit_log where entity = 'evaluation_letter' and action = 'export'`);
    expect(exported.length).toBe(1);
  });

  it('keeps criteria as versioned data, refusing bad thresholds and stale edits', async () => {
    const rules = (await call(s.app, officer, 'GET', '/api/evaluation/rules')).json() as { criteria: Array<{ id: string; code: string; version: number; sample: boolean }> };
    expect(rules.criteria.map((c) => c.code).sort()).toEqual(['disbursement_rate', 'indicator_achievement', 'on_time_rate', 'overdue_tasks', 'report_timeliness']);
    const body = { code: 'on_time_rate', name: 'Tỷ lệ nhiệm vụ hoàn thành đúng hạn', weight: 40, direction: 'higher_better', unit: 'percent', thresholds: { zero: 60, full: 100 }, validFrom: '2032-01-01' };
    expect((await call(s.app, officer, 'POST', '/api/evaluation/criteria', body)).statusCode).toBe(403);
    const bad = await call(s.app, coordinator, 'POST', '/api/evaluation/criteria', { ...body, thresholds: { zero: 100, full: 60 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('ngưỡng đạt điểm tối đa phải lớn hơn ngưỡng 0 điểm');
    const created = await call(s.app, coordinator, 'POST', '/api/evaluation/criteria', body);
    expect(created.statusCode, created.body).toBe(201);
    const old = rules.criteria.find((c) => c.code === 'on_time_rate')!;
    const patched = await call(s.app, coordinator, 'PATCH', `/api/evaluation/criteria/${old.id}`, { version: old.version, validTo: '2031-12-31' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await call(s.app, coordinator, 'PATCH', `/api/evaluation/criteria/${old.id}`, { version: old.version, weight: 35 })).statusCode).toBe(409);
    // The 2022 run keeps the criteria it was computed with.
    const run = (await call(s.app, leader, 'GET', `/api/evaluation/runs/${runId}`)).json() as RunView;
    expect(run.criteria.find((c) => c.code === 'on_time_rate')!.weight).toBe(30);
  });

  it('lists runs, audits them, and feeds the dashboard’s evaluation panel', async () => {
    const runs = (await call(s.app, leader, 'GET', '/api/evaluation/runs?period=2022')).json() as RunSummary[];
    expect(runs.map((r) => r.id)).toContain(runId);
    const audited = await s.db.query(`select 1 from audit_log where entity = 'evaluation_run' and entity_id = $1`, [runId]);
    expect(audited.length).toBe(1);
    await refresherFor(s.deps).flush();
    const d = (await call(s.app, leader, 'GET', '/api/dashboard?year=2022')).json();
    const panel = d.panels.evaluation.payload as TEvaluationPanelPayload;
    expect(panel.counts).toMatchObject({ ghi_nhan: 6, rut_kinh_nghiem: 9, phe_binh: 7 });
    expect(d.panels.evaluation.link).toBe(`/evaluation?run=${runId}`);
    const xlsx = await call(s.app, leader, 'GET', `/api/evaluation/runs/${runId}/xlsx`);
    expect(xlsx.statusCode).toBe(200);
  });
});
