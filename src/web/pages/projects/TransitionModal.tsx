import { useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { ApiError } from '../../api/client';
import { useTransition } from '../../api/projects';
import { ZDocNumber, ZLongText, type TProjectDetail } from '../../../contracts/projects';
import type { ActionType } from '../../../core/projects/pipeline';
import { errorText } from '../../components/QueryError';
import { applyServerFieldError } from '../../components/formErrors';
import { useI18n } from '../../i18n/I18nProvider';
import { DATE_FORMAT, toIso } from '../../lib/dates';
import { actionKey, useProjectText } from './messages';
import { formatMoney } from './money';
import { maxLengthOf } from '../../lib/schema-rule';

interface Values {
  date: Dayjs;
  documentNumber?: string;
  comment?: string;
  amount?: number;
  final?: boolean;
}

const FIELDS = ['date', 'documentNumber', 'comment', 'amount', 'final'];
const WITH_AMOUNT: ReadonlySet<ActionType> = new Set(['allocate', 'contract', 'disburse']);

/** Date, document number and comment of one transition; money for allocation, contract and disbursement. */
export function TransitionModal({ project, action, onClose }: { project: TProjectDetail; action: ActionType; onClose: () => void }) {
  const pt = useProjectText();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<{ text: string; conflict: boolean } | null>(null);
  const transition = useTransition(project.id);
  const returning = action === 'return_for_revision';
  const left = project.allocated === null ? null : Number(BigInt(project.allocated) - BigInt(project.disbursed));
  const defaultAmount = action === 'allocate' ? project.estimate : action === 'disburse' ? (left ?? undefined) : undefined;

  const onFinish = (v: Values) => {
    setError(null);
    transition.mutate(
      {
        version: project.version,
        type: action,
        date: toIso(v.date),
        documentNumber: v.documentNumber?.trim() || null,
        comment: v.comment?.trim() || null,
        amount: WITH_AMOUNT.has(action) && v.amount !== undefined && v.amount !== null ? v.amount : null,
        final: action === 'disburse' ? !!v.final : undefined,
      },
      {
        onSuccess: () => {
          void message.success(pt('saved'));
          onClose();
        },
        onError: (err) => {
          if (err instanceof ApiError && err.status === 409) {
            setError({ text: err.message, conflict: true });
            return;
          }
          if (!applyServerFieldError(form, err, FIELDS)) setError({ text: errorText(err, t), conflict: false });
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`${pt(actionKey(action))} — ${project.step?.name ?? ''}`}
      okText={pt('form.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: returning }}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={transition.isPending}
      mask={{ closable: false }}
      width={600}
    >
      {error ? <Alert type={error.conflict ? 'warning' : 'error'} showIcon title={error.text} style={{ marginBottom: 16 }} data-testid="transition-error" /> : null}
      {action === 'disburse' && left !== null ? (
        <Typography.Paragraph type="secondary">
          {pt('form.available', { allocated: formatMoney(project.allocated, lang), disbursed: formatMoney(project.disbursed, lang), left: formatMoney(left, lang) })}
        </Typography.Paragraph>
      ) : null}
      <Form<Values> form={form} layout="vertical" name="transition-form" onFinish={onFinish} initialValues={{ date: dayjs(project.today), amount: defaultAmount, final: false }}>
        <Form.Item name="date" label={pt('form.date')} rules={[{ required: true, message: pt('form.required', { field: pt('form.date').toLowerCase() }) }]}>
          <DatePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(project.today), 'day')} />
        </Form.Item>
        <Form.Item name="documentNumber" label={pt('form.documentNumber')}>
          <Input maxLength={maxLengthOf(ZDocNumber)} placeholder="123/QĐ-UBND" />
        </Form.Item>
        {WITH_AMOUNT.has(action) ? (
          <Form.Item
            name="amount"
            label={pt('form.amount')}
            rules={action === 'contract' ? [] : [{ required: true, message: pt('form.required', { field: pt('form.amount').toLowerCase() }) }]}
          >
            <InputNumber<number>
              min={1}
              precision={0}
              step={1_000_000}
              style={{ width: '100%' }}
              formatter={(v) => (v === undefined || v === null || `${v}` === '' ? '' : new Intl.NumberFormat('vi-VN').format(Number(v)))}
              parser={(s) => Number((s ?? '').replace(/\D/g, ''))}
            />
          </Form.Item>
        ) : null}
        {action === 'disburse' ? (
          <Form.Item name="final" valuePropName="checked">
            <Checkbox>{pt('form.final')}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item
          name="comment"
          label={returning ? pt('form.commentRequired') : pt('form.comment')}
          rules={returning ? [{ required: true, whitespace: true, message: pt('form.commentRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={maxLengthOf(ZLongText)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
