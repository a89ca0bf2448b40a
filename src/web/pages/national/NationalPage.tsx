import { useState } from 'react';
import { Empty, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { TNationalProvince } from '../../../contracts/national';
import { formatPercent } from '../../../core/format/number';
import { formatMoneyVi, toDong } from '../../../core/projects/money';
import { useNational } from '../../api/national';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime, formatNumber } from '../../i18n/format';

const rate = (v: number | null) => (v === null ? '—' : formatPercent(v, { decimals: 2 }));

function Pillars({ p }: { p: TNationalProvince }) {
  return (
    <div className="hd-national-pillars">
      {p.pillars.map((x) => (
        <div key={x.key} className="hd-national-pillar">
          <Typography.Text strong>{x.name}</Typography.Text>
          <div>
            <Tag color="green" title="Đạt chỉ tiêu">{formatNumber(x.green, 'vi')}</Tag>
            <Tag color="gold" title="Gần đạt">{formatNumber(x.amber, 'vi')}</Tag>
            <Tag color="red" title="Chưa đạt">{formatNumber(x.red, 'vi')}</Tag>
          </div>
        </div>
      ))}
    </div>
  );
}

/** The national screen: one row per province, the four pillars, tasks, money at risk and reports. */
export function NationalPage() {
  const [year, setYear] = useState<number | null>(null);
  const q = useNational(year);
  const data = q.data;
  return (
    <div>
      <PageHeader
        title="Toàn quốc: các tỉnh, thành phố"
        subtitle="Mỗi tỉnh một dòng, số liệu như trên màn hình điều hành của tỉnh đó."
        extra={
          <Space>
            <span>Năm</span>
            <InputNumber aria-label="Năm" min={2000} max={2100} value={data?.year ?? year} onChange={(v) => setYear(typeof v === 'number' ? v : null)} />
          </Space>
        }
      />
      {q.error ? <QueryError error={q.error} /> : null}
      {data && data.replicaLagSeconds !== null ? (
        <Typography.Paragraph type="secondary">Đọc từ bản sao cơ sở dữ liệu, chậm hơn bản chính {formatNumber(data.replicaLagSeconds, 'vi', 1)} giây.</Typography.Paragraph>
      ) : null}
      <Table<TNationalProvince>
        rowKey="id"
        loading={q.isLoading}
        dataSource={data?.provinces ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description="Chưa có tỉnh nào có số liệu" /> }}
        columns={[
          {
            title: 'Tỉnh, thành phố',
            key: 'name',
            fixed: 'left',
            width: 180,
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{p.name}</Typography.Text>
                {p.sample ? <Tag color="orange">Dữ liệu mẫu</Tag> : null}
                <Typography.Text type="secondary">{p.computedAt ? `Tính lúc ${formatDateTime(p.computedAt)}` : 'Chưa tính số liệu năm này'}</Typography.Text>
              </Space>
            ),
          },
          { title: 'Bốn trụ cột (đạt · gần đạt · chưa đạt)', key: 'pillars', render: (_, p) => <Pillars p={p} /> },
          {
            title: 'Nhiệm vụ',
            key: 'tasks',
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                <span>{formatNumber(p.tasks.total, 'vi')} nhiệm vụ</span>
                <span>Quá hạn: {formatNumber(p.tasks.overdue, 'vi')}</span>
                <span>Đúng hạn: {rate(p.tasks.onTimeRate)}</span>
              </Space>
            ),
          },
          {
            title: 'Kinh phí có nguy cơ',
            key: 'money',
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                <span>{formatMoneyVi(toDong(p.money.atRisk))}</span>
                <Typography.Text type="secondary">{formatNumber(p.money.atRiskCount, 'vi')} dự án, nhiệm vụ</Typography.Text>
              </Space>
            ),
          },
          {
            title: 'Báo cáo đúng hạn',
            key: 'reports',
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                <span>{rate(p.reports.onTimeRate)}</span>
                <Typography.Text type="secondary">
                  {formatNumber(p.reports.onTime, 'vi')}/{formatNumber(p.reports.expected, 'vi')}; chậm {formatNumber(p.reports.late, 'vi')}, chưa nộp {formatNumber(p.reports.missing, 'vi')}
                </Typography.Text>
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
