import { useState } from 'react';
import { Alert, Checkbox, Input, List, Modal, Space, Typography, message } from 'antd';
import { useWithdrawDocument } from '../../api/documents';
import type { TDocument as DirectiveDocument } from '../../../contracts/documents';
import type { TTask as Task } from '../../../contracts/tasks';
import { errorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { useDocText } from './messages';

/**
 * Thu hồi: a required reason, and the document's open tasks, each to close (ticked, the
 * default) or keep. One request does it all, so the document is never withdrawn with its
 * tasks half closed.
 */
export function WithdrawModal({ document: d, tasks, onClose }: { document: DirectiveDocument; tasks: readonly Task[]; onClose: () => void }) {
  const dt = useDocText();
  const { t } = useI18n();
  const withdraw = useWithdrawDocument();
  const open = tasks.filter((x) => !x.done && !x.cancelled);
  const [reason, setReason] = useState('');
  const [close, setClose] = useState<Set<string>>(() => new Set(open.map((x) => x.id)));
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    if (reason.trim().length < 10) return setError(dt('wd.reasonShort'));
    try {
      await withdraw.mutateAsync({ id: d.id, version: d.version, reason, cancelTaskIds: [...close] });
      void message.success(dt('wd.done'));
      onClose();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  return (
    <Modal
      open
      title={dt('wd.title')}
      width={720}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={dt('wd.submit', { n: String(close.size) })}
      okButtonProps={{ danger: true, loading: withdraw.isPending, ...({ 'data-testid': 'withdraw-submit' } as Record<`data-${string}`, string>) }}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{dt('wd.reason')}</Typography.Text>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} aria-label={dt('wd.reason')} data-testid="withdraw-reason" />
        <Typography.Text>{open.length ? dt('wd.tasks') : dt('wd.noTasks')}</Typography.Text>
        {open.length ? (
          <List
            size="small"
            bordered
            dataSource={open}
            data-testid="withdraw-tasks"
            renderItem={(x) => (
              <List.Item
                extra={
                  <Checkbox
                    checked={close.has(x.id)}
                    data-testid={`withdraw-close-${x.id}`}
                    onChange={(e) => {
                      const next = new Set(close);
                      if (e.target.checked) next.add(x.id);
                      else next.delete(x.id);
                      setClose(next);
                    }}
                  >
                    {close.has(x.id) ? dt('wd.close') : dt('wd.keep')}
                  </Checkbox>
                }
              >
                <List.Item.Meta title={x.title} description={`${x.leadUnit.name} · ${formatDate(x.deadline)}`} />
              </List.Item>
            )}
          />
        ) : null}
        {error ? <Alert type="error" showIcon title={error} data-testid="withdraw-error" /> : null}
      </Space>
    </Modal>
  );
}
