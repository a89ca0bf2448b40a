import type { TUnit } from '../../../contracts/units';
import type { UnitRow } from './queries';

/** Row → wire shape (src/contracts/units.ts). */
export function presentUnit(u: UnitRow): TUnit {
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
