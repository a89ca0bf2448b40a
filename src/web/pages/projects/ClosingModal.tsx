import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useCloseProject } from '../../api/projects';
import { ZLongText, type TProjectDetail } from '../../../contracts/projects';
import { errorText } from '../../components/QueryError';
import { applyServerFieldError } from '../../components/formErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { DATE_FORMAT, toIso } from '../../lib/dates';
import { useProjectText } from './messages';
import { formatMoney } from './money';
import { maxLengthOf } from '../../lib/schema-rule';

interface Values {
  closedOn: Dayjs;
  carriedOver: number;
  cancelled: number;
  note?: string;
}

const money = { min: 0, precision: 0, step: 1_000_000, style: { width: '100%' } } as const;

/** Finance records the year-end outcome: what was not disbursed is carried over or cancelled. */
export function ClosingModal({ project, onClose }: { project: TProjectDetail; onClose: () => void }) {
  const pt = useProjectText();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const close = useCloseProject(project.id);
  const left = Number(BigInt(project.allocated ?? 0) - BigInt(project.disbursed));

  const onFinish = (v: Values) => {
    setError(null);
    close.mutate(
      { version: project.version, closedOn: toIso(v.closedOn), carriedOver: v.carriedOver ?? 0, cancelled: v.cancelled ?? 0, note: v.note?.trim() || null },
      {
        onSuccess: () => {
          void message.success(pt('saved'));
          onClose();
        },
        onError: (err) => {
          if (!applyServerFieldError(form, err, ['closedOn', 'carriedOver', 'cancelled', 'note'])) setError(errorText(err, t));
        },
      },
    );
  };

  return (
    <Modal open title={pt('detail.close')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={close.isPending} mask={{ closable: false }}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph type="secondary">
        {pt('form.available', { allocated: formatMoney(project.allocated, lang), disbursed: formatMoney(project.disbursed, lang), left: formatMoney(left, lang) })}
      </Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ closedOn: dayjs(project.closedOn ?? project.today), carriedOver: project.carriedOver, cancelled: project.cancelled, note: project.closingNote ?? '' }}
      >
        <Form.Item name="closedOn" label={pt('form.closedOn')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="carriedOver" label={pt('form.carried')}>
          <InputNumber<number> {...money} />
        </Form.Item>
        <Form.Item name="cancelled" label={pt('form.cancelled')}>
          <InputNumber<number> {...money} />
        </Form.Item>
        <Form.Item name="note" label={pt('form.note')}>
          <Input.TextArea rows={2} maxLength={maxLengthOf(ZLongText)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
