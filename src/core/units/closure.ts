/**
 * The closure of the parent relation, with the interval over which each whole path
 * exists (intersection of the validity of every unit on it). Pure; the units service
 * stores the rows so that subtree queries are one indexed join.
 */
export interface TreeUnit {
  id: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface ClosureRow {
  ancestorId: string;
  descendantId: string;
  depth: number;
  validFrom: string;
  validTo: string | null;
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

export function buildClosure(units: readonly TreeUnit[]): ClosureRow[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const rows: ClosureRow[] = [];
  for (const u of units) {
    let from = u.validFrom;
    let to = u.validTo;
    let node: TreeUnit | undefined = u;
    const seen = new Set<string>();
    for (let depth = 0; node; depth++) {
      if (seen.has(node.id)) throw new Error(`Cây đơn vị có vòng lặp tại ${node.id}`);
      seen.add(node.id);
      from = maxDate(from, node.validFrom);
      to = minDate(to, node.validTo);
      rows.push({ ancestorId: node.id, descendantId: u.id, depth, validFrom: from, validTo: to });
      node = node.parentId ? byId.get(node.parentId) : undefined;
    }
  }
  return rows;
}

export function isValidOn(u: { validFrom: string; validTo: string | null }, date: string): boolean {
  return u.validFrom <= date && (u.validTo === null || date <= u.validTo);
}

/** Level = distance from the root, so a commune under a district is deeper than one under the city. */
export function levelOf(units: readonly TreeUnit[], id: string): number {
  const byId = new Map(units.map((u) => [u.id, u]));
  let level = 0;
  for (let u = byId.get(id); u?.parentId; u = byId.get(u.parentId)) level++;
  return level;
}
