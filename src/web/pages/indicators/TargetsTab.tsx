import { useState } from 'react';
import { App, Button, Empty, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useDeleteTarget, useTargets, type Indicator, type Target } from '../../api/indicators';
import type { Unit } from '../../api/types';
import { errorText, QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatValue, periodText } from './periods';
import { TargetFormModal } from './TargetFormModal';
import { useIndText } from './messages';

interface Props {
  indicators: readonly Indicator[];
  units: readonly Unit[];
  canManage: boolean;
}

/** Plan targets of every indicator, by level or unit and period; coordinators set and delete them. */
export function TargetsTab({ indicators, units, canManage }: Props) {
  const t = useIndText();
  const { t: tc, lang } = useI18n();
  const { message } = App.useApp();
  const targets = useTargets();
  const remove = useDeleteTarget();
  const [open, setOpen] = useState(false);
  const byId = new Map(indicators.map((i) => [i.id, i]));

  const columns: TableColumnsType<Target> = [
    {
      title: t('target.col.indicator'),
      key: 'indicator',
      render: (_, r) => (
        <span>
          <Typography.Text code>{r.indicatorCode}</Typography.Text> {byId.get(r.indicatorId)?.name ?? ''}
          {r.sample ? <Tag color="gold" style={{ marginLeft: 6 }}>{t('sample')}</Tag> : null}
        </span>
      ),
    },
    { title: t('target.col.plan'), dataIndex: 'planCode', width: 140 },
    { title: t('target.col.scope'), key: 'scope', width: 220, render: (_, r) => (r.level ? t(`level.${r.level}`) : (r.unitName ?? '')) },
    { title: t('target.col.period'), dataIndex: 'period', width: 120, render: (p: string) => periodText(p, lang) },
    { title: t('target.col.value'), key: 'value', width: 140, align: 'right', render: (_, r) => formatValue(r.value, byId.get(r.indicatorId)?.unitOfMeasure ?? '', lang) },
    ...(canManage
      ? [
          {
            title: t('actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, r: Target) => (
              <Popconfirm
                title={t('target.deleteConfirm', { code: r.indicatorCode, period: periodText(r.period, lang) })}
                okText={t('target.delete')}
                cancelText={tc('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() =>
                  remove.mutateAsync(r).then(
                    () => void message.success(t('target.deleted')),
                    (err: unknown) => void message.error(errorText(err, tc)),
                  )
                }
              >
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={`${t('target.delete')}: ${r.indicatorCode} ${r.period}`} />
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  if (targets.isError) return <QueryError error={targets.error} onRetry={() => void targets.refetch()} />;
  return (
    <div data-testid="indicator-targets">
      {canManage ? (
        <div style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="target-add">
            {t('target.add')}
          </Button>
        </div>
      ) : null}
      <Table<Target>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={targets.data ?? []}
        loading={targets.isLoading}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('target.empty')} /> }}
      />
      {open ? <TargetFormModal indicators={indicators} units={units} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
