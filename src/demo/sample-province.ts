import type { Db, Queryable } from '../db/client';
import { foldVietnamese } from '../core/text/fold';
import { addDays } from '../core/calendar/dates';
import { recordAudit } from '../server/audit';
import { rebuildClosure } from '../server/modules/units/queries';
import { writeValues, type ValueWrite } from '../server/modules/indicators/values';

/**
 * A second, small province, labelled as sample data everywhere ("mẫu"): it exists so that one
 * deployment shows several provinces side by side (the national screen). Its figures are made
 * up; its organisation is a root, one department and three communes. Kept small so that demo
 * seeding and the tests that load it stay fast.
 */
export const SAMPLE_PROVINCE = { id: 'QN', name: 'Tỉnh Quảng Ninh (mẫu)' } as const;

const SYSTEM = { actorId: null, actorName: 'hệ thống (dữ liệu mẫu)' };
const FROM = '2025-07-01';

const UNITS = [
  { code: 'QN', name: 'Ủy ban nhân dân tỉnh Quảng Ninh (mẫu)', kind: 'city_committee', level: 0, parent: null },
  { code: 'QN.SKHCN', name: 'Sở Khoa học và Công nghệ tỉnh Quảng Ninh (mẫu)', kind: 'department', level: 1, parent: 'QN' },
  { code: 'QN.X.HALONG', name: 'Phường Hạ Long (mẫu)', kind: 'commune', level: 1, parent: 'QN' },
  { code: 'QN.X.CAMPHA', name: 'Phường Cẩm Phả (mẫu)', kind: 'commune', level: 1, parent: 'QN' },
  { code: 'QN.X.VANDON', name: 'Đặc khu Vân Đồn (mẫu)', kind: 'commune', level: 1, parent: 'QN' },
] as const;

async function insertUnits(tx: Queryable): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const u of UNITS) {
    const rows = await tx.query<{ id: string }>(
      `insert into units (province_id, code, name, name_folded, kind, level, parent_id, valid_from, groups, sample)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, true) returning id`,
      [SAMPLE_PROVINCE.id, u.code, u.name, foldVietnamese(u.name), u.kind, u.level, u.parent ? ids.get(u.parent) : null, FROM, u.kind === 'commune' ? ['communes'] : u.kind === 'department' ? ['departments'] : []],
    );
    ids.set(u.code, rows[0]!.id);
  }
  return ids;
}

/** Six tasks of the current year: two done on time, one done late, one overdue, two in progress. */
async function insertTasks(tx: Queryable, ids: Map<string, string>, today: string): Promise<number> {
  const year = today.slice(0, 4);
  const start = `${year}-02-01`;
  const tasks: Array<{ title: string; unit: string; deadline: string; done: string | null }> = [
    { title: 'Số hóa hồ sơ thủ tục hành chính cấp tỉnh (mẫu)', unit: 'QN.SKHCN', deadline: `${year}-06-30`, done: `${year}-06-20` },
    { title: 'Triển khai Wi-Fi công cộng tại trung tâm phường (mẫu)', unit: 'QN.X.HALONG', deadline: `${year}-05-31`, done: `${year}-05-30` },
    { title: 'Cập nhật cơ sở dữ liệu dân cư của phường (mẫu)', unit: 'QN.X.CAMPHA', deadline: `${year}-04-30`, done: `${year}-05-15` },
    { title: 'Kết nối cáp quang đến các thôn đảo (mẫu)', unit: 'QN.X.VANDON', deadline: addDays(today, -40), done: null },
    { title: 'Tập huấn kỹ năng số cho cán bộ (mẫu)', unit: 'QN.SKHCN', deadline: addDays(today, 30), done: null },
    { title: 'Xây dựng kho dữ liệu dùng chung của tỉnh (mẫu)', unit: 'QN', deadline: addDays(today, 60), done: null },
  ];
  for (const t of tasks) {
    await tx.query(
      `insert into tasks (province_id, title, lead_unit_id, assigned_on, deadline, original_deadline, completed_on, progress_percent, sample, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $5, $6, $7, true, $8, $8)`,
      [SAMPLE_PROVINCE.id, t.title, ids.get(t.unit), start, t.deadline, t.done, t.done ? 100 : 40, `${start}T08:00:00+07:00`],
    );
  }
  return tasks.length;
}

/** Values of the current year's sample indicators (seeded for Hải Phòng just before) for the sample province. */
async function insertValues(tx: Queryable, ids: Map<string, string>, today: string): Promise<number> {
  const year = today.slice(0, 4);
  const rows = await tx.query<{ id: string; code: string; source: string }>(
    `select i.id, i.code, coalesce((select v.source_agency from indicator_values v where v.indicator_id = i.id limit 1), 'Sở KH&CN') as source
       from indicators i where i.code = any($1::text[])`,
    [['HTS_4G_DANSO', 'HTS_XA_CAPQUANG', 'KH74_3A', 'KH74_1A', 'KH74_2A'].map((c) => `${c}_${year}`)],
  );
  const by = new Map(rows.map((r) => [r.code.replace(`_${year}`, ''), r] as const));
  const out: ValueWrite[] = [];
  const put = (code: string, unit: string, num: number, den: number | null) => {
    const ind = by.get(code);
    if (!ind) return;
    out.push({
      indicatorId: ind.id, unitId: ids.get(unit)!, provinceId: SAMPLE_PROVINCE.id, period: year, periodType: 'year', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`,
      sourceAgency: ind.source, value: den === null ? num : (num / den) * 100, numerator: den === null ? null : num, denominator: den, note: 'Dữ liệu mẫu',
      status: 'approved', origin: 'seed', enteredBy: null, enteredByName: SYSTEM.actorName, enteredAt: `${today}T08:00:00+07:00`, sample: true,
    });
  };
  const communes: Array<[string, number]> = [['QN.X.HALONG', 42_000], ['QN.X.CAMPHA', 31_000], ['QN.X.VANDON', 9_000]];
  for (const [code, people] of communes) {
    put('HTS_4G_DANSO', code, Math.round(people * 0.93), people);
    put('HTS_XA_CAPQUANG', code, code === 'QN.X.VANDON' ? 0 : 1, 1);
    put('KH74_3A', code, Math.round((people / 3.5) * 0.71), Math.round(people / 3.5));
  }
  put('KH74_1A', 'QN.SKHCN', 61, 80);
  put('KH74_2A', 'QN', 9.2, null);
  await writeValues(tx, out);
  return out.length;
}

/** Loads the sample province once (after Hải Phòng's demo data, whose current-year indicators it reuses). */
export async function seedSampleProvince(db: Db, today: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if ((await tx.query('select 1 from provinces where id = $1', [SAMPLE_PROVINCE.id])).length) return false;
    await tx.query('insert into provinces (id, name, sample) values ($1, $2, true)', [SAMPLE_PROVINCE.id, SAMPLE_PROVINCE.name]);
    const ids = await insertUnits(tx);
    await rebuildClosure(tx);
    const tasks = await insertTasks(tx, ids, today);
    const values = await insertValues(tx, ids, today);
    await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'province', after: { province: SAMPLE_PROVINCE.id, units: UNITS.length, tasks, values } });
    return true;
  });
}
