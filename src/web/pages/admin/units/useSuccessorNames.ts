import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import { fetchUnits } from '../../../api/units';
import type { TUnit } from '../../../../contracts/units';
import { nextDay } from '../../../lib/unit-tree';

/**
 * Names for successor ids. A successor usually starts the day after its predecessor ends, so it
 * is often absent from the tree being shown: fetch the tree of that day (same public endpoint,
 * same cache) to name it.
 */
export function useSuccessorNames(units: readonly TUnit[] | undefined): Map<string, string> {
  const known = useMemo(() => new Map((units ?? []).map((u) => [u.id, u.name])), [units]);

  const dates = useMemo(() => {
    const set = new Set<string>();
    for (const u of units ?? []) {
      if (!u.validTo) continue;
      if (u.successorIds.some((id) => !known.has(id))) set.add(nextDay(u.validTo));
    }
    return [...set].sort();
  }, [units, known]);

  const extra = useQueries({
    queries: dates.map((d) => ({ queryKey: ['units', d], queryFn: () => fetchUnits(d), staleTime: 5 * 60_000 })),
  });

  // Cheap (a few hundred units), so rebuilt every render rather than memoised on a varying list of queries.
  const names = new Map(known);
  for (const q of extra) for (const u of q.data ?? []) if (!names.has(u.id)) names.set(u.id, u.name);
  return names;
}
