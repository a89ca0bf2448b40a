import { useState } from 'react';
import { Alert, App, Button, Card, Col, Popconfirm, Progress, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, StopOutlined, UploadOutlined } from '@ant-design/icons';
import { useCancelImport, useImportJob, useImportJobs, useUploadImport, type ImportError, type ImportJob, type ImportKind } from '../../api/indicators';
import { errorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useIndText, type IndTextKey } from './messages';

const STATUS_COLOUR = { running: 'processing', done: 'green', failed: 'red', cancelled: 'default' } as const;

/** A running import: phase, rows read out of the file's rows, and a button that stops it. */
function JobProgress({ job, kind }: { job: ImportJob; kind: ImportKind }) {
  const t = useIndText();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const cancel = useCancelImport(kind);
  const percent = job.totalRows ? Math.min(99, Math.round((job.processedRows / job.totalRows) * 100)) : undefined;
  const stopping = job.cancelRequested || cancel.isPending;
  return (
    <div data-testid="import-progress">
      <Typography.Text>{t('import.running', { file: job.fileName, phase: t(`import.phase.${job.phase}` as IndTextKey) })}</Typography.Text>
      <Progress percent={percent ?? 0} status="active" showInfo={percent !== undefined} />
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary" data-testid="import-rows">
          {job.totalRows !== null
            ? t('import.progress', { done: formatNumber(job.processedRows, lang), total: formatNumber(job.totalRows, lang) })
            : t('import.progressUnknown', { done: formatNumber(job.processedRows, lang) })}
        </Typography.Text>
        {job.phase === 'writing' ? (
          <Typography.Text type="secondary">{t('import.writingNoCancel')}</Typography.Text>
        ) : (
        <Popconfirm
          title={t('import.cancelConfirm')}
          onConfirm={() => cancel.mutate(job.id, { onError: (err) => void message.error(errorText(err, () => t('import.cancel'))) })}
        >
          <Button danger size="small" icon={<StopOutlined />} loading={stopping} disabled={stopping} data-testid="import-cancel">
            {stopping ? t('import.cancelling') : t('import.cancel')}
          </Button>
        </Popconfirm>
        )}
      </Space>
    </div>
  );
}

function JobResult({ job, kind }: { job: ImportJob; kind: ImportKind }) {
  const t = useIndText();
  const { lang } = useI18n();
  if (job.status === 'running') return <JobProgress job={job} kind={kind} />;
  if (job.status === 'cancelled') {
    return <Alert type="info" showIcon data-testid="import-cancelled" title={t('import.cancelled', { file: job.fileName })} description={job.message} />;
  }
  if (job.status === 'done') {
    return <Alert type="success" showIcon data-testid="import-done" title={t('import.done', { file: job.fileName, rows: formatNumber(job.processedRows, lang) })} />;
  }
  return (
    <div data-testid="import-failed">
      <Alert type="error" showIcon title={t('import.failed', { file: job.fileName })} description={job.message} style={{ marginBottom: 12 }} />
      {job.errors.length > 0 ? (
        <>
          <Typography.Text strong>{t('import.errors', { n: formatNumber(job.errorCount, lang) })}</Typography.Text>
          <Table<ImportError>
            data-testid="import-errors"
            size="small"
            rowKey={(e) => `${e.row}|${e.column}|${e.message}`}
            dataSource={job.errors}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              { title: t('import.row'), dataIndex: 'row', width: 80 },
              { title: t('import.column'), dataIndex: 'column', width: 180 },
              { title: t('import.message'), dataIndex: 'message' },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}

function ImportCard({ kind, title, help, accept, template }: { kind: ImportKind; title: string; help: string; accept: string; template?: string }) {
  const t = useIndText();
  const { message } = App.useApp();
  const upload = useUploadImport(kind);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(kind, jobId);
  return (
    <Card title={title} data-testid={`import-${kind}`}>
      <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }}>
        <Upload
          accept={accept}
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file, { onSuccess: (j) => setJobId(j.id), onError: (err) => void message.error(errorText(err, () => title)) });
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
            {t('import.choose')}
          </Button>
        </Upload>
        {template ? (
          <Button icon={<DownloadOutlined />} href={template}>
            {t('import.template')}
          </Button>
        ) : null}
      </Space>
      {job.data ? <JobResult job={job.data} kind={kind} /> : null}
    </Card>
  );
}

function RecentJobs() {
  const t = useIndText();
  const { lang } = useI18n();
  const values = useImportJobs('indicator-imports', true);
  const dossiers = useImportJobs('dossier-imports', true);
  const rows = [...(values.data ?? []), ...(dossiers.data ?? [])].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).slice(0, 15);
  return (
    <Card title={t('import.recent')} size="small" style={{ marginTop: 16 }}>
      <Table<ImportJob>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={false}
        columns={[
          { title: t('import.file'), dataIndex: 'fileName' },
          { title: t('import.kind'), dataIndex: 'kind', width: 200, render: (k: ImportJob['kind']) => (k === 'dossiers' ? t('import.dossiers') : t('import.values')) },
          { title: t('import.status'), dataIndex: 'status', width: 120, render: (s: ImportJob['status']) => <Tag color={STATUS_COLOUR[s]}>{t(`job.${s}`)}</Tag> },
          { title: t('import.count'), dataIndex: 'processedRows', width: 110, align: 'right', render: (n: number) => t('import.rows', { n: formatNumber(n, lang) }) },
          { title: t('import.by'), dataIndex: 'createdBy', width: 120 },
          { title: t('import.at'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
        ]}
      />
    </Card>
  );
}

/** Coordinators' imports: indicator values from .xlsx/.csv and the one-stop-shop dossier feed. */
export function ImportTab() {
  const t = useIndText();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <ImportCard kind="indicator-imports" title={t('import.values')} help={t('import.valuesHelp')} accept=".xlsx,.csv" template="/api/indicator-imports/template" />
        </Col>
        <Col xs={24} xl={12}>
          <ImportCard kind="dossier-imports" title={t('import.dossiers')} help={t('import.dossiersHelp')} accept=".csv,.txt" />
        </Col>
      </Row>
      <RecentJobs />
    </>
  );
}
