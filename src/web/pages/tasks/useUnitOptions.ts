import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import { fetchUnits } from '../../api/units';
import type { TUnit } from '../../../contracts/units';
import { todayIso } from '../../lib/dates';
import { compareVietnamese, matchesQuery } from '../../lib/text';

/**
 * Units a task may name: today's, plus those that ended in the 2025 reorganisation (the
 * departments merged on 01/03/2025 and the districts dissolved on 01/07/2025), whose
 * tasks stay under them.
 */
const SNAPSHOTS = ['2025-02-28', '2025-06-30'];

export interface UnitOption {
  value: string;
  label: string;
  search: string;
  ended: boolean;
}

export function useUnitOptions(): { options: UnitOption[]; loading: boolean } {
  const today = todayIso();
  const results = useQueries({
    queries: [today, ...SNAPSHOTS].map((asOf) => ({ queryKey: ['units', asOf], queryFn: () => fetchUnits(asOf), staleTime: 5 * 60_000 })),
  });
  const loading = results.some((r) => r.isPending);
  const data = results.map((r) => r.data);
  const options = useMemo(() => {
    const byId = new Map<string, TUnit>();
    for (const list of data) for (const u of list ?? []) if (!byId.has(u.id)) byId.set(u.id, u);
    return [...byId.values()]
      .filter((u) => u.kind !== 'commune' || !u.validTo)
      .map((u) => ({ value: u.id, label: u.validTo && u.validTo < today ? `${u.name} (đến ${u.validTo.split('-').reverse().join('/')})` : u.name, search: [u.name, u.shortName, ...u.aliases].filter(Boolean).join(' '), ended: !!u.validTo && u.validTo < today }))
      .sort((a, b) => Number(a.ended) - Number(b.ended) || compareVietnamese(a.label, b.label));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...data, today]);
  return { options, loading };
}

/** antd Select search that ignores diacritics and matches aliases. */
export const filterUnitOption = (input: string, option?: { search?: string; label?: unknown }) => matchesQuery(input, option?.search ?? String(option?.label ?? ''));
