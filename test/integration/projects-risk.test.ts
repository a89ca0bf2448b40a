import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, type Session } from '../helpers/api';
import { ENGINES } from '../helpers/db';
import { startTestServer, type TestServer } from '../helpers/server';

interface Risk {
  projectId: string;
  amount: number;
  atRisk: boolean;
  legalDeadline: string;
  currentStepDue: string;
  projectedDisbursement: string;
  mustMoveBy: string;
  slackWorkingDays: number;
  elapsedInCurrentStep: number;
  remainingWorkingDays: number;
  holder: { role: string; unitName: string | null };
  currentStep: { code: string; expectedDays: number; basis: string };
}

/**
 * The early-warning list against a hand computation. Today is Monday 15/07/2024; the only
 * holidays between then and the end of January 2025 are 02–03/09/2024, 01/01/2025 and Tết
 * 27–31/01/2025. Limits (ND73-TX): technical 14, cost 10, approval 7, allocation 15, contract
 * 30, acceptance 45, payment 10 working days.
 */
describe.each(ENGINES)('early warning against a hand computation on %s', (engine) => {
  let s: TestServer;
  let officer: Session;
  let coordinator: Session;
  let finance: Session;
  let leadership: Session;
  let lechanId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await startTestServer({ engine, listen: false });
    s.clock.now = new Date('2024-07-15T03:00:00Z');
    officer = await login(s.app, 'canbo.lechan');
    coordinator = await login(s.app, 'dieuphoi');
    finance = await login(s.app, 'taichinh');
    leadership = await login(s.app, 'lanhdao');
    lechanId = (await s.db.query<{ id: string }>(`select id from units where code = 'HP.Q.LECHAN'`))[0]!.id;

    const create = async (name: string, estimate: number, fundingSource: string, startedOn: string) => {
      const res = await call(s.app, officer, 'POST', '/api/projects', { unitId: lechanId, name, kind: 'recurrent_activity', fiscalYear: 2024, fundingSource, estimate, startedOn });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number };
    };
    const steps = async (p: { id: string; version: number }, moves: Array<[Session, Record<string, unknown>]>) => {
      let version = p.version;
      for (const [who, body] of moves) {
        const res = await call(s.app, who, 'POST', `/api/projects/${p.id}/transitions`, { version, ...body });
        expect(res.statusCode, res.body).toBe(200);
        version = res.json().version;
      }
    };
    // A: recurrent budget, 3 tỷ, at Sở TT&TT's technical appraisal since Monday 01/07.
    const a = await create('A — chờ thẩm định kỹ thuật', 3_000_000_000, 'recurrent', '2024-06-03');
    await steps(a, [[officer, { type: 'submit', date: '2024-07-01' }]]);
    // B: allocated 1,5 tỷ of 2 tỷ on 08/07, now choosing a contractor.
    const b = await create('B — đang lựa chọn nhà thầu', 2_000_000_000, 'recurrent', '2024-04-01');
    await steps(b, [
      [officer, { type: 'submit', date: '2024-04-10' }],
      [coordinator, { type: 'appraise', date: '2024-04-22' }],
      [finance, { type: 'appraise', date: '2024-05-06' }],
      [coordinator, { type: 'approve', date: '2024-05-15' }],
      [finance, { type: 'allocate', date: '2024-07-08', amount: 1_500_000_000 }],
    ]);
    // C: like A, but public investment (deadline 31/01 of the next year), 5 tỷ.
    const c = await create('C — vốn đầu tư công, chờ thẩm định kỹ thuật', 5_000_000_000, 'public_investment', '2024-06-03');
    await steps(c, [[officer, { type: 'submit', date: '2024-07-01' }]]);
    Object.assign(ids, { a: a.id, b: b.id, c: c.id });
  });
  afterAll(async () => s?.close());

  async function riskList(): Promise<Risk[]> {
    const res = await call(s.app, leadership, 'GET', '/api/projects/at-risk');
    expect(res.statusCode).toBe(200);
    return res.json().items;
  }

  it('projects each item from the step limits, largest amount first', async () => {
    const list = await riskList();
    expect(list.map((r) => r.projectId)).toEqual([ids.c, ids.a, ids.b]);
    const [c, a, b] = list as [Risk, Risk, Risk];

    // A: 10 working days spent of 14 → 4 left: due Fri 19/07. Then 10+7+15+30+45+10 = 117 more:
    // 19/07 + 117 working days = Fri 03/01/2025 (1/1 is a holiday), after 31/12/2024 → at risk,
    // short by 2 working days (02 and 03/01). To make it, the appraisal must end 117 working days
    // before 31/12, i.e. by Wed 17/07.
    expect(a).toMatchObject({
      amount: 3_000_000_000,
      legalDeadline: '2024-12-31',
      elapsedInCurrentStep: 10,
      currentStepDue: '2024-07-19',
      remainingWorkingDays: 121,
      projectedDisbursement: '2025-01-03',
      atRisk: true,
      slackWorkingDays: -2,
      mustMoveBy: '2024-07-17',
      holder: { role: 'technical_appraiser', unitName: 'Sở Thông tin và Truyền thông' },
      currentStep: { code: 'tham_dinh_ky_thuat', expectedDays: 14, basis: 'limit' },
    });

    // B: 5 of 30 working days spent → 25 left: Mon 19/08 (02–03/09 not yet reached). Then
    // acceptance 45 + payment 10 = 55: Wed 06/11/2024. Slack to 31/12: 2 (7–8/11) + 15 + 22 = 39.
    // Must move by: 55 working days before 31/12 = Tue 15/10. Amount: 1,5 tỷ allocated, none paid.
    expect(b).toMatchObject({
      amount: 1_500_000_000,
      elapsedInCurrentStep: 5,
      currentStepDue: '2024-08-19',
      projectedDisbursement: '2024-11-06',
      atRisk: false,
      slackWorkingDays: 39,
      mustMoveBy: '2024-10-15',
      holder: { role: 'owner', unitName: 'Ủy ban nhân dân quận Lê Chân' },
    });

    // C: same path as A, ends 03/01/2025, but public investment may disburse until 31/01/2025 —
    // whose last working day is Fri 24/01 (Tết from 27/01). 117 working days before 24/01 is
    // Fri 09/08/2024; slack (03/01, 31/01] = 15 working days.
    expect(c).toMatchObject({
      amount: 5_000_000_000,
      legalDeadline: '2025-01-31',
      projectedDisbursement: '2025-01-03',
      atRisk: false,
      slackWorkingDays: 15,
      mustMoveBy: '2024-08-09',
    });
  });

  it('uses the pace actually observed for the appraiser when it is slower than the limit', async () => {
    // Three dossiers each kept 30 working days by Sở TT&TT: (06/05, 17/06] holds 30 working days.
    for (const n of [1, 2, 3]) {
      const res = await call(s.app, officer, 'POST', '/api/projects', { unitId: lechanId, name: `D${n} — thẩm định chậm`, kind: 'recurrent_activity', fiscalYear: 2024, fundingSource: 'recurrent', estimate: 300_000_000, startedOn: '2024-04-15' });
      const p = res.json() as { id: string; version: number };
      const sub = await call(s.app, officer, 'POST', `/api/projects/${p.id}/transitions`, { version: p.version, type: 'submit', date: '2024-05-06' });
      const app = await call(s.app, coordinator, 'POST', `/api/projects/${p.id}/transitions`, { version: sub.json().version, type: 'appraise', date: '2024-06-17' });
      expect(app.statusCode, app.body).toBe(200);
    }
    const a = (await riskList()).find((r) => r.projectId === ids.a)!;
    // Expected 30 instead of 14: 20 left → Mon 12/08; + 117 → Mon 03/02/2025.
    expect(a).toMatchObject({
      currentStep: { code: 'tham_dinh_ky_thuat', expectedDays: 30, basis: 'observed' },
      currentStepDue: '2024-08-12',
      projectedDisbursement: '2025-02-03',
      atRisk: true,
      mustMoveBy: '2024-07-17',
    });
    const onlyAtRisk = (await call(s.app, leadership, 'GET', '/api/projects/at-risk?atRiskOnly=true')).json().items as Risk[];
    expect(onlyAtRisk.every((r) => r.atRisk)).toBe(true);
    expect(onlyAtRisk.some((r) => r.projectId === ids.b)).toBe(false);
  });
});
