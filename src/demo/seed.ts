import type { Db, Queryable } from '../db/client';
import { foldVietnamese, normalizeText } from '../core/text/fold';
import { hashPassword } from '../server/modules/auth/service';
import { rebuildClosure } from '../server/modules/units/queries';
import { recordAudit } from '../server/audit';
import { getSetting, setSetting } from '../server/app-settings';
import { vnToday } from '../core/calendar/timestamps';
import { ORGANISATION, type SeedUnit } from './organisation';
import { seedDemoTasks } from './demo-tasks';
import { seedDemoIndicators, seedDemoIndicatorsCurrentYear } from './demo-indicators';
import { seedDemoProjects } from './demo-projects';
import { seedDemoEvaluation } from './demo-evaluation';
import { seedSampleProvince } from './sample-province';

const SYSTEM = { actorId: null, actorName: 'hệ thống (dữ liệu mẫu)' };

/** Loads the Hải Phòng organisation once; later starts leave the administrator's edits alone. */
export async function seedOrganisation(db: Db, units: readonly SeedUnit[] = ORGANISATION): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (await getSetting(tx, 'seed.organisation')) return false;
    await tx.query(`insert into provinces (id, name) values ('HP', 'Thành phố Hải Phòng') on conflict do nothing`);
    await insertSeedUnits(tx, units);
    const closureRows = await rebuildClosure(tx);
    await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'organisation', after: { units: units.length, closureRows } });
    await setSetting(tx, 'seed.organisation', { at: new Date().toISOString(), units: units.length });
    return true;
  });
}

/**
 * Three set-based statements whatever the number of units (some 540 for the whole new Hải Phòng
 * and its two former provinces): units, aliases, successors. A row may name a parent inserted by
 * the same statement: the foreign key is checked at the end of the statement.
 */
async function insertSeedUnits(tx: Queryable, units: readonly SeedUnit[]): Promise<void> {
  const levels = levelsOf(units);
  const rows = units.map((u) => {
    const name = normalizeText(u.name);
    return {
      code: u.code,
      name,
      name_folded: foldVietnamese(name),
      short_name: u.shortName ?? null,
      kind: u.kind,
      level: levels.get(u.code) ?? 0,
      parent_code: u.parentCode,
      valid_from: u.validFrom,
      valid_to: u.validTo,
      groups: u.groups ?? [],
      sample: u.sample ?? false,
      official_code: u.officialCode ?? null,
    };
  });
  await tx.query(
    `with r as (
       select r.*, gen_random_uuid() as id
         from jsonb_to_recordset($1::jsonb) as r(code text, name text, name_folded text, short_name text, kind text, level int,
              parent_code text, valid_from date, valid_to date, groups text[], sample boolean, official_code text)
     )
     insert into units (id, province_id, code, name, name_folded, short_name, kind, level, parent_id, valid_from, valid_to, groups, sample, official_code)
     select r.id, 'HP', r.code, r.name, r.name_folded, r.short_name, r.kind, r.level, p.id, r.valid_from, r.valid_to, r.groups, r.sample, r.official_code
       from r left join r p on p.code = r.parent_code`,
    [JSON.stringify(rows)],
  );
  const aliases = units.flatMap((u) =>
    [...new Set([u.shortName, ...(u.aliases ?? [])].filter((a): a is string => !!a).map(normalizeText))].map((alias) => ({
      code: u.code,
      alias,
      alias_folded: foldVietnamese(alias),
    })),
  );
  await tx.query(
    `insert into unit_aliases (unit_id, alias, alias_folded)
     select u.id, a.alias, a.alias_folded
       from jsonb_to_recordset($1::jsonb) as a(code text, alias text, alias_folded text) join units u on u.code = a.code
     on conflict do nothing`,
    [JSON.stringify(aliases)],
  );
  // The first successor listed is the primary one: it inherits the unit's history.
  const successors = units.flatMap((u) => (u.successorCodes ?? []).map((s, i) => ({ code: u.code, successor: s, is_primary: i === 0 })));
  await tx.query(
    `insert into unit_successors (predecessor_id, successor_id, is_primary)
     select p.id, s.id, x.is_primary
       from jsonb_to_recordset($1::jsonb) as x(code text, successor text, is_primary boolean)
       join units p on p.code = x.code join units s on s.code = x.successor`,
    [JSON.stringify(successors)],
  );
}

/** Distance from the root of each unit, in one pass over the parent links. */
function levelsOf(units: readonly SeedUnit[]): Map<string, number> {
  const parentOf = new Map(units.map((u) => [u.code, u.parentCode]));
  const levels = new Map<string, number>();
  const levelOf = (code: string, depth = 0): number => {
    const known = levels.get(code);
    if (known !== undefined) return known;
    const parent = parentOf.get(code);
    if (!parent || depth > units.length) return 0;
    const level = levelOf(parent, depth + 1) + 1;
    levels.set(code, level);
    return level;
  };
  for (const u of units) levels.set(u.code, levelOf(u.code));
  return levels;
}

/** Demo accounts, one per role, sharing the administrator's initial password. Sample data. */
export const DEMO_USERS = [
  // The đầu mối is Sở KH&CN since 01/03/2025; as primary successor it also holds Sở TT&TT's history.
  { username: 'dieuphoi', fullName: 'Cán bộ đầu mối Sở KH&CN (mẫu)', role: 'coordinator', unitCode: 'HP.SKHCN' },
  { username: 'taichinh', fullName: 'Chuyên viên Sở Tài chính (mẫu)', role: 'finance', unitCode: 'HP.STC' },
  { username: 'canbo.lechan', fullName: 'Cán bộ UBND quận Lê Chân (mẫu)', role: 'unit_officer', unitCode: 'HP.Q.LECHAN' },
  { username: 'lanhdao.lechan', fullName: 'Lãnh đạo UBND quận Lê Chân (mẫu)', role: 'unit_leader', unitCode: 'HP.Q.LECHAN' },
  { username: 'lanhdao', fullName: 'Phó Chủ tịch UBND thành phố (mẫu)', role: 'leadership', unitCode: 'HP' },
  // Reads every province side by side (a ministry's view); its unit only names a home province.
  { username: 'quocgia', fullName: 'Chuyên viên theo dõi toàn quốc (mẫu)', role: 'national', unitCode: 'HP' },
] as const;

export async function seedDemoUsers(db: Db, password: string): Promise<string[]> {
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    if (await getSetting(tx, 'seed.demo_users')) return [];
    const created: string[] = [];
    for (const u of DEMO_USERS) {
      const unit = (await tx.query<{ id: string }>('select id from units where code = $1', [u.unitCode]))[0];
      if (!unit) continue;
      await tx.query(
        'insert into users (username, password_hash, full_name, role, unit_id) values ($1, $2, $3, $4, $5) on conflict do nothing',
        [u.username, hash, u.fullName, u.role, unit.id],
      );
      created.push(u.username);
    }
    await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'user', after: { demoUsers: created } });
    await setSetting(tx, 'seed.demo_users', { at: new Date().toISOString(), users: created });
    return created;
  });
}

/**
 * Demo data of each capability, one line each (labelled sample data in the rows
 * themselves). Each runs once per database: its marker is written after it succeeds.
 * A seeder should do its work in one transaction so that a crash leaves nothing half-made.
 */
export interface SeedOptions {
  /** The product's clock: demo deadlines and statuses are placed around its "today". */
  now?: () => Date;
  log?: (msg: string) => void;
}

export const DEMO_SEEDERS: Array<{ name: string; run: (db: Db, now: () => Date) => Promise<unknown> }> = [
  { name: 'tasks', run: (db, now) => seedDemoTasks(db, now()) },
  { name: 'projects', run: (db, now) => seedDemoProjects(db, vnToday(now())) },
  { name: 'indicators', run: (db) => seedDemoIndicators(db) },
  // The year of the clock, so the IOC opens on figures of now (issue 14).
  { name: 'current-year', run: (db, now) => seedDemoIndicatorsCurrentYear(db, vnToday(now())) },
  { name: 'evaluation', run: (db, now) => seedDemoEvaluation(db, now) }, // its 2022 run reads the other demo data
  // A second, small sample province for the national screen; after the rest (reuses the current year's indicators).
  { name: 'sample-province', run: (db, now) => seedSampleProvince(db, vnToday(now())) },
];

export async function seedDemoData(db: Db, opts: SeedOptions = {}): Promise<string[]> {
  const now = opts.now ?? (() => new Date());
  const done: string[] = [];
  for (const seeder of DEMO_SEEDERS) {
    const key = `seed.demo.${seeder.name}`;
    if (await getSetting(db, key)) continue;
    await seeder.run(db, now);
    await setSetting(db, key, { at: now().toISOString() });
    opts.log?.(`Đã nạp dữ liệu mẫu: ${seeder.name}`);
    done.push(seeder.name);
  }
  return done;
}
