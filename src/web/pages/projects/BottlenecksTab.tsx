import { useState } from 'react';
import { DatePicker, Table, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useBottlenecks } from '../../api/projects';
import type { TDurationStats } from '../../../contracts/projects';
import { QueryError } from '../../components/QueryError';
import { DATE_FORMAT, toIso } from '../../lib/dates';
import { useProjectText } from './messages';

/** Median and worst working days per step, per appraiser and per owning unit, over a chosen period. */
export function BottlenecksTab({ onOpen }: { onOpen: (id: string) => void }) {
  const pt = useProjectText();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>([dayjs().subtract(1, 'year'), dayjs()]);
  const data = useBottlenecks(range ? toIso(range[0]) : undefined, range ? toIso(range[1]) : undefined);

  const columns = (label: string): TableColumnsType<TDurationStats> => [
    { title: label, dataIndex: 'label' },
    { title: pt('col.count'), dataIndex: 'count', width: 90, align: 'right' },
    { title: pt('col.open'), dataIndex: 'open', width: 90, align: 'right' },
    { title: pt('col.overdue'), dataIndex: 'overdue', width: 90, align: 'right', render: (n: number, s) => (n > 0 ? <span className="hd-bad">{n}/{s.count}</span> : n) },
    { title: pt('col.median'), dataIndex: 'medianDays', width: 140, align: 'right', render: (n: number) => <strong>{n.toLocaleString('vi-VN')}</strong> },
    { title: pt('col.worst'), dataIndex: 'worstDays', width: 140, align: 'right' },
    { title: pt('col.worstProject'), key: 'worst', render: (_, s) => (s.worstProjectId ? <a onClick={() => onOpen(s.worstProjectId)}>{s.worstProjectName}</a> : null) },
  ];

  return (
    <div data-testid="bottlenecks-tab">
      <div className="hd-project-toolbar">
        <div className="hd-project-filters">
          <span>{pt('bn.period')}</span>
          <DatePicker.RangePicker
            format={DATE_FORMAT}
            value={range}
            onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
            presets={[
              { label: '2022', value: [dayjs('2022-01-01'), dayjs('2022-12-31')] },
              { label: String(dayjs().year()), value: [dayjs().startOf('year'), dayjs()] },
            ]}
          />
        </div>
      </div>
      <Typography.Paragraph type="secondary">{pt('bn.hint')}</Typography.Paragraph>
      {data.isError ? (
        <QueryError error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <>
          <Typography.Title level={5}>{pt('bn.byAppraiser')}</Typography.Title>
          <Table<TDurationStats> data-testid="bn-appraiser" rowKey="key" size="small" loading={data.isFetching} pagination={false} columns={columns(pt('col.holder'))} dataSource={data.data?.byAppraiser ?? []} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{pt('bn.byStep')}</Typography.Title>
          <Table<TDurationStats> data-testid="bn-step" rowKey="key" size="small" loading={data.isFetching} pagination={false} columns={columns(pt('col.step'))} dataSource={data.data?.byStep ?? []} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>{pt('bn.byOwner')}</Typography.Title>
          <Table<TDurationStats> data-testid="bn-owner" rowKey="key" size="small" loading={data.isFetching} pagination={{ pageSize: 15 }} columns={columns(pt('col.unit'))} dataSource={data.data?.byOwner ?? []} />
        </>
      )}
    </div>
  );
}
