import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareIsoDates } from '../calendar/dates';
import { addWorkingDays, countWorkingDays, isWorkingDay } from '../calendar/working-days';
import { tyDong } from './money';
import { type PipelineState, type PipelineTemplate, initialState } from './pipeline';
import { PIPELINE_TEMPLATES } from './pipeline-templates';
import { type RiskItem, assessRisk, latestStartFor, legalDisbursementDeadline } from './risk';
import { ROLE_UNIT_ASSIGNMENTS } from './role-units';

const TX = PIPELINE_TEMPLATES.find((t) => t.code === 'ND73-TX')!;
const none = new Set<string>();

function atStep(template: PipelineTemplate, code: string, since: string): PipelineState {
  const stepIndex = template.steps.findIndex((s) => s.code === code);
  return { ...initialState(template, '2022-01-03'), stepIndex, stepStartedOn: since };
}

function buildItem(overrides: Partial<RiskItem> = {}): RiskItem {
  return {
    projectId: 'p1',
    ownerUnit: 'so-y-te',
    kind: 'recurrent_activity',
    fundingSource: 'recurrent',
    fiscalYear: 2022,
    amount: tyDong(5),
    template: TX,
    state: atStep(TX, 'thanh_toan', '2022-12-15'),
    ...overrides,
  };
}

const base = { holidays: none, roleUnits: ROLE_UNIT_ASSIGNMENTS };

describe('legal deadlines', () => {
  it('recurrent budget 31/12, public investment 31/01 next year, late capital 31/12 next year', () => {
    expect(legalDisbursementDeadline('recurrent', 2022)).toBe('2022-12-31');
    expect(legalDisbursementDeadline('public_investment', 2022)).toBe('2023-01-31');
    expect(legalDisbursementDeadline('public_investment', 2022, '2022-09-30')).toBe('2023-01-31');
    expect(legalDisbursementDeadline('public_investment', 2022, '2022-10-01')).toBe('2023-12-31');
  });
});

describe('assessRisk (hand-computed cases)', () => {
  it('last step, 10 working days from Thu 15/12/2022: Thu 29/12, fits', () => {
    const [a] = assessRisk([buildItem()], { ...base, today: '2022-12-15' });
    expect(a?.projectedDisbursement).toBe('2022-12-29');
    expect(a?.atRisk).toBe(false);
    expect(a?.mustMoveBy).toBe('2022-12-30');
    expect(a?.slackWorkingDays).toBe(1);
    expect(a?.current.holderUnit).toBe('so-y-te');
  });

  it('the same item from Tue 20/12 lands on Tue 03/01/2023: lost as recurrent, safe as public investment', () => {
    const item = buildItem({ state: atStep(TX, 'thanh_toan', '2022-12-20') });
    const [a] = assessRisk([item], { ...base, today: '2022-12-20' });
    expect(a?.projectedDisbursement).toBe('2023-01-03');
    expect(a?.atRisk).toBe(true);
    expect(a?.slackWorkingDays).toBe(-2);
    const [b] = assessRisk([{ ...item, fundingSource: 'public_investment' }], { ...base, today: '2022-12-20' });
    expect(b?.atRisk).toBe(false);
  });

  it('stuck in technical appraisal since 01/06/2022, seen on 01/07/2022', () => {
    const item = buildItem({ state: atStep(TX, 'tham_dinh_ky_thuat', '2022-06-01') });
    const [a] = assessRisk([item], { ...base, today: '2022-07-01' });
    // 22 working days spent > 14: one more day; then 10 + 7 + 15 + 30 + 45 + 10 = 117.
    expect(a?.elapsedInCurrentStep).toBe(22);
    expect(a?.remainingWorkingDays).toBe(118);
    expect(a?.current).toMatchObject({ holderUnit: 'SO_TTTT', holderName: 'Sở Thông tin và Truyền thông' });
    // 118 = 23 weeks + 3 days after Fri 01/07 → Wed 14/12; 117 back from Fri 30/12 → Wed 20/07.
    expect(a?.projectedDisbursement).toBe('2022-12-14');
    expect(a?.mustMoveBy).toBe('2022-07-20');
    expect(a?.atRisk).toBe(false);
    // Quốc khánh 01–02/09/2022 push it two days.
    const [h] = assessRisk([item], { ...base, holidays: new Set(['2022-09-01', '2022-09-02']), today: '2022-07-01' });
    expect(h?.projectedDisbursement).toBe('2022-12-16');
  });

  it('uses the observed median of the appraiser when it is longer than the limit', () => {
    const item = buildItem({ state: atStep(TX, 'tham_dinh_ky_thuat', '2022-06-01') });
    const [a] = assessRisk([item], {
      ...base,
      today: '2022-07-01',
      observed: [{ unit: 'SO_TTTT', medianDays: 30.5 }, { unit: 'SO_TC', stepCode: 'tham_dinh_du_toan', medianDays: 8 }],
    });
    expect(a?.remainingSteps[0]).toMatchObject({ expectedDays: 31, basis: 'observed' });
    expect(a?.remainingSteps[1]).toMatchObject({ stepCode: 'tham_dinh_du_toan', expectedDays: 10, basis: 'limit' });
    expect(a?.currentStepDue).toBe('2022-07-14');
    expect(a?.projectedDisbursement).toBe('2022-12-26');
  });

  it('sorts by amount, largest first, and skips finished or unfunded items', () => {
    const items = [
      buildItem({ projectId: 'small', amount: tyDong(1) }),
      buildItem({ projectId: 'big', amount: tyDong(40) }),
      buildItem({ projectId: 'nothing', amount: 0n }),
      buildItem({ projectId: 'done', state: { ...atStep(TX, 'thanh_toan', '2022-12-01'), stepIndex: TX.steps.length } }),
    ];
    expect(assessRisk(items, { ...base, today: '2022-12-15' }).map((a) => a.projectId)).toEqual(['big', 'small']);
  });
});

describe('assessRisk (properties)', () => {
  const day = (from: string, span: number) => fc.integer({ min: 0, max: span }).map((n) => addDays(from, n));
  const holidays = new Set(['2022-09-01', '2022-09-02', '2023-01-02', '2023-01-20', '2023-01-23', '2023-01-24']);

  it('at risk exactly when the current step cannot finish by mustMoveBy; projections are consistent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: TX.steps.length - 1 }),
        day('2022-01-03', 330),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('recurrent' as const, 'public_investment' as const),
        fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
        (index, today, waited, fundingSource, observed) => {
          const since = addDays(today, -waited);
          const state = { ...initialState(TX, '2022-01-01'), stepIndex: index, stepStartedOn: since };
          const [a] = assessRisk([buildItem({ state, fundingSource })], {
            holidays,
            roleUnits: ROLE_UNIT_ASSIGNMENTS,
            today,
            observed: observed === undefined ? [] : [{ unit: 'SO_TTTT', medianDays: observed }],
          });
          if (!a) throw new Error('no assessment');
          const rest = a.remainingSteps.slice(1).reduce((s, x) => s + x.expectedDays, 0);
          expect(a.atRisk).toBe(compareIsoDates(a.currentStepDue, a.mustMoveBy) > 0);
          expect(a.atRisk).toBe(compareIsoDates(a.projectedDisbursement, a.legalDeadline) > 0);
          expect(isWorkingDay(a.mustMoveBy, holidays)).toBe(true);
          expect(compareIsoDates(addWorkingDays(a.mustMoveBy, rest, holidays), a.legalDeadline)).toBeLessThanOrEqual(0);
          expect(countWorkingDays(today, a.projectedDisbursement, holidays)).toBe(a.remainingWorkingDays);
          for (const s of a.remainingSteps) expect(s.expectedDays).toBeGreaterThanOrEqual(s.limit);
        },
      ),
    );
  });

  it('latestStartFor is the last working day from which n working days still fit', () => {
    fc.assert(
      fc.property(day('2022-01-01', 700), fc.integer({ min: 0, max: 200 }), (deadline, n) => {
        const start = latestStartFor(deadline, n, holidays);
        expect(compareIsoDates(addWorkingDays(start, n, holidays), deadline)).toBeLessThanOrEqual(0);
        const next = addWorkingDays(start, 1, holidays);
        expect(compareIsoDates(addWorkingDays(next, n, holidays), deadline)).toBeGreaterThan(0);
      }),
    );
  });

  it('the order of the input does not change the list', () => {
    const items = [1, 2, 3, 4, 5].map((n) =>
      buildItem({ projectId: `p${n}`, amount: tyDong(n % 3), state: atStep(TX, 'lap_ho_so', '2022-05-02') }),
    );
    fc.assert(
      fc.property(fc.shuffledSubarray(items, { minLength: items.length }), (shuffled) => {
        expect(assessRisk(shuffled, { ...base, today: '2022-06-01' })).toEqual(assessRisk(items, { ...base, today: '2022-06-01' }));
      }),
      { numRuns: 30 },
    );
  });
});
