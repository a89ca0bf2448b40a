import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleProvince, SAMPLE_PROVINCE } from '../../src/demo/sample-province';
import { hashPassword } from '../../src/server/modules/auth/service';
import { refreshDashboard } from '../../src/server/modules/dashboard/refresh';
import { vnToday } from '../../src/core/calendar/timestamps';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';
import { TEST_PASSWORD } from '../helpers/templates';

/**
 * Many provinces, one deployment: Hải Phòng (the base) and the small sample province. A user
 * of one province reads only its tasks, indicator values and wall; the national role sees both
 * side by side, each figure the province's own wall's.
 */
for (const engine of ENGINES) {
  describe(`provinces as tenants (${engine})`, () => {
    let s: TestServer;
    let hp: Session;
    let hpCoordinator: Session;
    let qn: Session;
    let national: Session;
    let hpTaskId: string;
    let qnTaskId: string;
    let qnUnitId: string;
    const year = 2026;

    beforeAll(async () => {
      s = await startTestServer({ engine, listen: false });
      const today = vnToday(s.clock.now);
      await seedSampleProvince(s.db, today);
      qnUnitId = (await s.db.query<{ id: string }>(`select id from units where code = 'QN'`))[0]!.id;
      const hash = await hashPassword(TEST_PASSWORD);
      await s.db.query(`insert into users (username, password_hash, full_name, role, unit_id) values ('lanhdao.qn', $1, 'Lãnh đạo tỉnh (mẫu)', 'leadership', $2)`, [hash, qnUnitId]);
      hp = await login(s.app, 'lanhdao');
      hpCoordinator = await login(s.app, 'dieuphoi');
      qn = await login(s.app, 'lanhdao.qn');
      national = await login(s.app, 'quocgia');
      const leChan = (await s.db.query<{ id: string }>(`select id from units where code = 'HP.STC'`))[0]!.id;
      const created = await call(s.app, hpCoordinator, 'POST', '/api/tasks', { title: 'Nhiệm vụ của Hải Phòng', leadUnitId: leChan, assignedOn: '2026-03-02', deadline: '2026-04-30' });
      expect(created.statusCode, created.body).toBe(201);
      hpTaskId = created.json().id;
      qnTaskId = (await s.db.query<{ id: string }>(`select id from tasks where province_id = 'QN' order by title limit 1`))[0]!.id;
      await refreshDashboard(s.db, s.clock.now, { scopes: [String(year)] });
    });
    afterAll(async () => s?.close());

    it('a task created for a unit of Hải Phòng carries Hải Phòng', async () => {
      expect((await s.db.query<{ province_id: string }>('select province_id from tasks where id = $1', [hpTaskId]))[0]!.province_id).toBe('HP');
    });

    it("a user of the sample province lists only its tasks and cannot open Hải Phòng's", async () => {
      const list = await call(s.app, qn, 'GET', '/api/tasks?limit=200');
      expect(list.statusCode).toBe(200);
      const titles: string[] = list.json().items.map((t: { title: string }) => t.title);
      expect(titles).toHaveLength(6);
      expect(titles.every((t) => t.endsWith('(mẫu)'))).toBe(true);
      expect(titles).not.toContain('Nhiệm vụ của Hải Phòng');
      expect((await call(s.app, qn, 'GET', `/api/tasks/${hpTaskId}`)).statusCode).toBe(403);
      expect((await call(s.app, qn, 'GET', `/api/tasks/${qnTaskId}`)).statusCode).toBe(200);
    });

    it("Hải Phòng's leadership does not see the sample province's tasks", async () => {
      const list = await call(s.app, hp, 'GET', '/api/tasks?limit=200');
      const titles: string[] = list.json().items.map((t: { title: string }) => t.title);
      expect(titles).toContain('Nhiệm vụ của Hải Phòng');
      expect(titles.some((t) => t.endsWith('(mẫu)') && t.includes('Quảng Ninh'))).toBe(false);
      expect(list.json().items.some((t: { id: string }) => t.id === qnTaskId)).toBe(false);
      expect((await call(s.app, hp, 'GET', `/api/tasks/${qnTaskId}`)).statusCode).toBe(403);
    });

    it("indicator figures of another province are refused, and lists hold only one's own", async () => {
      const hpRoot = (await s.db.query<{ id: string }>(`select id from units where code = 'HP'`))[0]!.id;
      const indicator = (await s.db.query<{ id: string }>('select id from indicators limit 1'))[0];
      if (indicator) {
        expect((await call(s.app, qn, 'GET', `/api/indicators/${indicator.id}/rollup?unitId=${hpRoot}&period=2026`)).statusCode).toBe(403);
        expect((await call(s.app, hp, 'GET', `/api/indicators/${indicator.id}/rollup?unitId=${qnUnitId}&period=2026`)).statusCode).toBe(403);
      }
      expect((await call(s.app, qn, 'GET', `/api/indicator-summary?unitId=${hpRoot}&period=2026`)).statusCode).toBe(403);
      expect((await call(s.app, qn, 'GET', `/api/indicator-values?unitId=${hpRoot}`)).statusCode).toBe(403);
      const values = await call(s.app, qn, 'GET', '/api/indicator-values?limit=1000');
      expect(values.statusCode).toBe(200);
      const ownUnits = new Set((await s.db.query<{ id: string }>(`select id from units where province_id = 'QN'`)).map((r) => r.id));
      expect(values.json().every((v: { unitId: string }) => ownUnits.has(v.unitId))).toBe(true);
    });

    it("each province's wall counts its own tasks only", async () => {
      const wall = async (who: Session) => (await call(s.app, who, 'GET', `/api/dashboard?year=${year}`)).json().panels.tasks.payload.total as number;
      const hpTasks = (await s.db.query<{ n: number }>(`select count(*)::int as n from tasks where province_id = 'HP' and assigned_on between '2026-01-01' and '2026-12-31' and cancelled_at is null`))[0]!.n;
      expect(await wall(qn)).toBe(6);
      expect(await wall(hp)).toBe(hpTasks);
      expect(hpTasks).toBeGreaterThan(0);
    });

    it('the national role sees every province side by side, the same figures as each wall', async () => {
      const res = await call(s.app, national, 'GET', `/api/national?year=${year}`);
      expect(res.statusCode, res.body).toBe(200);
      const provinces = res.json().provinces as Array<{ id: string; name: string; sample: boolean; tasks: { total: number; overdue: number }; pillars: unknown[] }>;
      expect(provinces.map((p) => p.id)).toEqual(['HP', SAMPLE_PROVINCE.id]);
      const qnRow = provinces.find((p) => p.id === 'QN')!;
      expect(qnRow.sample).toBe(true);
      expect(qnRow.name).toContain('(mẫu)');
      expect(qnRow.pillars).toHaveLength(4);
      const qnWall = (await call(s.app, qn, 'GET', `/api/dashboard?year=${year}`)).json().panels.tasks.payload;
      expect(qnRow.tasks.total).toBe(qnWall.total);
      expect(qnRow.tasks.overdue).toBe(qnWall.inProgressOverdue);
      expect(qnRow.tasks.overdue).toBe(1);
      const hpWall = (await call(s.app, hp, 'GET', `/api/dashboard?year=${year}`)).json().panels.tasks.payload;
      expect(provinces.find((p) => p.id === 'HP')!.tasks.total).toBe(hpWall.total);
    });

    it("the search box finds one's own province's tasks and units, never another's", async () => {
      const search = async (who: Session, q: string) => (await call(s.app, who, 'GET', `/api/search?q=${encodeURIComponent(q)}`)).json();
      const titles = (r: { groups: Array<{ kind: string; items: Array<{ title: string }> }> }, kind: string) =>
        r.groups.find((g) => g.kind === kind)?.items.map((i) => i.title) ?? [];
      expect(titles(await search(hpCoordinator, 'nhiem vu cua hai phong'), 'task')).toContain('Nhiệm vụ của Hải Phòng');
      expect(titles(await search(qn, 'nhiem vu cua hai phong'), 'task')).toEqual([]);
      expect(titles(await search(qn, 'le chan'), 'unit')).toEqual([]);
      expect(titles(await search(hp, 'le chan'), 'unit').length).toBeGreaterThan(0);
    });

    it('a province-bound role cannot read the national comparison', async () => {
      expect((await call(s.app, hp, 'GET', `/api/national?year=${year}`)).statusCode).toBe(403);
      expect((await call(s.app, qn, 'GET', `/api/national?year=${year}`)).statusCode).toBe(403);
    });
  });
}
