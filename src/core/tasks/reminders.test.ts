import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/dates';
import { dueReminders, type Reminder, reminderMessageVi } from './reminders';

const policy = { escalateAfterOverdueDays: 5 };
const task = { id: 't-42', deadline: '2024-03-25', completedAt: null };

function kindsOn(today: string): string[] {
  return dueReminders(task, today, policy).map((r) => r.kind);
}

describe('dueReminders', () => {
  it('sends 7, 3 and 1 day reminders in their windows', () => {
    expect(kindsOn('2024-03-17')).toEqual([]);
    expect(kindsOn('2024-03-18')).toEqual(['due_in_7']);
    expect(kindsOn('2024-03-21')).toEqual(['due_in_7']);
    expect(kindsOn('2024-03-22')).toEqual(['due_in_3']);
    expect(kindsOn('2024-03-23')).toEqual(['due_in_3']);
    expect(kindsOn('2024-03-24')).toEqual(['due_in_1']);
    expect(kindsOn('2024-03-25')).toEqual(['due_in_1']);
  });

  it('turns overdue the day after the deadline and escalates after N days', () => {
    expect(kindsOn('2024-03-26')).toEqual(['overdue']);
    expect(kindsOn('2024-03-29')).toEqual(['overdue']);
    expect(kindsOn('2024-03-30')).toEqual(['overdue', 'escalation']);
    const esc = dueReminders(task, '2024-03-30', policy)[1];
    expect(esc?.audience).toBe('lead_unit_leader');
    expect(esc?.daysLeft).toBe(-5);
  });

  it('has stable keys made of task id, kind and deadline', () => {
    const [r] = dueReminders(task, '2024-03-22', policy);
    expect(r?.key).toBe('t-42:due_in_3:2024-03-25');
    expect(dueReminders(task, '2024-03-23', policy)[0]?.key).toBe(r?.key);
  });

  it('re-arms after an extension (new deadline, new keys)', () => {
    const extended = { ...task, deadline: '2024-04-25' };
    expect(dueReminders(extended, '2024-04-24', policy)[0]?.key).toBe('t-42:due_in_1:2024-04-25');
  });

  it('nothing for finished tasks or tasks without deadline', () => {
    expect(dueReminders({ ...task, completedAt: '2024-03-20' }, '2024-03-24', policy)).toEqual([]);
    expect(dueReminders({ ...task, deadline: null }, '2024-03-24', policy)).toEqual([]);
  });

  it('rejects a non-positive escalation threshold', () => {
    expect(() => dueReminders(task, '2024-03-24', { escalateAfterOverdueDays: 0 })).toThrow(/số nguyên dương/);
  });

  it('a daily job that records keys sends each kind at most once, and every kind when run daily (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (n, runs) => {
        const sent = new Map<string, Reminder>();
        let duplicates = 0;
        runs.forEach((ran, i) => {
          if (!ran) return;
          for (const r of dueReminders(task, addDays('2024-03-10', i), { escalateAfterOverdueDays: n })) {
            if (sent.has(r.key)) continue;
            if ([...sent.values()].some((s) => s.kind === r.kind)) duplicates += 1;
            sent.set(r.key, r);
          }
        });
        expect(duplicates).toBe(0);
      }),
    );
    const daily = new Set<string>();
    for (let i = 0; i < 60; i += 1) {
      for (const r of dueReminders(task, addDays('2024-03-10', i), policy)) daily.add(r.kind);
    }
    expect([...daily].sort()).toEqual(['due_in_1', 'due_in_3', 'due_in_7', 'escalation', 'overdue']);
  });

  it('writes Vietnamese messages', () => {
    const [r] = dueReminders(task, '2024-03-22', policy);
    expect(r && reminderMessageVi(r, 'Báo cáo tiến độ')).toBe('Nhiệm vụ "Báo cáo tiến độ" còn 3 ngày đến hạn (25/03/2024).');
    const [o] = dueReminders(task, '2024-03-27', policy);
    expect(o && reminderMessageVi(o, 'X')).toBe('Nhiệm vụ "X" đã quá hạn 2 ngày (hạn 25/03/2024).');
  });
});
