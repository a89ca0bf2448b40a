import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import type { DossierRecord } from '../../src/core/indicators/dossier-classify';
import { DOSSIER_COUNT_FIELDS } from '../../src/core/indicators/dossier-rates';
import { seedOrganisation } from '../../src/demo/seed';
import { addContribution, recountMonths, type CountMap } from '../../src/server/modules/dossiers/aggregates';
import { feedDeltas } from '../../src/server/modules/dossiers/monthly-sql';
import { ENGINES, openTestDb } from '../helpers/db';

/**
 * The monthly counters are computed in SQL (set-based) while the rule is written once in core
 * (classifyDossier). These properties hold the two equal on random dossiers, around month
 * ends, due days and the moment of reading, on both engines.
 */
const COLUMN: Record<string, string> = {
  carriedOver: 'carried_over', received: 'received', receivedOnline: 'received_online', receivedOnlineFull: 'received_online_full', toHandle: 'to_handle',
  finishedEarly: 'finished_early', finishedOnTime: 'finished_on_time', finishedLate: 'finished_late', inProgressOnTime: 'in_progress_on_time', inProgressLate: 'in_progress_late',
};

const BASE = Date.parse('2022-01-01T00:00:00+07:00');
const DAY = 86_400_000;

const arbDossier = fc
  .record({
    received: fc.integer({ min: 0, max: 420 * DAY }),
    channel: fc.constantFrom('online', 'direct', 'postal'),
    fully: fc.boolean(),
    // A due date as the feed stores it: the end of a day in Vietnam, or an exact instant.
    due: fc.option(fc.record({ days: fc.integer({ min: 0, max: 40 }), endOfDay: fc.boolean(), ms: fc.integer({ min: 0, max: DAY - 1 }) }), { nil: null }),
    finished: fc.option(fc.integer({ min: 0, max: 120 * DAY }), { nil: null }),
  })
  .map(({ received, channel, fully, due, finished }): DossierRecord => {
    const r = BASE + received;
    let dueAt: string | null = null;
    if (due) {
      const dayStart = Math.floor((r + 7 * 3_600_000) / DAY) * DAY - 7 * 3_600_000 + due.days * DAY;
      const at = due.endOfDay ? dayStart + DAY - 1 : Math.max(r, dayStart + due.ms);
      dueAt = new Date(at).toISOString();
    }
    return {
      receivedAt: new Date(r).toISOString(),
      channel: channel as DossierRecord['channel'],
      fullyOnline: channel === 'online' && fully,
      dueAt,
      finishedAt: finished === null ? null : new Date(r + finished).toISOString(),
    };
  });

const arbAsOf = fc.integer({ min: 20 * DAY, max: 500 * DAY }).map((ms) => new Date(BASE + ms).toISOString());

function expected(dossiers: readonly DossierRecord[], unitId: string, asOf: string, sign: 1 | -1 = 1, into: CountMap = new Map()): CountMap {
  for (const d of dossiers) addContribution(into, unitId, d, asOf, sign);
  return into;
}

function asRows(map: CountMap) {
  return [...map.entries()]
    .map(([k, c]) => ({ month: k.split('|')[1]!, ...Object.fromEntries(DOSSIER_COUNT_FIELDS.map((f) => [COLUMN[f]!, c[f]])) }))
    .sort((a, b) => a.month.localeCompare(b.month));
}

class Rollback extends Error {}

async function inRollback(db: Db, fn: Parameters<Db['transaction']>[0]) {
  try {
    await db.transaction(async (tx) => {
      await fn(tx);
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
}

describe.each(ENGINES)('dossier counters in SQL equal the core rule on %s', (engine) => {
  let db: Db;
  let unitId: string;
  let jobId: string;
  const cols = DOSSIER_COUNT_FIELDS.map((f) => COLUMN[f]).join(', ');

  beforeAll(async () => {
    db = await openTestDb(engine);
    await seedOrganisation(db);
    unitId = (await db.query<{ id: string }>(`select id from units where code = 'HP.Q.LECHAN'`))[0]!.id;
    jobId = (await db.query<{ id: string }>(`insert into import_jobs (kind, file_name, status, created_by_name) values ('dossiers', 'p.csv', 'done', 'test') returning id`))[0]!.id;
  });
  afterAll(async () => db?.close());

  const insert = (table: 'dossiers' | 'dossier_import_rows', ds: readonly DossierRecord[], codePrefix: string) =>
    table === 'dossiers'
      ? `insert into dossiers (province_id, unit_id, code, procedure_code, received_at, channel, fully_online, due_at, finished_at)
         select 'HP', $1, $2 || g, 'P', r, c, f, d, fin from unnest($3::timestamptz[], $4::text[], $5::boolean[], $6::timestamptz[], $7::timestamptz[]) with ordinality as x(r, c, f, d, fin, g)`
      : `insert into dossier_import_rows (import_id, row_number, unit_id, code, procedure_code, received_at, channel, fully_online, due_at, finished_at)
         select '${jobId}', g, $1, $2 || g, 'P', r, c, f, d, fin from unnest($3::timestamptz[], $4::text[], $5::boolean[], $6::timestamptz[], $7::timestamptz[]) with ordinality as x(r, c, f, d, fin, g)`;
  const params = (ds: readonly DossierRecord[], codePrefix: string) => [
    unitId, codePrefix, ds.map((d) => d.receivedAt), ds.map((d) => d.channel), ds.map((d) => d.fullyOnline ?? false), ds.map((d) => d.dueAt), ds.map((d) => d.finishedAt),
  ];

  it('recounts every month a dossier touches exactly as classifyDossier does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbDossier, { minLength: 1, maxLength: 40 }), arbAsOf, async (dossiers, asOf) => {
        const want = asRows(expected(dossiers, unitId, asOf));
        await inRollback(db, async (tx) => {
          await tx.query(insert('dossiers', dossiers, 'D'), params(dossiers, 'D'));
          await recountMonths(tx, want.map((w) => ({ unitId, month: w.month })), asOf);
          const got = await tx.query(`select month, ${cols} from dossier_monthly where unit_id = $1 order by month`, [unitId]);
          expect(got).toEqual(want);
        });
      }),
      { numRuns: 25 },
    );
  });

  it('computes a feed’s deltas (+ new rows, − the stored version of re-sent ones) exactly as the core rule', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbDossier, { minLength: 1, maxLength: 30 }), fc.array(arbDossier, { minLength: 1, maxLength: 30 }), arbAsOf, async (stored, sent, asOf) => {
        // Rows of `sent` re-send the codes of the first rows of `stored`; the rest are new.
        const map = expected(sent, unitId, asOf);
        expected(stored.slice(0, sent.length), unitId, asOf, -1, map);
        const want = asRows(map).filter((r) => Object.entries(r).some(([k, v]) => k !== 'month' && Number(v) !== 0));
        await inRollback(db, async (tx) => {
          await tx.query(insert('dossiers', stored, 'C'), params(stored, 'C'));
          await tx.query(insert('dossier_import_rows', sent, 'C'), params(sent, 'C'));
          await feedDeltas(tx, jobId, asOf);
          const got = (await tx.query<Record<string, number | string>>(`select month, ${cols} from dossier_pairs where unit_id = $1 order by month`, [unitId])).filter((r) =>
            Object.entries(r).some(([k, v]) => k !== 'month' && Number(v) !== 0),
          );
          expect(got).toEqual(want);
        });
      }),
      { numRuns: 25 },
    );
  });
});
