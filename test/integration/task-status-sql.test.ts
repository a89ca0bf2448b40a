import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { addDays } from '../../src/core/calendar/dates';
import { vnToday } from '../../src/core/calendar/timestamps';
import { bucketKeyOf, isStale, overdueBucket, overdueDays, taskStatus } from '../../src/core/tasks/status';
import { statusSql } from '../../src/server/modules/tasks/queries';
import { ENGINES, openBaseDb } from '../helpers/db';

/**
 * The task list filters, counts and pages in SQL (statusSql) while the rule is written once in
 * core (taskStatus, overdueDays, the buckets, isStale). These properties hold the two equal on
 * generated tasks around deadlines, month ends and Vietnamese midnight, on both engines.
 */
const BASE = '2024-01-01';
const DAY = 86_400_000;

const arbTask = fc.record({
  assigned: fc.integer({ min: 0, max: 700 }),
  deadline: fc.option(fc.integer({ min: -10, max: 400 }), { nil: null }),
  completed: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
  // Instants near Vietnamese midnight (17:00 UTC) too.
  createdMs: fc.integer({ min: 0, max: 700 * DAY }),
  progressMs: fc.option(fc.integer({ min: 0, max: 300 * DAY }), { nil: null }),
});

describe.each(ENGINES)('task status in SQL equals the core rule on %s', (engine) => {
  let db: Db;
  let unitId: string;
  beforeAll(async () => {
    db = await openBaseDb(engine);
    unitId = (await db.query<{ id: string }>('select id from units order by code limit 1'))[0]!.id;
  });
  afterAll(async () => db?.close());

  it('status, days late, bucket and the stale flag agree for every task and every day asked', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbTask, { minLength: 20, maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 3, maxLength: 6 }), async (tasks, days) => {
        await db.exec('delete from tasks');
        const rows = tasks.map((t, i) => {
          const assigned = addDays(BASE, t.assigned);
          const created = new Date(Date.parse(`${BASE}T00:00:00Z`) + t.createdMs).toISOString();
          return {
            title: `Nhiệm vụ ${i}`,
            assigned,
            deadline: t.deadline === null ? null : addDays(assigned, t.deadline),
            completed: t.completed === null ? null : addDays(assigned, t.completed),
            created,
            progress: t.progressMs === null ? null : new Date(Date.parse(created) + t.progressMs).toISOString(),
          };
        });
        await db.query(
          `insert into tasks (title, lead_unit_id, assigned_on, deadline, completed_on, created_at, last_progress_at)
           select x.title, $1, x.assigned::date, x.deadline::date, x.completed::date, x.created::timestamptz, x.progress::timestamptz
             from jsonb_to_recordset($2::jsonb) as x(title text, assigned text, deadline text, completed text, created text, progress text)`,
          [unitId, JSON.stringify(rows)],
        );
        for (const d of days) {
          const today = addDays(BASE, d);
          const s = statusSql('$1::date');
          const got = await db.query<{ title: string; status: string; days: number; stale: boolean }>(
            `select t.title, ${s.status} as status, ${s.days} as days, ${s.stale} as stale from tasks t order by t.title`,
            [today],
          );
          const want = rows
            .map((r) => {
              const dates = { deadline: r.deadline, completedAt: r.completed };
              return {
                title: r.title,
                status: taskStatus(dates, today),
                days: overdueDays(dates, today),
                bucket: bucketKeyOf(overdueBucket(dates, today)),
                stale: isStale({ ...dates, lastProgressAt: r.progress ? vnToday(r.progress) : null, createdAt: vnToday(r.created) }, today),
              };
            })
            .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
          const sqlBucket = (n: number) => (n > 120 ? 'gt120' : n > 30 ? 'gt30' : n > 0 ? 'le30' : null);
          expect(got.map((g) => ({ title: g.title, status: g.status, days: Number(g.days), bucket: sqlBucket(Number(g.days)), stale: g.stale }))).toEqual(want);
        }
      }),
      { numRuns: 15 },
    );
  });
});
