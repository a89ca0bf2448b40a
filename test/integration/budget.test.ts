import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACTS_2022, seedDemoProjects } from '../../src/demo/demo-projects';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

const FIELDS = ['planned', 'allocated', 'disbursed', 'carriedOver', 'cancelled'] as const;
type Field = (typeof FIELDS)[number];
type Money = Record<Field, number> & { count: number; disbursementRate: number | null };
interface Summary { years: Array<{ fiscalYear: number; total: Money; bySource: Array<Money & { source: string }> }> }
interface Tree {
  total: Money;
  units: Array<Money & { unitId: string; unitName: string; projects: Array<Money & { id: string; name: string }> }>;
  check: { ok: boolean; mismatches: unknown[] };
}
interface Item { id: string; fiscalYear: number; fundingSource: string; estimate: number; allocated: number | null; disbursed: number; carriedOver: number; cancelled: number; taskIds: string[]; revisions: number; status: string; holder: { role: string; unitName: string | null } | null; overdueBy: number; name: string; sample: boolean }

const sumOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const itemField = (i: Item, f: Field): number =>
  f === 'planned' ? i.estimate : f === 'allocated' ? (i.allocated ?? 0) : f === 'disbursed' ? i.disbursed : f === 'carriedOver' ? i.carriedOver : i.cancelled;

/**
 * The demo data reproduces seed 000 (Công văn 139/UBND-KSTTHC): 61 tasks, 397 tỷ planned, 20
 * tỷ disbursed, 86 tỷ carried over, 116 tỷ cancelled, read back through the API; and every
 * total of the whole demo data set equals the sum of its parts, exactly, in đồng.
 */
describe.each(ENGINES)('budget and demo portfolio on %s', (engine) => {
  let s: TestServer;
  let leader: Session;
  let finance: Session;
  const TODAY = '2026-07-15';

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    s.clock.now = new Date(`${TODAY}T03:00:00Z`);
    expect(await seedDemoProjects(s.db, TODAY)).toBe(true);
    expect(await seedDemoProjects(s.db, TODAY)).toBe(false);
    leader = await login(s.app, 'lanhdao');
    finance = await login(s.app, 'taichinh');
  }, 180_000);
  afterAll(async () => s?.close());

  it('reads the 2022 figures of seed 000 back through the API', async () => {
    const summary: Summary = (await call(s.app, leader, 'GET', '/api/budget?year=2022')).json();
    expect(summary.years).toHaveLength(1);
    const y = summary.years[0]!.total;
    expect(y).toMatchObject({
      count: 61,
      planned: 397_000_000_000,
      disbursed: 20_000_000_000,
      carriedOver: 86_000_000_000,
      cancelled: 116_000_000_000,
      disbursementRate: 5,
    });
    expect(BigInt(y.planned)).toBe(FACTS_2022.planned);
    const items: Item[] = (await call(s.app, leader, 'GET', '/api/projects?year=2022')).json().items;
    expect(items).toHaveLength(61);
    expect(new Set(items.flatMap((i) => i.taskIds)).size).toBe(61);
    expect(items.every((i) => i.sample && i.name.endsWith('(dữ liệu mẫu)'))).toBe(true);
    expect(items.every((i) => i.status !== 'active')).toBe(true);
  });

  it('keeps every total equal to the sum of its parts across the whole demo data set', async () => {
    const summary: Summary = (await call(s.app, leader, 'GET', '/api/budget')).json();
    expect(summary.years.map((y) => y.fiscalYear)).toEqual([2026, 2022]);
    const all: Item[] = (await call(s.app, leader, 'GET', '/api/projects')).json().items;
    let checkedProjects = 0;
    for (const year of summary.years) {
      for (const f of FIELDS) expect(year.total[f], `${year.fiscalYear} ${f}`).toBe(sumOf(year.bySource.map((b) => b[f])));
      expect(year.total.count).toBe(sumOf(year.bySource.map((b) => b.count)));
      const listed = all.filter((i) => i.fiscalYear === year.fiscalYear);
      for (const f of FIELDS) expect(sumOf(listed.map((i) => itemField(i, f))), `list ${year.fiscalYear} ${f}`).toBe(year.total[f]);

      const whole: Tree = (await call(s.app, leader, 'GET', `/api/budget/${year.fiscalYear}`)).json();
      expect(whole.check).toEqual({ ok: true, mismatches: [], projectSum: year.total.planned });
      for (const f of FIELDS) expect(whole.total[f]).toBe(year.total[f]);
      for (const source of year.bySource) {
        const tree: Tree = (await call(s.app, leader, 'GET', `/api/budget/${year.fiscalYear}?source=${source.source}`)).json();
        expect(tree.check.ok).toBe(true);
        for (const f of FIELDS) {
          expect(tree.total[f], `${year.fiscalYear} ${source.source} ${f}`).toBe(source[f]);
          expect(sumOf(tree.units.map((u) => u[f]))).toBe(tree.total[f]);
          for (const u of tree.units) expect(sumOf(u.projects.map((p) => p[f])), u.unitName).toBe(u[f]);
        }
        checkedProjects += sumOf(tree.units.map((u) => u.projects.length));
      }
    }
    expect(checkedProjects).toBe(all.length);
    // Disbursed + carried + cancelled never exceeds what was allocated, project by project.
    for (const i of all) expect(i.disbursed + i.carriedOver + i.cancelled).toBeLessThanOrEqual(i.allocated ?? i.disbursed);
  });

  it('has projects stuck in appraisal now, one returned twice, and an early-warning list sorted by amount', async () => {
    const current: Item[] = (await call(s.app, leader, 'GET', '/api/projects?year=2026&status=active')).json().items;
    const inAppraisal = current.filter((i) => i.holder && (i.holder.role === 'technical_appraiser' || i.holder.role === 'finance_appraiser'));
    expect(inAppraisal.filter((i) => i.overdueBy > 0).length).toBeGreaterThanOrEqual(3);
    expect(inAppraisal.map((i) => i.holder!.unitName)).toEqual(expect.arrayContaining(['Sở Khoa học và Công nghệ', 'Sở Tài chính']));
    expect(current.filter((i) => i.revisions === 2)).toHaveLength(1);

    const risk = (await call(s.app, leader, 'GET', '/api/projects/at-risk')).json() as { today: string; items: Array<{ amount: number; atRisk: boolean; mustMoveBy: string; legalDeadline: string; holder: { unitName: string | null } }>; totals: { atRiskAmount: number } };
    expect(risk.today).toBe(TODAY);
    expect(risk.items.length).toBeGreaterThan(5);
    const amounts = risk.items.map((i) => i.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(risk.items.every((i) => i.holder.unitName && i.mustMoveBy <= i.legalDeadline)).toBe(true);
    expect(risk.totals.atRiskAmount).toBe(sumOf(risk.items.filter((i) => i.atRisk).map((i) => i.amount)));
  });

  it('shows where dossiers wait longest, per step, appraiser and owning unit', async () => {
    const b = (await call(s.app, finance, 'GET', '/api/projects/bottlenecks?from=2022-01-01&to=2022-12-31')).json() as {
      byStep: Array<{ key: string; medianDays: number; worstDays: number; count: number }>;
      byAppraiser: Array<{ label: string; medianDays: number; worstDays: number }>;
      byOwner: Array<{ label: string }>;
    };
    const tech = b.byStep.find((x) => x.key === 'tham_dinh_ky_thuat')!;
    expect(tech.count).toBeGreaterThan(20);
    expect(tech.worstDays).toBeGreaterThanOrEqual(tech.medianDays);
    expect(b.byAppraiser.map((x) => x.label)).toContain('Sở Thông tin và Truyền thông');
    // A 2022 dossier stops counting at the year's closing, not years later.
    expect(Math.max(...b.byStep.map((x) => x.worstDays))).toBeLessThan(260);
    expect(b.byOwner.some((x) => x.label === 'Ủy ban nhân dân quận Lê Chân')).toBe(true);
  });
});
