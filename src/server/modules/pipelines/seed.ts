import type { Db, Queryable } from '../../../db/client';
import { PIPELINE_TEMPLATES } from '../../../core/projects/pipeline-templates';
import { ROLE_UNIT_ASSIGNMENTS, type RoleUnitAssignment } from '../../../core/projects/role-units';
import { foldVietnamese } from '../../../core/text/fold';
import { getSetting, setSetting } from '../../app-settings';
import { recordAudit } from '../../audit';
import { insertRoleUnit, insertTemplate, lockSeeding, unitByFoldedName } from './queries';

const SYSTEM = { actorId: null, actorName: 'hệ thống' };
const TEMPLATES_SETTING = 'seed.pipeline_templates';
const ROLE_UNITS_SETTING = 'seed.pipeline_role_units';
// Any constant: the seeding transactions of several processes take turns on it.
const SEED_LOCK = 7_427_005;

async function seeded(tx: Queryable, key: string): Promise<boolean> {
  return (await getSetting(tx, key)) !== undefined;
}

/** Core's legal templates become editable rows, once; later starts leave an administrator's edits alone. */
async function seedTemplates(tx: Queryable): Promise<number> {
  if (await seeded(tx, TEMPLATES_SETTING)) return 0;
  let inserted = 0;
  for (const t of PIPELINE_TEMPLATES) {
    const id = await insertTemplate(
      tx,
      {
        code: t.code,
        law: t.law,
        name: t.name,
        kind: t.kind,
        valid_from: t.validFrom,
        valid_to: t.validTo,
        amount_min_exclusive: t.amountRange?.minExclusive ?? null,
        amount_max_inclusive: t.amountRange?.maxInclusive ?? null,
        steps: t.steps,
        note: t.note ?? null,
      },
      true,
    );
    if (id) inserted++;
  }
  await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'pipeline_template', after: { templates: PIPELINE_TEMPLATES.map((t) => t.code) } });
  await setSetting(tx, TEMPLATES_SETTING, { at: new Date().toISOString(), templates: inserted });
  return inserted;
}

/**
 * Core names the holders by name ("Sở Thông tin và Truyền thông"); the registry is matched by
 * folded name or alias, preferring a unit valid when the assignment starts and, among those,
 * the one nearest the root (the city committee before a ward of the same name).
 */
function findUnit(tx: Queryable, a: RoleUnitAssignment): Promise<string | null> {
  return unitByFoldedName(tx, foldVietnamese(a.unitName), a.validFrom, a.validTo);
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
    await insertRoleUnit(tx, { role: a.role, kinds: a.kinds ? [...a.kinds] : null, unit_id: unitId, valid_from: a.validFrom, valid_to: a.validTo, basis: a.basis });
  }
  await recordAudit(tx, SYSTEM, { action: 'seed', entity: 'pipeline_role_unit', after: { rows: resolved.length } });
  await setSetting(tx, ROLE_UNITS_SETTING, { at: new Date().toISOString(), rows: resolved.length });
  return resolved.length;
}

/** Reference data every start needs (not demo data): templates now, holders once units exist. */
export async function ensurePipelineSeed(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await lockSeeding(tx, SEED_LOCK);
    await seedTemplates(tx);
    await seedRoleUnits(tx);
  });
}
