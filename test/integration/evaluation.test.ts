import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../src/core/text/fold';
import { seedDemoEvaluation } from '../../src/demo/demo-evaluation';
import { seedDemoProjects } from '../../src/demo/demo-projects';
import { seedDemoTasks } from '../../src/demo/demo-tasks';
import { vnToday } from '../../src/core/calendar/timestamps';
import { formatDong } from '../../src/core/projects/money';
import { formatPercent } from '../../src/core/format/number';
import type { TBudgetTree } from '../../src/contracts/budget';
import type { TTaskSummary } from '../../src/contracts/tasks';
import mammoth from 'mammoth';
import { refresherFor } from '../../src/server/modules/dashboard/refresh';
import type { TEvaluationPanelPayload } from '../../src/contracts/dashboard';
import type { LetterView, RulesView, RunSummary, RunView } from '../../src/contracts/evaluation';
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
    // The round reads the demo's own 2022 tasks and budget, seeded as the demo is (today's clock):
    // nothing else feeds it. The letter is then drafted in January 2023.
    await seedDemoTasks(s.db, s.clock.now);
    expect(await seedDemoProjects(s.db, vnToday(s.clock.now))).toBe(true);
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

  it('every figure in a unit’s reason is what the budget and task screens show for that unit', async () => {
    const run = (await call(s.app, officer, 'GET', `/api/evaluation/runs/${runId}`)).json() as RunView;
    expect(run.ruleSet.code).toBe('cv139-2022');
    expect(run.ruleSet.source).toContain('139/UBND-KSTTHC');
    const budget = (await call(s.app, leader, 'GET', '/api/budget/2022')).json() as TBudgetTree;
    const byUnit = new Map(budget.units.map((u) => [u.unitId, u]));
    for (const r of run.results) {
      const raw = (code: string) => r.components.find((c) => c.code === code)?.raw;
      const b = byUnit.get(r.unitId)!;
      expect(b, r.unitName).toBeDefined();
      expect(raw('funded_tasks'), r.unitName).toBe(b.count);
      expect(raw('allocated_amount'), r.unitName).toBe(b.allocated);
      expect(raw('disbursed_amount'), r.unitName).toBe(b.disbursed);
      expect(raw('carried_over_amount'), r.unitName).toBe(b.carriedOver);
      expect(raw('cancelled_amount'), r.unitName).toBe(b.cancelled);
      for (const amount of [b.disbursed, b.carriedOver, b.cancelled]) expect(r.reason, r.unitName).toContain(formatDong(BigInt(amount)));
      const q = new URLSearchParams({ from: '2022-01-01', to: '2022-12-31', asOf: '2022-12-31', leadUnitId: r.unitId });
      const tasks = (await call(s.app, leader, 'GET', `/api/tasks/summary?${q}`)).json() as TTaskSummary;
      const counts = tasks.byUnit.find((u) => u.unitId === r.unitId)!.counts;
      expect(raw('overdue_tasks'), r.unitName).toBe(counts.overdue);
      expect(raw('on_time_rate') ?? null, r.unitName).toBe(counts.onTimeRate.percent);
      if (counts.onTimeRate.percent !== null) {
        expect(r.reason).toContain(`${formatPercent(counts.onTimeRate.percent)} (${counts.onTimeRate.numerator}/${counts.onTimeRate.denominator} nhiệm vụ`);
      }
    }
    // The letter's grounds, unit by unit, as the budget shows them.
    const syt = run.results.find((r) => r.unitName === 'Sở Y tế')!;
    expect(syt.class).toBe('phe_binh');
    expect(syt.reason).toContain('Huỷ nguồn: 40.000.000.000 đồng');
    expect(syt.reason).toContain('Đã giải ngân: 0 đồng');
    const snv = run.results.find((r) => r.unitName === 'Sở Nội vụ')!;
    expect(snv.reason).toContain('Đã giải ngân: 4.500.000.000 đồng');
    expect(snv.ground).toContain('hoàn thành nhiệm vụ');
    expect((await call(s.app, officer, 'POST', '/api/evaluation/runs', { period: '2022' })).statusCode).toBe(403);
  });

  it('has no way to replace a computed figure: the override routes are gone', async () => {
    expect((await call(s.app, coordinator, 'PUT', '/api/evaluation/measures', { period: '2022', measures: [{ unitId: '00000000-0000-4000-8000-000000000000', code: 'on_time_rate', value: 100 }] })).statusCode).toBe(404);
    expect((await call(s.app, coordinator, 'GET', '/api/evaluation/measures?period=2022')).statusCode).toBe(404);
  });

  it('evaluates communes and wards in a round of their own, under the rule set of their level', async () => {
    const wrong = await call(s.app, coordinator, 'POST', '/api/evaluation/runs', { period: '2026', unitLevel: 'city', unitKinds: ['commune'] });
    expect(wrong.statusCode).toBe(400);
    const res = await call(s.app, coordinator, 'POST', '/api/evaluation/runs', { period: '2026', unitLevel: 'commune' });
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json() as RunView;
    expect(run.unitLevel).toBe('commune');
    expect(run.ruleSet.code).toBe('mau-cap-xa');
    expect(run.results.length).toBeGreaterThan(0);
    expect(new Set(run.results.map((r) => r.unitKind))).toEqual(new Set(['commune']));
    // Before the two-level government there is no commune rule set in force: said, not guessed.
    const early = await call(s.app, coordinator, 'POST', '/api/evaluation/runs', { period: '2024', unitLevel: 'commune' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('cấp xã');
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
    expect(letter.draft.rutKinhNghiem.intro).toContain('không giải ngân được, phải chuyển nguồn');
    expect(letter.draft.pheBinh.intro).toContain('huỷ nguồn');

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

  it('keeps rule sets as versioned data, refusing rules on measures they do not define', async () => {
    const rules = (await call(s.app, officer, 'GET', '/api/evaluation/rules')).json() as RulesView;
    expect(rules.ruleSets.map((r) => [r.code, r.unitLevel, r.inForce])).toEqual(expect.arrayContaining([['cv139-2022', 'city', true], ['mau-cap-xa', 'commune', false]])); // today is 10/01/2023: the commune set starts 01/07/2025
    const cv139 = rules.ruleSets.find((r) => r.code === 'cv139-2022')!;
    const { id: _id, inForce: _f, ...body } = cv139;
    const next = { ...body, validFrom: '2032-01-01', rankBy: [{ measure: 'on_time_rate', direction: 'higher_better' }] };
    expect((await call(s.app, officer, 'POST', '/api/evaluation/rule-sets', next)).statusCode).toBe(403);
    const bad = await call(s.app, coordinator, 'POST', '/api/evaluation/rule-sets', { ...next, classRules: [{ class: 'ghi_nhan', ground: 'thử', all: [{ measure: 'khong_co', op: '>', value: 0 }] }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('khong_co');
    const created = await call(s.app, coordinator, 'POST', '/api/evaluation/rule-sets', next);
    expect(created.statusCode, created.body).toBe(201);
    expect((await call(s.app, coordinator, 'POST', '/api/evaluation/rule-sets', next)).statusCode).toBe(409);
    // The 2022 run keeps the rule set it was computed with.
    const run = (await call(s.app, leader, 'GET', `/api/evaluation/runs/${runId}`)).json() as RunView;
    expect(run.ruleSet.rankBy.map((k) => k.measure)).toEqual(['disbursement_rate', 'on_time_rate', 'overdue_tasks']);
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
    // The IOC's 2022 disbursement rate: 20 of 397 tỷ = 5,04 % (an integer division once showed 5,03 %).
    expect(d.panels.budget.payload.disbursementRate).toBe(5.04);
    const xlsx = await call(s.app, leader, 'GET', `/api/evaluation/runs/${runId}/xlsx`);
    expect(xlsx.statusCode).toBe(200);
  });
});
