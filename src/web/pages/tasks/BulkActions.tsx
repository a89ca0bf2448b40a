import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ZNote, type TTask, type TTaskBulkResult } from '../../../contracts/tasks';
import type { BulkAction } from '../../../core/tasks/bulk';
import { useBulkTasks } from '../../api/tasks';
import { errorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { DATE_FORMAT, todayIso, toIso } from '../../lib/dates';
import { maxLengthOf, schemaRule } from '../../lib/schema-rule';
import { useCreateBulkText, type CreateBulkKey } from './create-bulk-text';
import { filterUnitOption, useUnitOptions } from './useUnitOptions';

interface Values {
  leadUnitId?: string;
  deadline?: Dayjs;
  reason?: string;
}

/**
 * The bar over a list with selected tasks: reassign the lead, extend the deadline, close with a
 * reason. The server changes them in one statement and says which it left alone and why.
 */
export function BulkActions({ selected, onDone }: { selected: TTask[]; onDone: () => void }) {
  const ct = useCreateBulkText();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [action, setAction] = useState<BulkAction | null>(null);
  const [result, setResult] = useState<TTaskBulkResult | null>(null);
  const [form] = Form.useForm<Values>();
  const units = useUnitOptions();
  const bulk = useBulkTasks();
  const n = formatNumber(selected.length, lang);

  const apply = (v: Values) => {
    if (!action) return;
    const tasks = selected.map((x) => ({ id: x.id, version: x.version }));
    const body =
      action === 'reassign'
        ? { action, tasks, leadUnitId: v.leadUnitId! }
        : action === 'extend'
          ? { action, tasks, deadline: toIso(v.deadline!) }
          : { action, tasks, reason: v.reason ?? '' };
    bulk.mutate(body, {
      onSuccess: (r) => {
        setResult(r);
        setAction(null);
        form.resetFields();
        onDone();
      },
      onError: (err) => void message.error(errorText(err, t)),
    });
  };

  return (
    <>
      {result ? (
        <Alert
          type={result.skipped.length ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setResult(null) }}
          title={result.message}
          data-testid="bulk-result"
          style={{ marginBottom: 12 }}
          description={
            result.skipped.length ? (
              <ul className="hd-bulk-skipped">
                {result.skipped.slice(0, 20).map((s) => (
                  <li key={s.id}>
                    {s.title ?? s.id} — {ct(`reason.${s.reason}` as CreateBulkKey)}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      ) : null}
      {selected.length ? (
        <div className="hd-bulk-bar" data-testid="bulk-bar">
          <Typography.Text strong>{ct('bulk.selected', { n })}</Typography.Text>
          <Button onClick={() => setAction('reassign')}>{ct('bulk.reassign')}</Button>
          <Button onClick={() => setAction('extend')}>{ct('bulk.extend')}</Button>
          <Button danger onClick={() => setAction('close')}>
            {ct('bulk.close')}
          </Button>
          <Button type="link" onClick={onDone}>
            {ct('bulk.clear')}
          </Button>
        </div>
      ) : null}
      <Modal
        open={action !== null}
        title={action ? ct(`bulk.${action}.title` as CreateBulkKey, { n }) : ''}
        okText={ct('bulk.apply')}
        cancelText={ct('create.cancel')}
        okButtonProps={{ danger: action === 'close' }}
        confirmLoading={bulk.isPending}
        onCancel={() => setAction(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" onFinish={apply}>
          {action === 'reassign' ? (
            <Form.Item name="leadUnitId" label={ct('bulk.lead')} rules={[{ required: true, message: ct('field.lead.required') }]}>
              <Select showSearch={{ filterOption: filterUnitOption }} options={units.options.filter((u) => !u.ended)} loading={units.loading} aria-label={ct('bulk.lead')} />
            </Form.Item>
          ) : null}
          {action === 'extend' ? (
            <Form.Item name="deadline" label={ct('bulk.deadline')} rules={[{ required: true, message: ct('bulk.deadline.required') }]}>
              <DatePicker format={DATE_FORMAT} disabledDate={(d) => toIso(d) < todayIso()} aria-label={ct('bulk.deadline')} />
            </Form.Item>
          ) : null}
          {action === 'close' ? (
            <>
              <Typography.Paragraph type="secondary">{ct('bulk.closeNote')}</Typography.Paragraph>
              <Form.Item name="reason" label={ct('bulk.reason')} rules={[{ required: true, whitespace: true, message: ct('bulk.reason.required') }, schemaRule(ZNote)]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={maxLengthOf(ZNote)} aria-label={ct('bulk.reason')} />
              </Form.Item>
            </>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
