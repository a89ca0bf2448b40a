import { Alert, Button, Space, Table, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TImportRowError } from '../../../contracts/common';
import { uploadFile, UploadError } from '../../api/tasks';
import { SETUP_KEY } from '../../api/setup';

/**
 * One Excel step of the setup: download the template (its example rows load as they are),
 * upload the filled sheet; a refused sheet lists every bad cell by row and column.
 */
export function ImportStep(props: { templateUrl: string; uploadUrl: string; templateLabel: string; onLoaded: (message: string) => void }) {
  const qc = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => uploadFile<{ created: number; message: string }>(qc, props.uploadUrl, file),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: SETUP_KEY });
      props.onLoaded(r.message);
    },
  });
  const rows: TImportRowError[] = upload.error instanceof UploadError ? upload.error.rows : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={props.templateUrl}>
          {props.templateLabel}
        </Button>
        <Upload accept=".xlsx,.csv" maxCount={1} showUploadList={false} customRequest={({ file }) => upload.mutate(file as File)}>
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
            Chọn tệp Excel để nạp
          </Button>
        </Upload>
      </Space>
      {upload.error && <Alert type="error" showIcon message="Tệp chưa được nạp" description={upload.error.message} />}
      {rows.length > 0 && (
        <Table
          size="small"
          rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
          pagination={{ pageSize: 10 }}
          dataSource={rows}
          scroll={{ x: true }}
          columns={[
            { title: 'Dòng', dataIndex: 'row', width: 70 },
            { title: 'Cột', dataIndex: 'column', width: 180 },
            { title: 'Lỗi', dataIndex: 'message' },
          ]}
        />
      )}
      {upload.data && <Alert type="success" showIcon message={upload.data.message} />}
    </Space>
  );
}
