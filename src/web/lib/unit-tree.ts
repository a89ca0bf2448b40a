import type { TUnit } from '../../contracts/units';
import { compareVietnamese, matchesQuery } from './text';

export interface UnitNode extends TUnit {
  /** Depth in the tree as shown (0 for a root), which is not always `level`: an orphan is shown as a root. */
  depth: number;
  children?: UnitNode[];
}

/** The committee first, then departments, districts, communes, other agencies; names in Vietnamese order within a kind. */
const KIND_ORDER: Record<TUnit['kind'], number> = { city_committee: 0, department: 1, agency: 2, district: 3, commune: 4 };

export function compareUnits(a: TUnit, b: TUnit): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareVietnamese(a.name, b.name);
}

/**
 * Builds the tree of the units in force on one date. A unit whose parent is not in the list
 * (the parent ended earlier) becomes a root, so nothing in force is hidden.
 */
export function buildUnitTree(units: readonly TUnit[]): UnitNode[] {
  const byId = new Map<string, UnitNode>();
  for (const u of units) byId.set(u.id, { ...u, depth: 0 });
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (!parent || parent === node) {
      roots.push(node);
      continue;
    }
    (parent.children ??= []).push(node);
  }
  const sortDeep = (nodes: UnitNode[], depth: number): UnitNode[] => {
    nodes.sort(compareUnits);
    for (const n of nodes) {
      n.depth = depth;
      if (n.children) sortDeep(n.children, depth + 1);
    }
    return nodes;
  };
  return sortDeep(roots, 0);
}

/** Keeps the nodes matching the query and the ancestors that lead to them. */
export function filterUnitTree(nodes: readonly UnitNode[], query: string): UnitNode[] {
  if (!query.trim()) return [...nodes];
  const out: UnitNode[] = [];
  for (const n of nodes) {
    const children = n.children ? filterUnitTree(n.children, query) : [];
    const self = matchesQuery(query, n.name, n.shortName, n.code, ...n.aliases);
    if (!self && children.length === 0) continue;
    out.push({ ...n, children: self ? n.children : children });
  }
  return out;
}

/** Ids of every node that has children: "expand all". */
export function parentIds(nodes: readonly UnitNode[]): string[] {
  const ids: string[] = [];
  const walk = (list: readonly UnitNode[]) => {
    for (const n of list) {
      if (!n.children?.length) continue;
      ids.push(n.id);
      walk(n.children);
    }
  };
  walk(nodes);
  return ids;
}

/** The day after `iso` (YYYY-MM-DD), computed in UTC so no time zone can shift it. */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
