import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsOfStatuses, ratePercent, summarizeTasks, type TaskRow } from './summary';

function buildTask(overrides: Partial<TaskRow> = {}): TaskRow {
  return { leadUnitId: 'so-noi-vu', assignedOn: '2018-03-01', deadline: null, completedAt: null, ...overrides };
}

const period = { from: '2018-01-01', to: '2018-12-31', asOf: '2018-12-31' };

describe('summarizeTasks', () => {
  it('reproduces the Hải Phòng 2018 rates: 12,160 tasks, 2.12 % / 3.48 % overdue', () => {
    // 7,414 tasks with a deadline, 258 of them open past it (sample split of the reported totals).
    const rows: TaskRow[] = [];
    for (let i = 0; i < 258; i += 1) rows.push(buildTask({ deadline: '2018-06-30' }));
    for (let i = 258; i < 7414; i += 1) rows.push(buildTask({ deadline: '2018-06-30', completedAt: '2018-06-01' }));
    for (let i = 7414; i < 12160; i += 1) rows.push(buildTask({ completedAt: '2018-10-01' }));
    const { total } = summarizeTasks(rows, period);
    expect(total.total).toBe(12160);
    expect(total.withDeadline).toBe(7414);
    expect(total.overdue).toBe(258);
    expect(total.overdueRateAll.percent).toBe(2.12);
    expect(total.overdueRateWithDeadline.percent).toBe(3.48);
  });

  it('keeps only tasks assigned in the range, and groups by lead unit in a stable order', () => {
    const rows = [
      buildTask({ leadUnitId: 'so-y-te', deadline: '2018-05-01' }),
      buildTask({ leadUnitId: 'so-noi-vu', deadline: '2018-05-01', completedAt: '2018-05-03' }),
      buildTask({ leadUnitId: 'so-noi-vu', assignedOn: '2017-12-31', deadline: '2018-05-01' }),
      buildTask({ leadUnitId: 'so-noi-vu', deadline: '2019-05-01' }),
    ];
    const s = summarizeTasks(rows, period);
    expect(s.total.total).toBe(3);
    expect(s.byUnit.map((u) => u.leadUnitId)).toEqual(['so-noi-vu', 'so-y-te']);
    const noiVu = s.byUnit[0]?.counts;
    expect(noiVu?.byStatus.done_late).toBe(1);
    expect(noiVu?.byStatus.in_progress_on_time).toBe(1);
    expect(noiVu?.overdue).toBe(1);
  });

  it('can count only open overdue tasks', () => {
    const rows = [
      buildTask({ deadline: '2018-05-01', completedAt: '2018-05-03' }),
      buildTask({ deadline: '2018-05-01' }),
    ];
    expect(summarizeTasks(rows, period).total.overdue).toBe(2);
    expect(summarizeTasks(rows, { ...period, overdue: 'open_only' }).total.overdue).toBe(1);
  });

  it('gives a null rate, not NaN, for an empty set', () => {
    expect(summarizeTasks([], period).total.overdueRateAll.percent).toBeNull();
    expect(ratePercent(1, 3).percent).toBe(33.33);
  });

  it('unit counts add up to the total, whatever the row order (property)', () => {
    const row = fc.record({
      leadUnitId: fc.constantFrom('a', 'b', 'c'),
      assignedOn: fc.constantFrom('2018-02-01', '2018-07-01'),
      deadline: fc.constantFrom(null, '2018-03-01', '2018-09-01'),
      completedAt: fc.constantFrom(null, '2018-02-15', '2018-04-01'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const s = summarizeTasks(rows, period);
        const sum = s.byUnit.reduce((acc, u) => acc + u.counts.total, 0);
        expect(sum).toBe(s.total.total);
        expect(summarizeTasks([...rows].reverse(), period)).toEqual(s);
      }),
    );
  });
});

describe('countsOfStatuses', () => {
  it('gives the same counts and rates from the number of tasks per status as from the tasks themselves', () => {
    const arbTask = fc.record({
      deadline: fc.option(fc.constantFrom('2018-03-01', '2018-06-30', '2018-12-31'), { nil: null }),
      completedAt: fc.option(fc.constantFrom('2018-02-01', '2018-07-15', '2018-12-01'), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbTask, { maxLength: 40 }), (tasks) => {
        const rows = tasks.map((t) => buildTask(t));
        const { total } = summarizeTasks(rows, period);
        expect(countsOfStatuses(total.byStatus)).toEqual(total);
      }),
    );
  });
});
