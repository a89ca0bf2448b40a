import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/dates';
import {
  TASK_STATUSES,
  TASK_STATUS_LABEL_EN,
  TASK_STATUS_LABEL_VI,
  isDone,
  isStale,
  overdueBucket,
  overdueBucketOf,
  overdueDays,
  taskStatus,
} from './status';
import { summarizeTasks } from './summary';

describe('taskStatus', () => {
  const today = '2024-06-15';

  it('finished on the deadline day is on time, a day later is late', () => {
    expect(taskStatus({ deadline: '2024-06-10', completedAt: '2024-06-10' }, today)).toBe('done_on_time');
    expect(taskStatus({ deadline: '2024-06-10', completedAt: '2024-06-01' }, today)).toBe('done_on_time');
    expect(taskStatus({ deadline: '2024-06-10', completedAt: '2024-06-11' }, today)).toBe('done_late');
  });

  it('finished without a deadline', () => {
    expect(taskStatus({ deadline: null, completedAt: '2024-06-01' }, today)).toBe('done_no_deadline');
  });

  it('open: on time through the deadline day, overdue the day after', () => {
    expect(taskStatus({ deadline: '2024-06-15', completedAt: null }, today)).toBe('in_progress_on_time');
    expect(taskStatus({ deadline: '2024-06-14', completedAt: null }, today)).toBe('in_progress_overdue');
    expect(taskStatus({ deadline: null, completedAt: null }, today)).toBe('no_deadline_in_progress');
  });

  it('rejects malformed dates', () => {
    expect(() => taskStatus({ deadline: '2024-02-30', completedAt: null }, today)).toThrow();
    expect(() => taskStatus({ deadline: null, completedAt: null }, '15/06/2024')).toThrow();
  });

  it('has a Vietnamese and an English label for every status', () => {
    for (const s of TASK_STATUSES) {
      expect(TASK_STATUS_LABEL_VI[s].length).toBeGreaterThan(0);
      expect(TASK_STATUS_LABEL_EN[s].length).toBeGreaterThan(0);
    }
    expect(TASK_STATUS_LABEL_VI.done_late).toBe('Hoàn thành quá hạn');
  });

  it('a finished task never changes status as days pass (property)', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2018-01-01', n));
    fc.assert(
      fc.property(day, day, day, day, (deadline, completedAt, t1, t2) => {
        const task = { deadline, completedAt };
        expect(taskStatus(task, t1)).toBe(taskStatus(task, t2));
      }),
    );
  });
});

describe('overdue days and buckets', () => {
  it('counts calendar days late, for open and finished tasks', () => {
    expect(overdueDays({ deadline: '2024-01-31', completedAt: null }, '2024-03-01')).toBe(30);
    expect(overdueDays({ deadline: '2024-01-31', completedAt: '2024-02-02' }, '2024-03-01')).toBe(2);
    expect(overdueDays({ deadline: '2024-01-31', completedAt: null }, '2024-01-31')).toBe(0);
    expect(overdueDays({ deadline: null, completedAt: null }, '2024-01-31')).toBe(0);
  });

  it('buckets at 30 and 120 days', () => {
    expect(overdueBucketOf(0)).toBeNull();
    expect(overdueBucketOf(1)).toBe('≤30');
    expect(overdueBucketOf(30)).toBe('≤30');
    expect(overdueBucketOf(31)).toBe('>30');
    expect(overdueBucketOf(120)).toBe('>30');
    expect(overdueBucketOf(121)).toBe('>120');
    expect(overdueBucket({ deadline: '2024-01-01', completedAt: null }, '2024-06-01')).toBe('>120');
    expect(overdueBucket({ deadline: '2024-06-01', completedAt: null }, '2024-06-01')).toBeNull();
  });
});

describe('isStale', () => {
  const base = { deadline: null, completedAt: null, lastProgressAt: null, createdAt: '2024-01-10' };

  it('flags a task without deadline and without a report for 3 months', () => {
    expect(isStale(base, '2024-04-09')).toBe(false);
    expect(isStale(base, '2024-04-10')).toBe(true);
  });

  it('counts from the last progress report when there is one', () => {
    expect(isStale({ ...base, lastProgressAt: '2024-03-01' }, '2024-05-31')).toBe(false);
    expect(isStale({ ...base, lastProgressAt: '2024-03-01' }, '2024-06-01')).toBe(true);
  });

  it('clamps at month end (30/11 + 3 months = 28/02 or 29/02)', () => {
    expect(isStale({ ...base, createdAt: '2023-11-30' }, '2024-02-28')).toBe(false);
    expect(isStale({ ...base, createdAt: '2023-11-30' }, '2024-02-29')).toBe(true);
  });

  it('never flags a task with a deadline or a finished task', () => {
    expect(isStale({ ...base, deadline: '2024-02-01' }, '2025-01-01')).toBe(false);
    expect(isStale({ ...base, completedAt: '2024-02-01' }, '2025-01-01')).toBe(false);
  });
});

describe('done on time with an extension, counted apart', () => {
  // Original deadline 30/06/2022, extended to 31/08/2022, done 01/08/2022: 32 days after the
  // original deadline, inside the extension.
  const task = { deadline: '2022-08-31', originalDeadline: '2022-06-30', completedAt: '2022-08-01' };
  it('is "on time with an extension", not plain "on time"', () => {
    expect(taskStatus(task, '2022-12-31')).toBe('done_on_time_extended');
    expect(TASK_STATUS_LABEL_VI.done_on_time_extended).toBe('Hoàn thành đúng hạn (có gia hạn)');
    expect(isDone('done_on_time_extended')).toBe(true);
  });
  it('done by the original deadline is plain on time; after the extension is late', () => {
    expect(taskStatus({ ...task, completedAt: '2022-06-30' }, '2022-12-31')).toBe('done_on_time');
    expect(taskStatus({ ...task, completedAt: '2022-09-01' }, '2022-12-31')).toBe('done_late');
    expect(taskStatus({ ...task, originalDeadline: null }, '2022-12-31')).toBe('done_on_time');
  });
  it('the summary counts it apart and says both rates', () => {
    const s = summarizeTasks(
      [
        { leadUnitId: 'u', assignedOn: '2022-03-01', ...task },
        { leadUnitId: 'u', assignedOn: '2022-03-01', deadline: '2022-06-30', originalDeadline: '2022-06-30', completedAt: '2022-06-01' },
      ],
      { from: '2022-01-01', to: '2022-12-31', asOf: '2022-12-31' },
    );
    expect(s.total.byStatus.done_on_time).toBe(1);
    expect(s.total.byStatus.done_on_time_extended).toBe(1);
    expect(s.total.onTimeRate.percent).toBe(100);
    expect(s.total.onTimeWithoutExtensionRate.percent).toBe(50);
  });
});
