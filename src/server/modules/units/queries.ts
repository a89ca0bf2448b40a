import type { Queryable } from '../../../db/client';
import { buildClosure } from '../../../core/units/closure';

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  level: number;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  sample: boolean;
  groups: string[];
  version: number;
  successor_ids: string[];
  aliases: string[];
}

const SELECT_UNITS = `
  select u.id, u.code, u.name, u.short_name, u.kind, u.level, u.parent_id, u.valid_from, u.valid_to, u.sample, u.groups, u.version,
         coalesce((select array_agg(s.successor_id::text order by s.is_primary desc, s.successor_id) from unit_successors s where s.predecessor_id = u.id), '{}') as successor_ids,
         coalesce((select array_agg(a.alias order by a.alias) from unit_aliases a where a.unit_id = u.id), '{}') as aliases
    from units u`;

/** Units valid on a date (inclusive on both ends); served by units_validity_idx. */
export function unitsValidOn(db: Queryable, asOf: string): Promise<UnitRow[]> {
  return db.query<UnitRow>(`${SELECT_UNITS} where u.valid_from <= $1 and (u.valid_to is null or u.valid_to >= $1) order by u.level, u.name`, [asOf]);
}

export async function unitById(db: Queryable, id: string): Promise<UnitRow | undefined> {
  return (await db.query<UnitRow>(`${SELECT_UNITS} where u.id = $1`, [id]))[0];
}

export function presentUnit(u: UnitRow) {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    shortName: u.short_name,
    kind: u.kind,
    level: u.level,
    parentId: u.parent_id,
    validFrom: u.valid_from,
    validTo: u.valid_to,
    successorIds: u.successor_ids,
    aliases: u.aliases,
    groups: u.groups,
    sample: u.sample,
    version: u.version,
  };
}

/**
 * Rebuilds the closure table from the parent links. The organisation of a province is
 * a few thousand units, and it changes a few times a year, so a full rebuild inside the
 * changing transaction is simpler and safer than incremental patching.
 */
export async function rebuildClosure(tx: Queryable): Promise<number> {
  const units = await tx.query<{ id: string; parent_id: string | null; valid_from: string; valid_to: string | null }>(
    'select id, parent_id, valid_from, valid_to from units',
  );
  const rows = buildClosure(units.map((u) => ({ id: u.id, parentId: u.parent_id, validFrom: u.valid_from, validTo: u.valid_to })));
  await tx.query('delete from unit_closure');
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await tx.query(
      `insert into unit_closure (ancestor_id, descendant_id, depth, valid_from, valid_to)
       select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::date[], $5::date[])`,
      [chunk.map((r) => r.ancestorId), chunk.map((r) => r.descendantId), chunk.map((r) => r.depth), chunk.map((r) => r.validFrom), chunk.map((r) => r.validTo)],
    );
  }
  return rows.length;
}

export async function replaceAliases(tx: Queryable, unitId: string, aliases: readonly string[], fold: (s: string) => string) {
  await tx.query('delete from unit_aliases where unit_id = $1', [unitId]);
  const unique = [...new Set(aliases.map((a) => a.trim()).filter(Boolean))];
  if (unique.length === 0) return;
  await tx.query(
    'insert into unit_aliases (unit_id, alias, alias_folded) select $1, a, f from unnest($2::text[], $3::text[]) as t(a, f)',
    [unitId, unique, unique.map(fold)],
  );
}
