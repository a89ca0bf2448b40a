import type { Db, Queryable } from '../db/client';
import { MEASURE, SAMPLE_CLASS_THRESHOLDS, SAMPLE_CRITERIA } from '../core/evaluation/criteria';
import { recordAudit } from '../server/audit';
import { createRun } from '../server/modules/evaluation/run';

/**
 * Demo evaluation: the rule (criteria and class bands, from core's SAMPLE_CRITERIA, valid from
 * 01/01/2022) and, for 2022, per-unit measures for the 22 units Công văn 139/UBND-KSTTHC of
 * 18/01/2023 (seed 000) rates. The measures are SAMPLE DATA chosen to be consistent with the
 * letter's words (ghi nhận: "bảo đảm tiến độ, hoàn thành nhiệm vụ"; rút kinh nghiệm: "không
 * giải ngân được, phải chuyển nguồn"; phê bình: "nhiều nhiệm vụ chậm … bị huỷ nguồn"); run
 * through the criteria they give exactly the letter's three lists. docs/evaluation-2022.md
 * writes the arithmetic out unit by unit.
 */

const SYSTEM = { actorId: null, actorName: 'hệ thống (dữ liệu mẫu)' };
export const DEMO_EVALUATION_PERIOD = '2022';
const SAMPLE_NOTE = 'Dữ liệu mẫu, phù hợp với Công văn 139/UBND-KSTTHC ngày 18/01/2023';

type Measures = { on: number; overdue: number; reports: number; disb: number | null; ind: number | null };

/** Unit code → 2022 measures (percent, count). null: the criterion does not apply (no funded task, no plan target). */
export const DEMO_MEASURES_2022: Readonly<Record<string, Measures & { expected: 'ghi_nhan' | 'rut_kinh_nghiem' | 'phe_binh' }>> = {
  // 1. Ghi nhận
  'HP.SNV': { on: 100, overdue: 0, reports: 100, disb: 95, ind: 90, expected: 'ghi_nhan' },
  'HP.CTHADS': { on: 100, overdue: 0, reports: 91.7, disb: 88, ind: null, expected: 'ghi_nhan' },
  'HP.SKHDT': { on: 92.3, overdue: 0, reports: 100, disb: 81.5, ind: 85, expected: 'ghi_nhan' },
  'HP.SVHTT': { on: 90.9, overdue: 1, reports: 91.7, disb: 76, ind: 80, expected: 'ghi_nhan' },
  'HP.CATP': { on: 100, overdue: 0, reports: 100, disb: 87.3, ind: null, expected: 'ghi_nhan' },
  'HP.BQLKKT': { on: 90, overdue: 0, reports: 91.7, disb: 78.6, ind: 75, expected: 'ghi_nhan' },
  // 2. Rút kinh nghiệm: tasks mostly on time, money not disbursed (carried over)
  'HP.BCHQS': { on: 83.3, overdue: 1, reports: 83.3, disb: 0, ind: null, expected: 'rut_kinh_nghiem' },
  'HP.SXD': { on: 80, overdue: 1, reports: 91.7, disb: 12.4, ind: 70, expected: 'rut_kinh_nghiem' },
  'HP.SNNPTNT': { on: 85.7, overdue: 1, reports: 100, disb: 8.2, ind: 66.7, expected: 'rut_kinh_nghiem' },
  'HP.SKHCN': { on: 83.3, overdue: 1, reports: 91.7, disb: 0, ind: 80, expected: 'rut_kinh_nghiem' },
  'HP.VPUBND': { on: 87.5, overdue: 1, reports: 100, disb: 15.3, ind: null, expected: 'rut_kinh_nghiem' },
  'HP.TTRA': { on: 85.7, overdue: 1, reports: 83.3, disb: 0, ind: null, expected: 'rut_kinh_nghiem' },
  'HP.SCT': { on: 77.8, overdue: 2, reports: 91.7, disb: 21.5, ind: 75, expected: 'rut_kinh_nghiem' },
  'HP.VPDBQHHDND': { on: 100, overdue: 0, reports: 83.3, disb: 0, ind: null, expected: 'rut_kinh_nghiem' },
  'HP.STNMT': { on: 81.8, overdue: 1, reports: 91.7, disb: 10.6, ind: 60, expected: 'rut_kinh_nghiem' },
  // 3. Phê bình: many tasks late, money not allocated or cancelled
  'HP.BAOHP': { on: 50, overdue: 2, reports: 66.7, disb: 0, ind: null, expected: 'phe_binh' },
  'HP.SYT': { on: 62.5, overdue: 3, reports: 83.3, disb: 4.1, ind: 50, expected: 'phe_binh' },
  'HP.SGTVT': { on: 60, overdue: 4, reports: 75, disb: 0, ind: 50, expected: 'phe_binh' },
  'HP.SGDDT': { on: 66.7, overdue: 3, reports: 83.3, disb: 6.8, ind: 60, expected: 'phe_binh' },
  'HP.STTTT': { on: 58.3, overdue: 5, reports: 91.7, disb: 2.9, ind: 40, expected: 'phe_binh' },
  'HP.STP': { on: 55.6, overdue: 4, reports: 83.3, disb: 0, ind: null, expected: 'phe_binh' },
  'HP.SDL': { on: 60, overdue: 3, reports: 75, disb: 0, ind: 50, expected: 'phe_binh' },
};

/** The rule rows: the core sample criteria and class bands, valid from 01/01/2022, labelled sample. */
export async function seedEvaluationRules(q: Queryable): Promise<void> {
  for (const c of SAMPLE_CRITERIA) {
    await q.query(
      `insert into evaluation_criteria (code, name, weight, direction, unit, threshold_zero, threshold_full, valid_from, valid_to, note, sample)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true) on conflict (code, valid_from) do nothing`,
      [c.code, c.name, c.weight, c.direction, c.unit, c.thresholds.zero, c.thresholds.full, c.validFrom, c.validTo ?? null, 'Bộ tiêu chí mẫu (dữ liệu mẫu): trọng số và ngưỡng do Hải Đăng đề xuất, không trích từ văn bản ban hành'],
    );
  }
  await q.query(
    `insert into evaluation_class_thresholds (ghi_nhan_from, phe_binh_below, valid_from, note, sample)
     values ($1, $2, '2022-01-01', $3, true) on conflict (valid_from) do nothing`,
    [SAMPLE_CLASS_THRESHOLDS.ghiNhanFrom, SAMPLE_CLASS_THRESHOLDS.pheBinhBelow, 'Ngưỡng mẫu (dữ liệu mẫu): từ 80 điểm ghi nhận, dưới 50 điểm phê bình'],
  );
}

/** 2022 sample measures of the units the letter names. */
export async function seedMeasures2022(q: Queryable): Promise<number> {
  const units = await q.query<{ id: string; code: string }>('select id, code from units where code = any($1::text[])', [Object.keys(DEMO_MEASURES_2022)]);
  let n = 0;
  for (const u of units) {
    const m = DEMO_MEASURES_2022[u.code]!;
    const values: Array<[string, number | null]> = [
      [MEASURE.onTimeRate, m.on],
      [MEASURE.overdueTasks, m.overdue],
      [MEASURE.reportTimeliness, m.reports],
      [MEASURE.disbursementRate, m.disb],
      [MEASURE.indicatorAchievement, m.ind],
    ];
    for (const [code, value] of values) {
      await q.query(
        `insert into evaluation_measures (period_key, unit_id, code, source, value, note) values ($1, $2, $3, 'sample', $4, $5)
         on conflict (period_key, unit_id, code, source) do update set value = excluded.value, note = excluded.note`,
        [DEMO_EVALUATION_PERIOD, u.id, code, value, value === null ? `${SAMPLE_NOTE}; không áp dụng cho đơn vị` : SAMPLE_NOTE],
      );
      n += 1;
    }
  }
  return n;
}

/**
 * The demo seeder (src/db/seed.ts DEMO_SEEDERS): rules, 2022 measures and the 2022 evaluation
 * run itself. The IOC opens on the clock's year (issue 14); 2022 is one choice of its year list.
 */
export async function seedDemoEvaluation(db: Db, now: () => Date = () => new Date()): Promise<string> {
  await db.transaction(async (tx) => {
    await seedEvaluationRules(tx);
    const measures = await seedMeasures2022(tx);
    await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'evaluation', after: { criteria: SAMPLE_CRITERIA.length, measures, period: DEMO_EVALUATION_PERIOD } });
  });
  // The letter rates the 22 units with tasks in the 2022 plan; the run takes the same scope.
  const scope = await db.query<{ id: string }>('select id from units where code = any($1::text[])', [Object.keys(DEMO_MEASURES_2022)]);
  const run = await createRun({ db, now }, SYSTEM, {
    period: DEMO_EVALUATION_PERIOD,
    unitKinds: ['department', 'agency'],
    unitIds: scope.map((u) => u.id),
    note: 'Đánh giá năm 2022 (dữ liệu mẫu): 22 cơ quan, đơn vị được Công văn 139/UBND-KSTTHC ngày 18/01/2023 đánh giá',
  });
  return run.id;
}
