import type { Queryable } from '../../../db/client';
import type { Tables } from '../../../db/tables';
import { buildClosure } from '../../../core/units/closure';

type Units = Tables['units'];

export type UnitRow = Pick<Units, 'id' | 'code' | 'name' | 'short_name' | 'kind' | 'level' | 'parent_id' | 'valid_from' | 'valid_to' | 'sample' | 'groups' | 'version'> & {
  successor_ids: string[];
  aliases: string[];
};

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

export async function parentOf(db: Queryable, id: string): Promise<Pick<Units, 'level' | 'province_id' | 'valid_from' | 'valid_to'> | undefined> {
  return (await db.query<Pick<Units, 'level' | 'province_id' | 'valid_from' | 'valid_to'>>('select level, province_id, valid_from, valid_to from units where id = $1', [id]))[0];
}

export async function hasRoot(db: Queryable): Promise<boolean> {
  return (await db.query('select 1 from units where parent_id is null limit 1')).length > 0;
}

export type NewUnitRow = Pick<Units, 'province_id' | 'code' | 'name' | 'name_folded' | 'short_name' | 'kind' | 'level' | 'parent_id' | 'valid_from' | 'valid_to'>;

export async function insertUnit(tx: Queryable, u: NewUnitRow): Promise<string> {
  const rows = await tx.query<Pick<Units, 'id'>>(
    `insert into units (province_id, code, name, name_folded, short_name, kind, level, parent_id, valid_from, valid_to)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [u.province_id, u.code, u.name, u.name_folded, u.short_name, u.kind, u.level, u.parent_id, u.valid_from, u.valid_to],
  );
  return rows[0]!.id;
}

/** Claims the version: false when someone else changed the unit since it was read. */
export async function updateUnitRow(tx: Queryable, id: string, version: number, u: Pick<Units, 'name' | 'name_folded' | 'short_name' | 'valid_to'>): Promise<boolean> {
  const updated = await tx.query(
    `update units set name = $2, name_folded = $3, short_name = $4, valid_to = $5, version = version + 1, updated_at = now()
      where id = $1 and version = $6 returning id`,
    [id, u.name, u.name_folded, u.short_name, u.valid_to, version],
  );
  return updated.length > 0;
}

/** The successors in order; the first is the primary one (where the unit's work went). */
export async function replaceSuccessors(tx: Queryable, unitId: string, successorIds: readonly string[]): Promise<void> {
  await tx.query('delete from unit_successors where predecessor_id = $1', [unitId]);
  if (successorIds.length === 0) return;
  await tx.query(
    'insert into unit_successors (predecessor_id, successor_id, is_primary) select $1, s, n = 1 from unnest($2::uuid[]) with ordinality as t(s, n)',
    [unitId, successorIds],
  );
}

/**
 * Rebuilds the closure table from the parent links. The organisation of a province is
 * a few thousand units, and it changes a few times a year, so a full rebuild inside the
 * changing transaction is simpler and safer than incremental patching.
 */
export async function rebuildClosure(tx: Queryable): Promise<number> {
  const units = await tx.query<Pick<Units, 'id' | 'parent_id' | 'valid_from' | 'valid_to'>>('select id, parent_id, valid_from, valid_to from units');
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

export interface BulkUnit {
  id: string;
  province_id: string;
  code: string;
  name: string;
  short_name: string | null;
  kind: Units['kind'];
  level: number;
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
  groups: string[];
}

/**
 * Many units in one statement (the setup's national list and Excel import). Ids are chosen
 * by the caller so that children can name parents of the same batch. A code already present
 * is skipped, so loading the same list twice adds nothing. Returns the ids inserted.
 */
export async function insertUnitsBulk(tx: Queryable, units: readonly BulkUnit[], foldName: (s: string) => string): Promise<string[]> {
  if (units.length === 0) return [];
  const col = <K extends keyof BulkUnit>(k: K) => units.map((u) => u[k]);
  const rows = await tx.query<Pick<Units, 'id'>>(
    `insert into units (id, province_id, code, name, name_folded, short_name, kind, level, parent_id, valid_from, valid_to, groups)
     select t.id, t.province_id, t.code, t.name, t.name_folded, t.short_name, t.kind, t.level, t.parent_id, t.valid_from, t.valid_to,
            case when t.grp is null then '{}'::text[] else string_to_array(t.grp, ',') end
       from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::uuid[], $10::date[], $11::date[], $12::text[])
         as t(id, province_id, code, name, name_folded, short_name, kind, level, parent_id, valid_from, valid_to, grp)
     on conflict (code) do nothing
     returning id`,
    [
      col('id'), col('province_id'), col('code'), col('name'), units.map((u) => foldName(u.name)), col('short_name'), col('kind'), col('level'),
      col('parent_id'), col('valid_from'), col('valid_to'), units.map((u) => (u.groups.length ? u.groups.join(',') : null)),
    ],
  );
  return rows.map((r) => r.id);
}

/** Aliases for many units at once (unit, alias) pairs; an existing pair is kept. */
export async function insertAliasesBulk(tx: Queryable, pairs: ReadonlyArray<readonly [string, string]>, foldName: (s: string) => string): Promise<void> {
  if (pairs.length === 0) return;
  await tx.query(
    `insert into unit_aliases (unit_id, alias, alias_folded)
     select * from unnest($1::uuid[], $2::text[], $3::text[]) on conflict do nothing`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1]), pairs.map((p) => foldName(p[1]))],
  );
}

/** predecessor → successor links for many units at once; the first successor named is the primary one. */
export async function insertSuccessorsBulk(tx: Queryable, links: ReadonlyArray<{ predecessorId: string; successorId: string; primary: boolean }>): Promise<void> {
  if (links.length === 0) return;
  await tx.query(
    `insert into unit_successors (predecessor_id, successor_id, is_primary)
     select * from unnest($1::uuid[], $2::uuid[], $3::boolean[]) on conflict do nothing`,
    [links.map((l) => l.predecessorId), links.map((l) => l.successorId), links.map((l) => l.primary)],
  );
}

export type UnitKey = Pick<Units, 'id' | 'code' | 'level' | 'province_id' | 'valid_from' | 'valid_to' | 'parent_id'>;

/** Every unit's code, for an import to resolve the parents and predecessors it names. */
export function unitKeys(db: Queryable): Promise<UnitKey[]> {
  return db.query<UnitKey>('select id, code, level, province_id, valid_from, valid_to, parent_id from units');
}

/** The province of the install's root unit, if there is one. */
export async function rootProvince(db: Queryable): Promise<string | undefined> {
  return (await db.query<Pick<Units, 'province_id'>>('select province_id from units where parent_id is null order by valid_from, code limit 1'))[0]?.province_id;
}
