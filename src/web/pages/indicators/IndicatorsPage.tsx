import { useEffect, useMemo } from 'react';
import { Select, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { isPeriodKey } from '../../../core/periods/period-key';
import { periodRange } from '../../../core/periods/period-range';
import { api } from '../../api/client';
import { useCatalogues, useIndicators, useSummary, type IndicatorValue } from '../../api/indicators';
import { useUnits } from '../../api/units';
import type { Unit } from '../../api/types';
import { canDo } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { todayIso } from '../../lib/dates';
import { CatalogueTab } from './CatalogueTab';
import { EntryTab } from './EntryTab';
import { ImportTab } from './ImportTab';
import { PeriodPicker, PERIOD_TYPE_ORDER } from './periods';
import { RollupTab } from './RollupTab';
import { TargetsTab } from './TargetsTab';
import { useIndText } from './messages';
import './indicators.css';

type TabKey = 'catalogue' | 'rollup' | 'targets' | 'entry' | 'import';

/** A unit and everything below it in the list (the units in force on one date). */
function subtree(units: readonly Unit[], rootId: string): Unit[] {
  const children = new Map<string, Unit[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const out: Unit[] = [];
  const walk = (id: string) => {
    const u = units.find((x) => x.id === id);
    if (u) out.push(u);
    for (const c of children.get(id) ?? []) walk(c.id);
  };
  walk(rootId);
  return out;
}

/** The year of the most recent monthly figure, so the page opens where the data is. */
function useLatestYear() {
  return useQuery({
    queryKey: ['indicator-values', 'latest-month'],
    queryFn: async () => (await api.get<IndicatorValue[]>('/api/indicator-values', { query: { periodType: 'month', limit: 1 } }))[0]?.period.slice(0, 4) ?? null,
    staleTime: 60_000,
  });
}

export function IndicatorsPage() {
  const t = useIndText();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const latest = useLatestYear();
  const periodParam = params.get('period');
  const period = isPeriodKey(periodParam) ? periodParam : (latest.data ?? todayIso().slice(0, 4));
  const tab = (params.get('tab') as TabKey | null) ?? 'catalogue';
  const indicatorId = params.get('indicator') ?? undefined;
  const catalogueId = params.get('catalogue') ?? undefined;
  const end = periodRange(period).end;
  const units = useUnits(end < todayIso() ? end : todayIso());
  // The city's committee, not the former province that ended in 2025 (a second root in its history).
  const roots = units.data?.filter((u) => u.parentId === null) ?? [];
  const root = roots.find((u) => u.validTo === null) ?? roots[0];
  const unitRole = user.role === 'unit_officer' || user.role === 'unit_leader';
  const unitParam = params.get('unit');
  const unitId = unitParam ?? (unitRole && units.data?.some((u) => u.id === user.unitId) ? user.unitId : root?.id);
  const catalogues = useCatalogues();
  const indicators = useIndicators();
  const summary = useSummary(unitId, period, catalogueId);
  const summaryMap = useMemo(() => new Map((summary.data?.items ?? []).map((s) => [s.indicatorId, s])), [summary.data]);
  const shown = useMemo(() => (indicators.data ?? []).filter((i) => !catalogueId || i.catalogueId === catalogueId), [indicators.data, catalogueId]);
  const entryUnits = useMemo(() => {
    const all = units.data ?? [];
    return user.role === 'coordinator' ? all : subtree(all, user.unitId);
  }, [units.data, user]);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if (tab === 'import' && !canDo(user, 'indicator.manage')) set({ tab: undefined });
  }, [tab, user]);

  const canManage = canDo(user, 'indicator.manage');
  const tabs = [
    {
      key: 'catalogue',
      label: t('tab.catalogue'),
      children: indicators.isError ? (
        <QueryError error={indicators.error} onRetry={() => void indicators.refetch()} />
      ) : (
        <CatalogueTab indicators={shown} summary={summaryMap} loading={indicators.isLoading || summary.isFetching} onShow={(id) => set({ tab: 'rollup', indicator: id })}
          manage={canManage ? { catalogues: catalogues.data ?? [], catalogueId } : undefined}
        />
      ),
    },
    {
      key: 'rollup',
      label: t('tab.rollup'),
      children: <RollupTab indicators={shown} indicatorId={indicatorId} onIndicator={(id) => set({ indicator: id })} unitId={unitId} period={period} />,
    },
    { key: 'targets', label: t('tab.targets'), children: <TargetsTab indicators={shown} units={units.data ?? []} canManage={canManage} /> },
    ...(canDo(user, 'indicator.enter')
      ? [{ key: 'entry', label: t('tab.entry'), children: <EntryTab indicators={shown} units={entryUnits} defaultUnitId={unitRole ? user.unitId : unitId} defaultPeriod={period} initialIndicatorId={indicatorId} /> }]
      : []),
    ...(canDo(user, 'indicator.manage') ? [{ key: 'import', label: t('tab.import'), children: <ImportTab /> }] : []),
  ];

  return (
    <div>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="hd-card">
        <div className="hd-toolbar">
          <div className="hd-toolbar-field" style={{ flex: '1 1 320px', maxWidth: 440 }}>
            <label htmlFor="ind-unit">{t('unit')}</label>
            <UnitTreeSelect id="ind-unit" units={units.data ?? []} value={unitId} onChange={(id) => set({ unit: id })} loading={units.isLoading} />
          </div>
          <div className="hd-toolbar-field">
            <label htmlFor="ind-period">{t('period')}</label>
            <PeriodPicker id="ind-period" value={period} onChange={(p) => set({ period: p })} types={PERIOD_TYPE_ORDER} />
          </div>
          <div className="hd-toolbar-field" style={{ flex: '0 1 360px' }}>
            <label htmlFor="ind-catalogue">{t('catalogue')}</label>
            <Select<string>
              id="ind-catalogue"
              allowClear
              placeholder={t('allCatalogues')}
              value={catalogueId}
              onChange={(v) => set({ catalogue: v })}
              options={(catalogues.data ?? []).map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))}
              style={{ width: '100%' }}
              popupMatchSelectWidth={false}
            />
          </div>
        </div>
        <Tabs activeKey={tab} onChange={(k) => set({ tab: k === 'catalogue' ? undefined : k })} items={tabs} destroyOnHidden />
      </div>
    </div>
  );
}
