import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { importErrors, useImportTasks } from '../../api/tasks';
import type { TImportRowError } from '../../../contracts/common';
import { errorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { useTaskText } from './messages';

/** Upload an .xlsx; the server accepts all rows or none, and every bad cell is listed here. */
export function ImportModal({ onClose }: { onClose: () => void }) {
  const tt = useTaskText();
  const { t } = useI18n();
  const { message } = App.useApp();
  const run = useImportTasks();
  const [file, setFile] = useState<File | null>(null);
  const rows: TImportRowError[] = importErrors(run.error);

  const submit = () => {
    if (!file) return;
    run.mutate(file, {
      onSuccess: (r) => {
        void message.success(tt('import.done', { n: r.created }));
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={tt('import.title')}
      onCancel={onClose}
      onOk={submit}
      okText={tt('import')}
      okButtonProps={{ disabled: !file, loading: run.isPending }}
      cancelText={t('common.cancel')}
      width={820}
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {tt('import.help')}
        </Typography.Paragraph>
        <Space wrap>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              run.reset();
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{tt('import.choose')}</Button>
          </Upload>
          <Button icon={<DownloadOutlined />} href="/api/tasks/import-template" type="link">
            {tt('template')}
          </Button>
        </Space>
        {run.isError ? (
          <Alert type="error" showIcon title={rows.length ? tt('import.errors') : errorText(run.error, t)} description={rows.length ? errorText(run.error, t) : undefined} />
        ) : null}
        {rows.length ? (
          <Table<TImportRowError>
            data-testid="import-errors"
            size="small"
            rowKey={(r) => `${r.row}:${r.column}:${r.message}`}
            dataSource={rows}
            pagination={rows.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { title: tt('import.row'), dataIndex: 'row', width: 70 },
              { title: tt('import.column'), dataIndex: 'column', width: 200 },
              { title: tt('import.message'), dataIndex: 'message' },
            ]}
          />
        ) : null}
      </Space>
    </Modal>
  );
}
