import { useState } from 'react';
import { Alert, Button, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { exportUrl, useRiskList } from '../../api/projects';
import type { TRiskRow } from '../../../contracts/projects';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { ROLE_COLOURS, roleKey, sourceKey, useProjectText } from './messages';
import { formatMoney } from './money';

/**
 * "Cảnh báo sớm": every funded item not yet disbursed, largest amount first, with who holds it
 * now and the day by which it must move for the money not to lapse.
 */
export function WarningTab({ onOpen }: { onOpen: (id: string) => void }) {
  const pt = useProjectText();
  const { lang } = useI18n();
  const [onlyAtRisk, setOnlyAtRisk] = useState(true);
  const risk = useRiskList(onlyAtRisk);
  const today = risk.data?.today ?? '';

  const columns: TableColumnsType<TRiskRow> = [
    {
      title: pt('col.name'),
      key: 'name',
      render: (_, r) => (
        <div>
          <a onClick={() => onOpen(r.projectId)}>{r.name}</a>
          <div className="hd-project-sub">
            {r.unitName} · {pt(sourceKey(r.fundingSource))} · {r.fiscalYear}
            {r.revisions > 0 ? <Tag color="orange" className="hd-project-tag">{pt('revisions', { n: r.revisions })}</Tag> : null}
          </div>
        </div>
      ),
    },
    { title: pt('col.amount'), dataIndex: 'amount', width: 110, align: 'right', render: (a: number) => <strong>{formatMoney(a, lang)}</strong> },
    {
      title: pt('col.holder'),
      key: 'holder',
      width: 200,
      render: (_, r) => (
        <div>
          <Tag color={ROLE_COLOURS[r.holder.role]}>{pt(roleKey(r.holder.role))}</Tag>
          <div>{r.holder.unitName ?? pt('none')}</div>
          <div className="hd-project-sub">{r.currentStep.name}</div>
        </div>
      ),
    },
    {
      title: pt('col.elapsed'),
      key: 'elapsed',
      width: 105,
      align: 'center',
      render: (_, r) => (
        <Tooltip title={r.currentStep.basis === 'observed' ? pt('warn.observed') : undefined}>
          <Tag color={r.elapsedInCurrentStep > r.currentStep.limit ? 'red' : 'default'}>{pt('warn.inStep', { days: r.elapsedInCurrentStep, expected: r.currentStep.expectedDays })}</Tag>
        </Tooltip>
      ),
    },
    {
      title: pt('col.mustMoveBy'),
      dataIndex: 'mustMoveBy',
      width: 120,
      render: (d: string) => <span className={d < today ? 'hd-bad' : undefined}>{formatDate(d)}{d < today ? ` (${pt('warn.past')})` : ''}</span>,
    },
    { title: pt('col.projected'), dataIndex: 'projectedDisbursement', width: 110, render: (d: string) => formatDate(d) },
    { title: pt('col.deadline'), dataIndex: 'legalDeadline', width: 105, render: (d: string) => formatDate(d) },
    {
      title: pt('col.slack'),
      key: 'slack',
      width: 140,
      render: (_, r) => (r.atRisk ? <Tag color="red">{pt('warn.late', { n: -r.slackWorkingDays })}</Tag> : <Tag color="green">{pt('warn.spare', { n: r.slackWorkingDays })}</Tag>),
    },
  ];

  return (
    <div data-testid="warning-tab">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{pt('warn.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{pt('warn.hint')}</Typography.Paragraph>
      <div className="hd-project-toolbar">
        <Space>
          <Switch checked={onlyAtRisk} onChange={setOnlyAtRisk} aria-label={pt('warn.onlyAtRisk')} />
          <span>{pt('warn.onlyAtRisk')}</span>
        </Space>
        <Button icon={<DownloadOutlined />} href={exportUrl('/api/projects/at-risk.xlsx', { atRiskOnly: onlyAtRisk ? 'true' : undefined })} data-testid="risk-export">
          {pt('export')}
        </Button>
      </div>
      {risk.data ? (
        <Alert
          type={risk.data.totals.atRiskCount > 0 ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          title={pt('warn.totals', { count: risk.data.totals.atRiskCount, amount: formatMoney(risk.data.totals.atRiskAmount, lang) })}
          data-testid="risk-totals"
        />
      ) : null}
      {risk.isError ? (
        <QueryError error={risk.error} onRetry={() => void risk.refetch()} />
      ) : (
        <Table<TRiskRow>
          data-testid="risk-table"
          rowKey="projectId"
          size="middle"
          loading={risk.isFetching}
          columns={columns}
          dataSource={risk.data?.items ?? []}
          rowClassName={(r) => (r.atRisk ? 'hd-risk-row' : '')}
          pagination={{ pageSize: 25 }}
          locale={{ emptyText: pt('warn.empty') }}
          scroll={{ x: 1100 }}
        />
      )}
    </div>
  );
}
