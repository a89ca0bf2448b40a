import { describe, expect, it } from 'vitest';
import { type ClockItem, bottlenecks, median, stepVisits } from './clocks';
import { type ActorRole, type PipelineAction, type PipelineState, applyTransition, initialState } from './pipeline';
import { PIPELINE_TEMPLATES } from './pipeline-templates';
import { ROLE_UNIT_ASSIGNMENTS } from './role-units';

const TX = PIPELINE_TEMPLATES.find((t) => t.code === 'ND73-TX')!;
const none = new Set<string>();

function walk(startedOn: string, steps: Array<[PipelineAction, ActorRole, string]>): PipelineState {
  let s = initialState(TX, startedOn);
  for (const [a, role, date] of steps) {
    const r = applyTransition(TX, s, a, role, date);
    if (!r.ok) throw new Error(r.error.message);
    s = r.state;
  }
  return s;
}

function item(projectId: string, ownerUnit: string, state: PipelineState): ClockItem {
  return { projectId, ownerUnit, kind: 'recurrent_activity', template: TX, state };
}

describe('stepVisits', () => {
  // Tue 01/03/2022 submitted; returned Fri 11/03; resubmitted Mon 14/03; appraised Thu 31/03.
  const state = walk('2022-02-01', [
    [{ type: 'submit' }, 'owner', '2022-03-01'],
    [{ type: 'return_for_revision', comment: 'Bổ sung' }, 'technical_appraiser', '2022-03-11'],
    [{ type: 'submit' }, 'owner', '2022-03-14'],
    [{ type: 'appraise' }, 'technical_appraiser', '2022-03-31'],
  ]);

  it('times every visit in working days, a return opening a new owner visit', () => {
    const visits = stepVisits(TX, state, '2022-04-08', none);
    expect(visits.map((v) => [v.stepCode, v.outcome, v.workingDays])).toEqual([
      ['lap_ho_so', 'completed', 20],
      ['tham_dinh_ky_thuat', 'returned', 8],
      ['lap_ho_so', 'completed', 1],
      ['tham_dinh_ky_thuat', 'completed', 13],
      ['tham_dinh_du_toan', 'open', 6],
    ]);
    expect(visits.every((v) => !v.overdue)).toBe(true);
  });

  it('marks a visit over its limit, and holidays do not count', () => {
    const late = stepVisits(TX, state, '2022-04-29', none).at(-1)!;
    expect(late.workingDays).toBe(21);
    expect(late.overdue).toBe(true);
    expect(late.overdueBy).toBe(11);
    // Giỗ Tổ 11/04/2022 and 02/05/2022 (nghỉ bù 30/4–1/5)
    const withHolidays = stepVisits(TX, state, '2022-04-29', new Set(['2022-04-11'])).at(-1)!;
    expect(withHolidays.workingDays).toBe(20);
  });
});

describe('median', () => {
  it('takes the middle, or the mean of the two middles', () => {
    expect(median([])).toBe(0);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});

describe('bottlenecks', () => {
  const stuck = walk('2024-12-01', [[{ type: 'submit' }, 'owner', '2025-02-03']]);
  const fast = walk('2025-03-01', [
    [{ type: 'submit' }, 'owner', '2025-03-03'],
    [{ type: 'appraise' }, 'technical_appraiser', '2025-03-10'],
  ]);
  const items = [item('p-stuck', 'so-y-te', stuck), item('p-fast', 'so-noi-vu', fast)];
  const summary = bottlenecks(items, { today: '2025-04-30', holidays: none, roleUnits: ROLE_UNIT_ASSIGNMENTS });

  it('attributes appraisal to the unit holding the role when the visit began', () => {
    // p-fast now waits at Sở Tài chính for the cost appraisal.
    expect(summary.byAppraiser.map((s) => [s.key, s.count, s.open])).toEqual([
      ['SO_TTTT', 1, 1],
      ['SO_TC', 1, 1],
      ['SO_KHCN', 1, 0],
    ]);
    expect(summary.byAppraiser[0]?.worstProjectId).toBe('p-stuck');
  });

  it('lists steps slowest first with median and worst days', () => {
    const tech = summary.byStep.find((s) => s.key === 'tham_dinh_ky_thuat')!;
    expect(tech.count).toBe(2);
    // 04/02–30/04/2025: 19 + 21 + 22 weekdays.
    expect(tech.worstDays).toBe(62);
    expect(tech.medianDays).toBe((62 + 5) / 2);
    expect(tech.overdue).toBe(1);
    expect(summary.byStep[0]?.medianDays).toBeGreaterThanOrEqual(summary.byStep[1]?.medianDays ?? 0);
  });

  it('groups the owner steps by owning unit, and filters by period', () => {
    expect(summary.byOwner.map((s) => s.key).sort()).toEqual(['so-noi-vu', 'so-y-te']);
    const march = bottlenecks(items, {
      today: '2025-04-30',
      holidays: none,
      roleUnits: ROLE_UNIT_ASSIGNMENTS,
      from: '2025-03-05',
      to: '2025-03-31',
    });
    expect(march.byOwner.map((s) => s.key)).toEqual([]);
    expect(march.byAppraiser.map((s) => s.key).sort()).toEqual(['SO_KHCN', 'SO_TC', 'SO_TTTT']);
  });

  it('gives the same answer whatever the item order', () => {
    const again = bottlenecks([...items].reverse(), { today: '2025-04-30', holidays: none, roleUnits: ROLE_UNIT_ASSIGNMENTS });
    expect(again).toEqual(summary);
  });
});
