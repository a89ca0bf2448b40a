import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { ApiError } from '../../api/client';
import { useSetTarget, type Indicator } from '../../api/indicators';
import type { Unit } from '../../api/types';
import { applyServerFieldError } from '../../components/formErrors';
import { errorText } from '../../components/QueryError';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../lib/dates';
import { useIndText } from './messages';

type Level = 'city' | 'district' | 'commune';

interface Values {
  indicatorId: string;
  planCode: string;
  assign: 'level' | 'unit';
  level?: Level;
  unitId?: string;
  year: number;
  quarter?: number;
  value: number;
  note?: string;
}

const FIELDS = ['indicatorId', 'planCode', 'level', 'unitId', 'year', 'value', 'note'] as const;
const LEVELS: readonly Level[] = ['city', 'district', 'commune'];

interface Props {
  indicators: readonly Indicator[];
  units: readonly Unit[];
  onClose: () => void;
}

/** Sets a yearly or quarterly target for a level or one unit; the same key replaces the earlier target. */
export function TargetFormModal({ indicators, units, onClose }: Props) {
  const t = useIndText();
  const { t: tc } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const setTarget = useSetTarget();
  const assign = Form.useWatch('assign', form) ?? 'level';
  const year = Number(todayIso().slice(0, 4));

  const onFinish = (v: Values) => {
    setFormError(null);
    const period = v.quarter ? `${v.year}-Q${v.quarter}` : String(v.year);
    setTarget.mutate(
      {
        indicatorId: v.indicatorId,
        planCode: v.planCode.trim(),
        level: v.assign === 'level' ? (v.level ?? null) : null,
        unitId: v.assign === 'unit' ? (v.unitId ?? null) : null,
        period,
        value: v.value,
        note: v.note?.trim() || null,
      },
      {
        onSuccess: () => {
          void message.success(t('target.saved'));
          onClose();
        },
        onError: (err) => {
          // The year and the quarter together make the period, so a period error shows under the year.
          if (err instanceof ApiError && err.field === 'period') {
            form.setFields([{ name: 'year', errors: [err.message] }]);
            return;
          }
          if (applyServerFieldError(form, err, FIELDS)) return;
          setFormError(errorText(err, tc));
        },
      },
    );
  };

  const requiredSelect = (label: string) => ({ required: true, message: tc('common.requiredSelect', { field: label.toLowerCase() }) });

  return (
    <Modal
      open
      title={t('target.title')}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={setTarget.isPending}
      width={600}
      mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'target-form-save' } as Record<string, string>}
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        name="target-form"
        layout="vertical"
        initialValues={{ assign: 'level', level: 'city', year, planCode: `KH-${year}` }}
        onFinish={onFinish}
        requiredMark="optional"
        data-testid="target-form"
      >
        <Form.Item name="indicatorId" label={t('target.indicator')} rules={[requiredSelect(t('target.indicator'))]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={indicators.map((i) => ({ value: i.id, label: `${i.code} — ${i.name}` }))}
            popupMatchSelectWidth={false}
            data-testid="target-indicator"
          />
        </Form.Item>
        <Form.Item name="planCode" label={t('target.plan')} extra={t('target.planHint')} rules={[{ required: true, whitespace: true, message: tc('common.required', { field: t('target.plan').toLowerCase() }) }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="assign" label={t('target.assign')}>
          <Radio.Group
            options={[
              { value: 'level', label: t('target.byLevel') },
              { value: 'unit', label: t('target.byUnit') },
            ]}
          />
        </Form.Item>
        {assign === 'level' ? (
          <Form.Item name="level" label={t('target.level')} rules={[requiredSelect(t('target.level'))]}>
            <Select options={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label={t('target.unit')} rules={[requiredSelect(t('target.unit'))]}>
            <UnitTreeSelect units={units} />
          </Form.Item>
        )}
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="year" label={t('target.year')} style={{ flex: 1 }} rules={[{ required: true, message: tc('common.required', { field: t('target.year').toLowerCase() }) }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} data-testid="target-year" />
          </Form.Item>
          <Form.Item name="quarter" label={t('target.quarter')} style={{ flex: 1 }}>
            <Select allowClear placeholder={t('target.wholeYear')} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `Q${q}` }))} />
          </Form.Item>
          <Form.Item name="value" label={t('target.value')} style={{ flex: 1 }} rules={[{ required: true, message: tc('common.required', { field: t('target.value').toLowerCase() }) }]}>
            <InputNumber min={0} style={{ width: '100%' }} decimalSeparator="," data-testid="target-value" />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('target.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
