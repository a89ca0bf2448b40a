import { useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Select, Statistic, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useRollup, type Indicator, type Rollup } from '../../api/indicators';
import { EChart } from '../../components/EChart';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { matchesQuery } from '../../lib/text';
import { formatCount, formatValue, periodText } from './periods';
import { RAG_COLOURS, useIndText } from './messages';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent]);

type Child = Rollup['children'][number];

const RAG_HEX = { green: '#389e0d', amber: '#d48806', red: '#cf1322' } as const;

interface Props {
  indicators: readonly Indicator[];
  indicatorId: string | undefined;
  onIndicator: (id: string) => void;
  unitId: string | undefined;
  period: string;
}

/** One indicator for a unit and period: the total against its target, the sub-periods, and every child unit. */
export function RollupTab({ indicators, indicatorId, onIndicator, unitId, period }: Props) {
  const t = useIndText();
  const { lang } = useI18n();
  const rollup = useRollup(indicatorId, unitId, period);
  const [showEmpty, setShowEmpty] = useState(false);
  const r = rollup.data;
  const uom = r?.indicator.unitOfMeasure ?? '';
  const fmt = (n: number | null | undefined) => formatValue(n, uom, lang);

  const childChart = useMemo<EChartsCoreOption | null>(() => {
    if (!r || r.children.length === 0) return null;
    const shown = r.children.filter((c) => c.value !== null);
    if (shown.length === 0) return null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 56, right: 24, top: 24, bottom: 110 },
      xAxis: { type: 'category', data: shown.map((c) => c.shortName ?? c.unitName), axisLabel: { rotate: 40, interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', name: uom },
      series: [
        {
          name: t('rollup.chartValue'),
          type: 'bar',
          data: shown.map((c) => ({ value: c.value, itemStyle: { color: c.rag ? RAG_HEX[c.rag] : '#1677ff' } })),
          markLine: r.total.target ? { symbol: 'none', lineStyle: { type: 'dashed', color: '#595959' }, label: { position: 'insideEndTop', formatter: `${t('rollup.chartTarget')} {c}` }, data: [{ yAxis: r.total.target.value }] } : undefined,
        },
        {
          name: t('rollup.chartTarget'),
          type: 'line',
          step: 'middle',
          symbol: 'none',
          lineStyle: { type: 'dotted', color: '#8c8c8c' },
          data: shown.map((c) => c.target?.value ?? null),
        },
      ],
    };
  }, [r, t, uom]);

  const seriesChart = useMemo<EChartsCoreOption | null>(() => {
    if (!r || r.series.length < 2) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 56, right: 24, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: r.series.map((s) => periodText(s.period, lang)) },
      yAxis: { type: 'value', name: uom },
      series: [
        { name: t('rollup.chartValue'), type: 'line', data: r.series.map((s) => s.value), connectNulls: false, label: { show: true, formatter: (p: { value: number }) => formatValue(p.value, '', lang) } },
        ...(r.total.target ? [{ name: t('rollup.chartTarget'), type: 'line', symbol: 'none', lineStyle: { type: 'dashed' }, data: r.series.map(() => r.total.target!.value) }] : []),
      ],
    };
  }, [r, t, uom, lang]);

  const columns: TableColumnsType<Child> = [
    { title: t('unit'), dataIndex: 'unitName', render: (name: string) => <span>{name}</span> },
    { title: t('col.value'), dataIndex: 'value', align: 'right', width: 140, render: (v: number | null) => <strong>{fmt(v)}</strong> },
    ...(r?.indicator.kind === 'ratio' ? [{ title: t('col.parts'), key: 'parts', align: 'right' as const, width: 170, render: (_: unknown, c: Child) => (c.denominator !== undefined ? `${formatCount(c.numerator, lang)} / ${formatCount(c.denominator, lang)}` : '—') }] : []),
    { title: t('col.target'), key: 'target', align: 'right', width: 110, render: (_, c) => (c.target ? fmt(c.target.value) : '—') },
    { title: t('col.achievement'), dataIndex: 'achievement', align: 'right', width: 120, render: (a: number | null) => (a === null ? '—' : formatValue(a, '%', lang)) },
    { title: t('col.state'), dataIndex: 'rag', width: 130, render: (rag: Child['rag']) => (rag ? <Tag color={RAG_COLOURS[rag]}>{t(`rag.${rag}`)}</Tag> : null) },
    { title: t('col.count'), dataIndex: 'count', align: 'right', width: 90 },
  ];

  return (
    <div>
      <div className="hd-toolbar">
        <div className="hd-toolbar-field" style={{ flex: '1 1 480px' }}>
          <label htmlFor="rollup-indicator">{t('indicator')}</label>
          <Select<string>
            id="rollup-indicator"
            showSearch={{ filterOption: (input, o) => matchesQuery(input, String(o?.label ?? '')) }}
            value={indicatorId}
            placeholder={t('rollup.pick')}
            onChange={onIndicator}
            options={indicators.map((i) => ({ value: i.id, label: `${i.code} — ${i.name}` }))}
            style={{ width: '100%' }}
          />
        </div>
      </div>
      {!indicatorId ? (
        <Empty description={t('rollup.pick')} />
      ) : rollup.isError ? (
        <QueryError error={rollup.error} onRetry={() => void rollup.refetch()} />
      ) : r ? (
        <div data-testid="indicator-rollup">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t('rollupOf', { indicator: r.indicator.name, unit: r.unit.name, period: periodText(r.period, lang) })}
          </Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Card size="small">
                <Statistic title={t('rollup.total', { unit: r.unit.name })} value={fmt(r.total.value)} valueStyle={{ color: r.total.rag ? RAG_HEX[r.total.rag] : undefined }} />
                {r.total.denominator !== undefined ? <Typography.Text type="secondary">{`${formatCount(r.total.numerator, lang)} / ${formatCount(r.total.denominator, lang)}`}</Typography.Text> : null}
              </Card>
            </Col>
            <Col xs={24} md={6}>
              <Card size="small">
                <Statistic title={t('col.target')} value={r.total.target ? fmt(r.total.target.value) : '—'} />
                <Typography.Text type="secondary">{r.total.target ? `${r.total.target.planCode}, ${periodText(r.total.target.period, lang)}` : t('rollup.noTarget')}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={6}>
              <Card size="small">
                <Statistic title={t('col.achievement')} value={r.total.achievement === null ? '—' : formatValue(r.total.achievement, '%', lang)} />
                {r.total.rag ? <Tag color={RAG_COLOURS[r.total.rag]} data-testid="rollup-rag">{t(`rag.${r.total.rag}`)}</Tag> : null}
              </Card>
            </Col>
            <Col xs={24} md={6}>
              <Card size="small">
                <Statistic title={t('col.count')} value={r.total.count} />
                <Typography.Text type="secondary">{t('rollup.source', { source: r.sourceAgency })}</Typography.Text>
              </Card>
            </Col>
          </Row>
          <Alert
            type="info"
            showIcon
            style={{ margin: '12px 0' }}
            title={t('rollup.ruleNote', { unit: t(`rule.${r.indicator.unitRule}`), time: t(`rule.${r.indicator.timeRule}`) })}
          />
          {r.total.note ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={r.total.note} /> : null}
          <Row gutter={16}>
            {childChart ? (
              <Col xs={24} xl={seriesChart ? 14 : 24}>
                <Typography.Title level={5}>{t('rollup.children')}</Typography.Title>
                <EChart option={childChart} height={360} testId="rollup-children-chart" />
              </Col>
            ) : null}
            {seriesChart ? (
              <Col xs={24} xl={childChart ? 10 : 24}>
                <Typography.Title level={5}>{t('rollup.series')}</Typography.Title>
                <EChart option={seriesChart} height={360} testId="rollup-series-chart" />
              </Col>
            ) : null}
          </Row>
          {r.children.length > 0 ? (
            <>
              <div style={{ marginTop: 12, display: 'flex', gap: 8, alignItems: 'center' }}>
                <Switch size="small" checked={showEmpty} onChange={setShowEmpty} id="rollup-show-empty" />
                <label htmlFor="rollup-show-empty">{t('rollup.showEmpty', { n: r.children.filter((c) => c.count === 0).length })}</label>
              </div>
              <Table<Child>
                rowKey="unitId"
                size="small"
                columns={columns}
                dataSource={showEmpty ? r.children : r.children.filter((c) => c.count > 0)}
                pagination={false}
                loading={rollup.isFetching}
                style={{ marginTop: 8 }}
              />
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
