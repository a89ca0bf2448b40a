import { useState } from 'react';
import { Card, Col, DatePicker, Row, Space, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTaskSummary } from '../../api/tasks';
import type { TRate } from '../../../contracts/common';
import type { TTaskCounts, TTaskSummary } from '../../../contracts/tasks';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatNumber } from '../../i18n/format';
import { DATE_FORMAT, fromIso, toIso, todayIso } from '../../lib/dates';
import { compareVietnamese } from '../../lib/text';
import { STATUS_COLOURS, STATUS_ORDER, statusKey, useTaskText } from './messages';
import { formatPercent } from '../../../core/format/number';

type Row = TTaskSummary['byUnit'][number];

function pct(r: TRate, lang: 'vi' | 'en'): string {
  return formatPercent(r.percent, { lang });
}

/** Counts and rates by lead unit and status, in the shape of the city's yearly report. */
export function SummaryTab() {
  const tt = useTaskText();
  const { lang } = useI18n();
  const today = todayIso();
  const [range, setRange] = useState({ from: `${Number(today.slice(0, 4)) - 6}-01-01`, to: today });
  const summary = useTaskSummary(range);
  const total: TTaskCounts | undefined = summary.data?.total;
  const statusCols: TableColumnsType<Row> = STATUS_ORDER.map((s) => ({
    title: <span style={{ color: STATUS_COLOURS[s] === 'red' ? '#cf1322' : undefined }}>{tt(statusKey(s))}</span>,
    key: s,
    align: 'right' as const,
    width: 110,
    sorter: (a: Row, b: Row) => a.counts.byStatus[s] - b.counts.byStatus[s],
    render: (_: unknown, r: Row) => formatNumber(r.counts.byStatus[s], lang),
  }));
  const columns: TableColumnsType<Row> = [
    { title: tt('summary.unit'), dataIndex: 'unitName', fixed: 'left', width: 260, sorter: (a, b) => compareVietnamese(a.unitName, b.unitName) },
    { title: tt('summary.total'), key: 'total', align: 'right', width: 90, sorter: (a, b) => a.counts.total - b.counts.total, defaultSortOrder: 'descend', render: (_, r) => formatNumber(r.counts.total, lang) },
    ...statusCols,
    { title: tt('summary.rateAll'), key: 'rateAll', align: 'right', width: 120, sorter: (a, b) => (a.counts.overdueRateAll.percent ?? -1) - (b.counts.overdueRateAll.percent ?? -1), render: (_, r) => pct(r.counts.overdueRateAll, lang) },
    { title: tt('summary.rateDeadline'), key: 'rateDl', align: 'right', width: 140, sorter: (a, b) => (a.counts.overdueRateWithDeadline.percent ?? -1) - (b.counts.overdueRateWithDeadline.percent ?? -1), render: (_, r) => pct(r.counts.overdueRateWithDeadline, lang) },
  ];
  return (
    <div data-testid="task-summary">
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{tt('summary.range')}</Typography.Text>
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          value={[fromIso(range.from) ?? null, fromIso(range.to) ?? null] as [Dayjs | null, Dayjs | null]}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange({ from: toIso(v[0]), to: toIso(v[1]) })}
        />
      </Space>
      {summary.isError ? <QueryError error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}><Card size="small"><Statistic title={tt('summary.total')} value={total ? formatNumber(total.total, lang) : '—'} loading={summary.isPending} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title={tt('summary.withDeadline')} value={total ? formatNumber(total.withDeadline, lang) : '—'} loading={summary.isPending} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title={tt('summary.overdue')} value={total ? formatNumber(total.overdue, lang) : '—'} styles={{ content: { color: '#cf1322' } }} loading={summary.isPending} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title={tt('summary.rateAll')} value={total ? pct(total.overdueRateAll, lang) : '—'} loading={summary.isPending} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title={tt('summary.rateDeadline')} value={total ? pct(total.overdueRateWithDeadline, lang) : '—'} loading={summary.isPending} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title={tt('summary.onTime')} value={total ? pct(total.onTimeRate, lang) : '—'} loading={summary.isPending} /></Card></Col>
      </Row>
      {summary.data ? <Typography.Paragraph type="secondary">{tt('summary.asOf', { date: formatDate(summary.data.asOf) })}</Typography.Paragraph> : null}
      <Table<Row> rowKey="unitId" size="small" columns={columns} dataSource={summary.data?.byUnit ?? []} loading={summary.isFetching} pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }} scroll={{ x: 1200 }} />
    </div>
  );
}
