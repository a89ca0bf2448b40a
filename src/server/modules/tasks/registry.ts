import type { Queryable } from '../../../db/client';
import { expandGroup, matchUnit, type TGroupKey } from '../../../core/extraction/units';
import { foldVietnamese } from '../../../core/text/fold';
import { registryUnits, type RegistryRow } from './queries';

/** A unit as directive matching sees it: valid on the document's date, with its aliases and groups. */
export type RegistryUnit = RegistryRow;

export function loadRegistry(db: Queryable, asOf: string): Promise<RegistryUnit[]> {
  return registryUnits(db, asOf);
}

/**
 * The unit a name stands for: an exact (case- and diacritic-blind) name or alias first,
 * then the extractor's fuzzy matcher. Null for a group phrase or an unknown name.
 */
export function resolveUnit(mention: string, registry: RegistryUnit[]): RegistryUnit | null {
  const f = foldVietnamese(mention);
  if (!f) return null;
  const exact = registry.find((u) => foldVietnamese(u.name) === f || u.aliases.some((a) => foldVietnamese(a) === f));
  if (exact) return exact;
  return matchUnit(mention, registry);
}

export const GROUP_LABEL_VI: Record<TGroupKey, string> = {
  all_departments_and_localities: 'Các sở, ban, ngành và địa phương',
  all_departments: 'Các sở, ban, ngành',
  all_districts: 'UBND các quận, huyện',
  all_communes: 'UBND các xã, phường, đặc khu',
  all_agencies: 'Các cơ quan, đơn vị',
  related_agencies: 'Các cơ quan, đơn vị liên quan (cần chọn cụ thể)',
  steering_committee: 'Thành viên Ban Chỉ đạo (cần chọn cụ thể)',
  press_agencies: 'Các cơ quan báo chí',
};

/** Localities of the day: districts before 01/07/2025, communes after (two-level government). */
function localities(registry: RegistryUnit[]): RegistryUnit[] {
  const districts = registry.filter((u) => u.kind === 'district');
  return districts.length ? districts : registry.filter((u) => u.kind === 'commune');
}

/** Members of a group as of the registry's date; empty when the text does not say who (the reviewer picks). */
export function groupMembers(key: TGroupKey, registry: RegistryUnit[]): RegistryUnit[] {
  const departments = registry.filter((u) => u.groups.includes('departments'));
  const agencies = registry.filter((u) => u.groups.includes('agencies') && !u.groups.includes('departments'));
  const unique = (list: RegistryUnit[]) => [...new Map(list.map((u) => [u.id, u])).values()];
  switch (key) {
    case 'all_departments':
      return departments;
    case 'all_districts':
      return registry.filter((u) => u.kind === 'district');
    case 'all_communes':
      return registry.filter((u) => u.kind === 'commune');
    case 'all_departments_and_localities':
      return unique([...departments, ...localities(registry)]);
    case 'all_agencies':
      return unique([...departments, ...agencies, ...localities(registry)]);
    case 'press_agencies':
      return registry.filter((u) => u.groups.includes('agencies') && /^(?:bao|dai|tap chi) /.test(foldVietnamese(u.name)));
    case 'related_agencies':
    case 'steering_committee':
      return [];
  }
}

export type Resolved =
  | { kind: 'unit'; text: string; unit: { id: string; name: string } }
  | { kind: 'group'; text: string; group: TGroupKey; label: string; members: Array<{ id: string; name: string }> }
  | { kind: 'unknown'; text: string };

/** A mention as the reviewer sees it: one unit, a group with its members, or not found. */
export function resolveMention(text: string, registry: RegistryUnit[]): Resolved {
  const group = expandGroup(text);
  if (group) {
    return { kind: 'group', text, group, label: GROUP_LABEL_VI[group], members: groupMembers(group, registry).map((u) => ({ id: u.id, name: u.name })) };
  }
  const unit = resolveUnit(text, registry);
  return unit ? { kind: 'unit', text, unit: { id: unit.id, name: unit.name } } : { kind: 'unknown', text };
}
