import { useMemo, useState } from 'react';
import { Alert, Empty, Segmented, Select, Spin, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useBudgetSummary, useBudgetTree } from '../../api/projects';
import type { TBudgetMoney, TBudgetTree } from '../../../contracts/budget';
import type { FundingSource } from '../../../core/projects/risk';
import { EChart } from '../../components/EChart';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { sourceKey, useProjectText, SOURCE_ORDER } from './messages';
import { formatMoney, formatRate } from './money';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent]);

type UnitRow = TBudgetTree['units'][number];
type ProjectRow = UnitRow['projects'][number];
type Row = (UnitRow & { kind: 'unit'; children: Array<ProjectRow & { kind: 'project'; unitId: string }> }) | (ProjectRow & { kind: 'project'; unitId: string });

/** tỷ đồng for the chart axis only: the figures people read elsewhere are exact. */
const ty = (d: number) => Number((BigInt(d) * 10n) / 1_000_000_000n) / 10;

export function BudgetTab({ onOpen }: { onOpen: (id: string) => void }) {
  const pt = useProjectText();
  const { lang } = useI18n();
  const summary = useBudgetSummary();
  const years = summary.data?.years ?? [];
  const [chosenYear, setYear] = useState<number | null>(null);
  const [source, setSource] = useState<FundingSource | undefined>(undefined);
  const year = chosenYear ?? years[0]?.fiscalYear ?? null;
  const tree = useBudgetTree(year, source);
  const yearData = years.find((y) => y.fiscalYear === year);

  const option = useMemo(() => {
    const rows = yearData?.bySource ?? [];
    const series: Array<[keyof TBudgetMoney, string, string]> = [
      ['planned', pt('col.planned'), '#0b2e4f'],
      ['allocated', pt('col.allocated'), '#0e6377'],
      ['disbursed', pt('col.disbursed'), '#2e9e5b'],
      ['carriedOver', pt('col.carried'), '#f5b82e'],
      ['cancelled', pt('col.cancelled'), '#d64545'],
    ];
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} ${lang === 'vi' ? 'tỷ đồng' : 'bn VND'}` },
      legend: { top: 0 },
      grid: { left: 48, right: 16, bottom: 48, top: 40 },
      xAxis: { type: 'category', data: rows.map((r) => pt(sourceKey(r.source))), axisLabel: { interval: 0, width: 120, overflow: 'break' } },
      yAxis: { type: 'value', name: lang === 'vi' ? 'tỷ đồng' : 'bn VND' },
      series: series.map(([field, name, color]) => ({ type: 'bar', name, itemStyle: { color }, data: rows.map((r) => ty(r[field] as number)), barMaxWidth: 36 })),
    };
  }, [yearData, lang, pt]);

  if (summary.isPending) return <div className="hd-center"><Spin /></div>;
  if (summary.isError) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (years.length === 0 || year === null) return <Empty description={pt('budget.empty')} />;

  const total = tree.data?.total ?? (source ? yearData?.bySource.find((s) => s.source === source) : yearData?.total);
  const m = (n: number) => formatMoney(n, lang);

  const rows: Row[] = (tree.data?.units ?? []).map((u) => ({
    ...u,
    kind: 'unit' as const,
    children: u.projects.map((p) => ({ ...p, kind: 'project' as const, unitId: u.unitId })),
  }));

  const columns: TableColumnsType<Row> = [
    {
      title: pt('col.unit'),
      key: 'name',
      render: (_, r) =>
        r.kind === 'unit' ? (
          <strong>{r.unitName}</strong>
        ) : (
          <span>
            <a onClick={() => onOpen(r.id)}>{r.name}</a>
            {r.sample ? <Tag color="gold" className="hd-project-tag">{pt('sample')}</Tag> : null}
          </span>
        ),
    },
    { title: pt('col.planned'), dataIndex: 'planned', align: 'right', width: 130, render: m },
    { title: pt('col.allocated'), dataIndex: 'allocated', align: 'right', width: 130, render: m },
    { title: pt('col.disbursed'), dataIndex: 'disbursed', align: 'right', width: 130, render: m },
    { title: pt('col.carried'), dataIndex: 'carriedOver', align: 'right', width: 130, render: m },
    { title: pt('col.cancelled'), dataIndex: 'cancelled', align: 'right', width: 130, render: m },
    { title: pt('col.rate'), dataIndex: 'disbursementRate', align: 'right', width: 110, render: (r: number | null) => formatRate(r, lang) },
  ];

  return (
    <div data-testid="budget-tab">
      <div className="hd-project-toolbar">
        <div className="hd-project-filters">
          <span>{pt('budget.year')}</span>
          <Segmented<number> value={year} onChange={(v) => setYear(v)} options={years.map((y) => ({ value: y.fiscalYear, label: String(y.fiscalYear) }))} data-testid="budget-year" />
          <Select<FundingSource | 'all'>
            style={{ width: 240 }}
            value={source ?? 'all'}
            onChange={(v) => setSource(v === 'all' ? undefined : v)}
            options={[{ value: 'all' as const, label: pt('budget.allSources') }, ...SOURCE_ORDER.map((s) => ({ value: s, label: pt(sourceKey(s)) }))]}
            aria-label={pt('filter.source')}
          />
        </div>
      </div>

      {total ? (
        <div className="hd-budget-stats" data-testid="budget-stats">
          <Statistic title={pt('col.planned')} value={m(total.planned)} />
          <Statistic title={pt('col.allocated')} value={m(total.allocated)} />
          <Statistic title={pt('col.disbursed')} value={m(total.disbursed)} />
          <Statistic title={pt('col.carried')} value={m(total.carriedOver)} />
          <Statistic title={pt('col.cancelled')} value={m(total.cancelled)} />
          <Statistic title={pt('col.unallocated')} value={m(total.unallocated)} />
          <Statistic title={pt('col.rate')} value={formatRate(total.disbursementRate, lang)} />
        </div>
      ) : null}

      <div className="hd-project-grid">
        <div>
          <Typography.Title level={5}>{pt('budget.chart')}</Typography.Title>
          <EChart option={option} height={320} testId="budget-chart" />
        </div>
        <div>
          <Typography.Title level={5}>{pt('budget.city')}</Typography.Title>
          <Table
            size="small"
            rowKey="source"
            pagination={false}
            dataSource={yearData?.bySource ?? []}
            columns={[
              { title: pt('col.source'), dataIndex: 'source', render: (s: FundingSource) => pt(sourceKey(s)) },
              { title: pt('col.planned'), dataIndex: 'planned', align: 'right', render: m },
              { title: pt('col.disbursed'), dataIndex: 'disbursed', align: 'right', render: m },
              { title: pt('col.carried'), dataIndex: 'carriedOver', align: 'right', render: m },
              { title: pt('col.cancelled'), dataIndex: 'cancelled', align: 'right', render: m },
              { title: pt('col.rate'), dataIndex: 'disbursementRate', align: 'right', render: (r: number | null) => formatRate(r, lang) },
            ]}
          />
          {tree.data ? (
            <Alert
              style={{ marginTop: 12 }}
              type={tree.data.check.ok ? 'success' : 'error'}
              showIcon
              icon={tree.data.check.ok ? <CheckCircleOutlined /> : <WarningOutlined />}
              title={tree.data.check.ok ? pt('budget.checkOk') : pt('budget.checkFail', { n: tree.data.check.mismatches.length })}
              data-testid="budget-check"
            />
          ) : null}
        </div>
      </div>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {pt('budget.units')}
      </Typography.Title>
      {tree.isError ? (
        <QueryError error={tree.error} onRetry={() => void tree.refetch()} />
      ) : (
        <Table<Row>
          data-testid="budget-units"
          size="small"
          rowKey={(r) => (r.kind === 'unit' ? `u-${r.unitId}` : `p-${r.id}`)}
          loading={tree.isFetching}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 25 }}
          scroll={{ x: 1000 }}
        />
      )}
    </div>
  );
}
