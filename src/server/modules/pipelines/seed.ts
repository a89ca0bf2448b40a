import type { Db, Queryable } from '../../../db/client';
import { PIPELINE_TEMPLATES } from '../../../core/projects/pipeline-templates';
import { ROLE_UNIT_ASSIGNMENTS, type RoleUnitAssignment } from '../../../core/projects/role-units';
import { foldVietnamese } from '../../../core/text/fold';
import { recordAudit } from '../../audit';

const SYSTEM = { actorId: null, actorName: 'hệ thống' };
const TEMPLATES_SETTING = 'seed.pipeline_templates';
const ROLE_UNITS_SETTING = 'seed.pipeline_role_units';
// Any constant: the seeding transactions of several processes take turns on it.
const SEED_LOCK = 7_427_005;

async function seeded(tx: Queryable, key: string): Promise<boolean> {
  return (await tx.query('select 1 from app_settings where key = $1', [key])).length > 0;
}

async function markSeeded(tx: Queryable, key: string, value: unknown): Promise<void> {
  await tx.query(
    'insert into app_settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value, updated_at = now()',
    [key, JSON.stringify(value)],
  );
}

/** Core's legal templates become editable rows, once; later starts leave an administrator's edits alone. */
async function seedTemplates(tx: Queryable): Promise<number> {
  if (await seeded(tx, TEMPLATES_SETTING)) return 0;
  let inserted = 0;
  for (const t of PIPELINE_TEMPLATES) {
    const rows = await tx.query(
      `insert into pipeline_templates (code, law, name, kind, valid_from, valid_to, amount_min_exclusive, amount_max_inclusive, steps, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (code) do nothing returning id`,
      [t.code, t.law, t.name, t.kind, t.validFrom, t.validTo, t.amountRange?.minExclusive ?? null, t.amountRange?.maxInclusive ?? null, JSON.stringify(t.steps), t.note ?? null],
    );
    inserted += rows.length;
  }
  await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'pipeline_template', after: { templates: PIPELINE_TEMPLATES.map((t) => t.code) } });
  await markSeeded(tx, TEMPLATES_SETTING, { at: new Date().toISOString(), templates: inserted });
  return inserted;
}

/**
 * Core names the holders by name ("Sở Thông tin và Truyền thông"); the registry is matched by
 * folded name or alias, preferring a unit valid when the assignment starts and, among those,
 * the one nearest the root (the city committee before a ward of the same name).
 */
async function findUnit(tx: Queryable, a: RoleUnitAssignment): Promise<string | null> {
  const folded = foldVietnamese(a.unitName);
  const rows = await tx.query<{ id: string }>(
    `select u.id from units u
      where u.name_folded = $1 or exists (select 1 from unit_aliases x where x.unit_id = u.id and x.alias_folded = $1)
      order by (u.valid_from <= $2::date and (u.valid_to is null or u.valid_to >= $2::date)) desc,
               (u.valid_to is null or u.valid_to >= coalesce($3::date, '9999-12-31'::date)) desc,
               u.level, u.valid_from
      limit 1`,
    [folded, a.validFrom, a.validTo],
  );
  return rows[0]?.id ?? null;
}

/** Waits for the organisation: nothing is written until every holder of core's table is found. */
async function seedRoleUnits(tx: Queryable): Promise<number> {
  if (await seeded(tx, ROLE_UNITS_SETTING)) return 0;
  const resolved: Array<{ a: RoleUnitAssignment; unitId: string }> = [];
  for (const a of ROLE_UNIT_ASSIGNMENTS) {
    const unitId = await findUnit(tx, a);
    if (!unitId) return 0;
    resolved.push({ a, unitId });
  }
  for (const { a, unitId } of resolved) {
    await tx.query(
      `insert into pipeline_role_units (role, kinds, unit_id, valid_from, valid_to, basis) values ($1, $2, $3, $4, $5, $6)`,
      [a.role, a.kinds ? [...a.kinds] : null, unitId, a.validFrom, a.validTo, a.basis],
    );
  }
  await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'pipeline_role_unit', after: { rows: resolved.length } });
  await markSeeded(tx, ROLE_UNITS_SETTING, { at: new Date().toISOString(), rows: resolved.length });
  return resolved.length;
}

/** Reference data every start needs (not demo data): templates now, holders once units exist. */
export async function ensurePipelineSeed(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    await seedTemplates(tx);
    await seedRoleUnits(tx);
  });
}
