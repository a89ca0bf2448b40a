import type { Db, Queryable } from '../db/client';
import { CV139_RULE_SET, SAMPLE_COMMUNE_RULE_SET } from '../core/evaluation/rule-set';
import { recordAudit } from '../server/audit';
import { insertRuleSet } from '../server/modules/evaluation/queries';
import { createRun } from '../server/modules/evaluation/run';

/**
 * Demo evaluation: the rule sets (the grounds of Công văn 139/UBND-KSTTHC of 18/01/2023 for
 * city bodies from 2022; a sample rule set for communes and wards) and the 2022 round itself.
 * The round has no figures of its own: it reads the demo's 2022 tasks and budget
 * (demo-tasks.ts, demo-projects.ts), so it must run after them, and its three lists are the
 * letter's because the demo's budget data separates them on the letter's grounds
 * (docs/evaluation-2022.md).
 */

const SYSTEM = { actorId: null, actorName: 'hệ thống (dữ liệu mẫu)' };
export const DEMO_EVALUATION_PERIOD = '2022';

export async function seedEvaluationRules(q: Queryable): Promise<void> {
  for (const rs of [CV139_RULE_SET, SAMPLE_COMMUNE_RULE_SET]) await insertRuleSet(q, rs, null);
}

/**
 * The demo seeder (src/demo/seed.ts DEMO_SEEDERS): rule sets and the 2022 round. The IOC opens
 * on the clock's year (issue 14); 2022 is one choice of its year list.
 */
export async function seedDemoEvaluation(db: Db, now: () => Date = () => new Date()): Promise<string> {
  await db.transaction(async (tx) => {
    await seedEvaluationRules(tx);
    await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'evaluation', after: { ruleSets: [CV139_RULE_SET.code, SAMPLE_COMMUNE_RULE_SET.code], period: DEMO_EVALUATION_PERIOD } });
  });
  const run = await createRun({ db, now }, SYSTEM, {
    period: DEMO_EVALUATION_PERIOD,
    unitLevel: 'city',
    unitKinds: ['department', 'agency'],
    note: 'Đánh giá năm 2022 (dữ liệu mẫu) theo căn cứ của Công văn 139/UBND-KSTTHC ngày 18/01/2023: các cơ quan, đơn vị có nhiệm vụ được bố trí kinh phí',
  });
  return run.id;
}
