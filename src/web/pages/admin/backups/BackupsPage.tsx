import { Alert, App, Button, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CloudDownloadOutlined } from '@ant-design/icons';
import { useBackupNow, useBackups } from '../../../api/backups';
import type { TBackupFile } from '../../../../contracts/backups';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError, errorText } from '../../../components/QueryError';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import type { Lang } from '../../../i18n/lang';

function formatSize(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang)} B`;
  if (bytes < 1_048_576) return `${formatNumber(Math.round(bytes / 1024), lang)} KB`;
  return `${formatNumber(Math.round(bytes / 104_857.6) / 10, lang)} MB`;
}

/** The backups in BACKUP_DIR with their size, time and rows per table; a button to take one now. */
export function BackupsPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const backups = useBackups();
  const now = useBackupNow();
  const data = backups.data;

  const takeNow = () =>
    now.mutate(undefined, {
      onSuccess: (f) => void message.success(t('backups.done', { rows: formatNumber(f.rows ?? 0, lang), name: f.name })),
      onError: (err) => void message.error(errorText(err, t)),
    });

  const columns: TableColumnsType<TBackupFile> = [
    { title: t('backups.col.time'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: t('backups.col.name'), dataIndex: 'name', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('backups.col.size'), dataIndex: 'sizeBytes', align: 'right', width: 110, render: (v: number) => formatSize(v, lang) },
    {
      title: t('backups.col.rows'),
      dataIndex: 'rows',
      align: 'right',
      width: 150,
      render: (v: number | null, f) => (v === null ? t('common.none') : `${formatNumber(v, lang)} · ${t('backups.tables', { count: f.tables.length })}`),
    },
    { title: t('backups.col.engine'), dataIndex: 'engine', width: 130, render: (v: string | null) => (v === 'pglite' ? 'PGlite' : v === 'postgres' ? 'PostgreSQL' : t('common.none')) },
    {
      title: t('backups.col.status'),
      dataIndex: 'complete',
      width: 150,
      render: (ok: boolean) =>
        ok ? (
          <Tag color="green">{t('backups.complete')}</Tag>
        ) : (
          <Tooltip title={t('backups.incompleteHelp')}>
            <Tag color="red">{t('backups.incomplete')}</Tag>
          </Tooltip>
        ),
    },
  ];

  const last = data?.lastRun;
  const lastStatus = !last ? null : last.finishedAt === null ? t('backups.lastRunning') : last.ok ? t('backups.lastOk') : t('backups.lastFailed', { message: last.message ?? '' });

  return (
    <>
      <PageHeader
        title={t('backups.title')}
        subtitle={data?.enabled ? t('backups.subtitle', { dir: data.directory ?? '', hour: data.hour, keep: data.keep }) : undefined}
        extra={
          data?.enabled ? (
            <Button type="primary" icon={<CloudDownloadOutlined />} loading={now.isPending} onClick={takeNow}>
              {t('backups.now')}
            </Button>
          ) : null
        }
      />
      {backups.isError ? <QueryError error={backups.error} onRetry={() => void backups.refetch()} /> : null}
      {data && !data.enabled ? <Alert type="info" showIcon title={t('backups.off')} description={t('backups.offHelp')} style={{ marginBottom: 16 }} /> : null}
      {last && lastStatus ? (
        <Alert type={last.ok === false ? 'error' : 'success'} showIcon title={t('backups.lastRun', { day: last.day.split('-').reverse().join('/'), status: lastStatus })} style={{ marginBottom: 16 }} />
      ) : null}
      {data?.enabled ? (
        <Table<TBackupFile>
          rowKey="name"
          size="middle"
          loading={backups.isFetching}
          columns={columns}
          dataSource={data.files}
          pagination={false}
          locale={{ emptyText: t('backups.empty') }}
          expandable={{
            rowExpandable: (f) => f.tables.length > 0,
            expandedRowRender: (f) => (
              <Table
                rowKey="name"
                size="small"
                pagination={false}
                dataSource={f.tables}
                columns={[
                  { title: t('backups.table'), dataIndex: 'name', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
                  { title: t('backups.col.rows'), dataIndex: 'rows', align: 'right', render: (v: number) => formatNumber(v, lang) },
                ]}
              />
            ),
          }}
        />
      ) : null}
      {data?.enabled ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('backups.busyNote')} {t('backups.restoreHelp')}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
