import { useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { ApiError } from '../../api/client';
import type { Indicator, PeriodType } from '../../api/indicators';
import { useSaveRegime, type DeadlineRule, type Regime, type RegimeFieldInput, type RegimeInput } from '../../api/reports';
import type { Unit } from '../../api/types';
import { formErrorBanner, type FormBanner } from '../../components/formErrors';
import { errorText } from '../../components/QueryError';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { DATE_FORMAT, fromIso, todayIso, toIso } from '../../lib/dates';
import { useRepText, type RepTextKey } from './messages';

export type RegimeFormTarget = { mode: 'create' } | { mode: 'edit'; regime: Regime };

interface FieldValues {
  kind: 'indicator' | 'text';
  indicatorId?: string;
  label?: string;
  required?: boolean;
}

interface Values {
  code: string;
  reportKind: Regime['reportKind'];
  periodType: PeriodType;
  title: string;
  content?: string;
  ruleKind: DeadlineRule['kind'];
  days?: number;
  day?: number;
  monthOffset?: number;
  receivingUnitId: string;
  sendingMethod: string;
  legalBasis?: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  unitIds: string[];
  fields: FieldValues[];
}

const FIELDS = ['code', 'reportKind', 'periodType', 'title', 'content', 'receivingUnitId', 'sendingMethod', 'legalBasis', 'validFrom', 'validTo', 'unitIds', 'fields'] as const;
const PERIOD_TYPES: readonly PeriodType[] = ['month', 'quarter', 'half', 'nine_months', 'year'];
const KINDS: ReadonlyArray<Regime['reportKind']> = ['periodic', 'thematic', 'ad_hoc'];

function clean(s: string | undefined | null): string {
  return (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

function ruleOf(v: Values): DeadlineRule {
  if (v.ruleKind === 'working_days_after_cutoff') return { kind: v.ruleKind, days: v.days ?? 1 };
  return { kind: 'day_of_month', day: v.day ?? 1, monthOffset: v.monthOffset ?? 0 };
}

function fieldsOf(v: Values): RegimeFieldInput[] {
  return (v.fields ?? []).map((f) =>
    f.kind === 'indicator' ? { kind: 'indicator', indicatorId: f.indicatorId ?? null, required: !!f.required } : { kind: 'text', label: clean(f.label), required: !!f.required },
  );
}

function editable(v: Values) {
  return {
    title: clean(v.title),
    content: (v.content ?? '').trim(),
    deadlineRule: ruleOf(v),
    receivingUnitId: v.receivingUnitId,
    sendingMethod: clean(v.sendingMethod),
    legalBasis: clean(v.legalBasis) || null,
    validFrom: toIso(v.validFrom),
    validTo: v.validTo ? toIso(v.validTo) : null,
    unitIds: [...v.unitIds].sort(),
    fields: fieldsOf(v),
  };
}

function currentOf(r: Regime) {
  return {
    title: r.title,
    content: r.content ?? '',
    deadlineRule: r.deadlineRule,
    receivingUnitId: r.receivingUnitId,
    sendingMethod: r.sendingMethod,
    legalBasis: r.legalBasis,
    validFrom: r.validFrom,
    validTo: r.validTo,
    unitIds: r.units.map((u) => u.id).sort(),
    fields: r.fields.map((f): RegimeFieldInput => (f.kind === 'indicator' ? { kind: 'indicator', indicatorId: f.indicatorId, required: f.required } : { kind: 'text', label: f.label, required: f.required })),
  };
}

/**
 * Only what changed goes to the server: the form part in particular, because the server
 * refuses a new form once units have started reporting under the regime.
 */
function buildPatch(r: Regime, v: Values): RegimeInput {
  const next = editable(v);
  const before = currentOf(r);
  const patch: RegimeInput = { version: r.version };
  for (const k of Object.keys(next) as Array<keyof typeof next>) {
    if (JSON.stringify(next[k]) !== JSON.stringify(before[k])) Object.assign(patch, { [k]: next[k] });
  }
  return patch;
}

interface Props {
  target: RegimeFormTarget;
  indicators: readonly Indicator[];
  units: readonly Unit[];
  onClose: () => void;
}

/** Issue a report regime (NĐ 09/2019): who reports what, to whom, how often and by when; or edit one. */
export function RegimeFormModal({ target, indicators, units, onClose }: Props) {
  const t = useRepText();
  const { t: tc } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<FormBanner | null>(null);
  const save = useSaveRegime();
  const editing = target.mode === 'edit' ? target.regime : null;
  const ruleKind = Form.useWatch('ruleKind', form) ?? editing?.deadlineRule.kind ?? 'working_days_after_cutoff';
  const periodType = (Form.useWatch('periodType', form) ?? editing?.periodType ?? 'month') as PeriodType;
  const indicatorOptions = indicators
    .filter((i) => i.kind !== 'formula' && i.periodicity === periodType)
    .map((i) => ({ value: i.id, label: `${i.code} — ${i.name}` }));

  const rule = editing?.deadlineRule;
  const initialValues: Partial<Values> = editing
    ? {
        code: editing.code,
        reportKind: editing.reportKind,
        periodType: editing.periodType,
        title: editing.title,
        content: editing.content ?? '',
        ruleKind: editing.deadlineRule.kind,
        days: rule?.kind === 'working_days_after_cutoff' ? rule.days : 5,
        day: rule?.kind === 'day_of_month' ? rule.day : 20,
        monthOffset: rule?.kind === 'day_of_month' ? rule.monthOffset : 0,
        receivingUnitId: editing.receivingUnitId,
        sendingMethod: editing.sendingMethod,
        legalBasis: editing.legalBasis ?? '',
        validFrom: fromIso(editing.validFrom),
        validTo: fromIso(editing.validTo) ?? null,
        unitIds: editing.units.map((u) => u.id),
        fields: editing.fields.map((f) => ({ kind: f.kind, indicatorId: f.indicatorId ?? undefined, label: f.kind === 'text' ? f.label : undefined, required: f.required })),
      }
    : {
        reportKind: 'periodic',
        periodType: 'month',
        ruleKind: 'working_days_after_cutoff',
        days: 5,
        day: 20,
        monthOffset: 0,
        validFrom: fromIso(todayIso()),
        unitIds: [],
        fields: [],
      };

  const onError = (err: unknown) => {
    // `fields.3.indicatorId`: the error belongs to one row of the form part.
    const m = err instanceof ApiError ? /^fields\.(\d+)\.(indicatorId|label)$/.exec(err.field ?? '') : null;
    if (m && err instanceof ApiError) {
      form.setFields([{ name: ['fields', Number(m[1]), m[2] as 'indicatorId' | 'label'], errors: [err.message] }]);
      setFormError(null);
      return;
    }
    if (err instanceof ApiError && err.field === 'deadlineRule') {
      form.setFields([{ name: ruleKind === 'working_days_after_cutoff' ? 'days' : 'day', errors: [err.message] }]);
      setFormError(null);
      return;
    }
    setFormError(
      formErrorBanner(form, err, FIELDS.filter((f) => f !== 'fields'), {
        uniqueField: editing ? undefined : 'code',
        conflictText: t('regime.conflict'),
        otherText: () => errorText(err, tc),
      }),
    );
  };

  const onFinish = (v: Values) => {
    setFormError(null);
    if (editing) {
      const patch = buildPatch(editing, v);
      if (Object.keys(patch).length === 1) {
        onClose();
        return;
      }
      save.mutate({ id: editing.id, input: patch }, {
        onSuccess: (r) => {
          void message.success(t('regime.saved', { code: r.code }));
          onClose();
        },
        onError,
      });
      return;
    }
    const input: RegimeInput = { ...editable(v), code: clean(v.code).toUpperCase(), reportKind: v.reportKind, periodType: v.periodType };
    save.mutate({ input }, {
      onSuccess: (r) => {
        void message.success(t('regime.created', { code: r.code }));
        onClose();
      },
      onError,
    });
  };

  const required = (key: RepTextKey) => ({ required: true, whitespace: true, message: tc('common.required', { field: t(key).toLowerCase() }) });
  const requiredSelect = (key: RepTextKey) => ({ required: true, message: tc('common.requiredSelect', { field: t(key).toLowerCase() }) });
  const row = { display: 'flex', gap: 16 } as const;

  return (
    <Modal
      open
      title={editing ? t('regime.editTitle', { code: editing.code }) : t('regime.addTitle')}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={820}
      mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'regime-form-save' } as Record<string, string>}
    >
      {formError ? <Alert type={formError.conflict ? 'warning' : 'error'} showIcon title={formError.text} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} name="regime-form" layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark="optional" data-testid="regime-form">
        <div style={row}>
          <Form.Item name="code" label={t('regime.code')} extra={t('regime.codeHint')} style={{ flex: 2 }} rules={[required('regime.code')]}>
            <Input maxLength={60} spellCheck={false} disabled={!!editing} />
          </Form.Item>
          <Form.Item name="reportKind" label={t('regime.kind')} style={{ flex: 1 }}>
            <Select disabled={!!editing} options={KINDS.map((k) => ({ value: k, label: t(`regime.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="periodType" label={t('regime.periodType')} style={{ flex: 1 }}>
            <Select disabled={!!editing} options={PERIOD_TYPES.map((p) => ({ value: p, label: t(`ptype.${p}` as RepTextKey) }))} />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('regime.title')} rules={[required('regime.title')]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="content" label={t('regime.content')}>
          <Input.TextArea rows={3} maxLength={10_000} />
        </Form.Item>
        <Form.Item name="unitIds" label={t('regime.units')} rules={[requiredSelect('regime.units')]}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            maxTagCount="responsive"
            options={units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <div style={row}>
          <Form.Item name="receivingUnitId" label={t('regime.receiving')} style={{ flex: 1 }} rules={[requiredSelect('regime.receiving')]}>
            <UnitTreeSelect units={units} />
          </Form.Item>
          <Form.Item name="sendingMethod" label={t('regime.method')} style={{ flex: 1 }} rules={[required('regime.method')]}>
            <Input maxLength={300} />
          </Form.Item>
        </div>
        <Form.Item name="ruleKind" label={t('regime.deadline')}>
          <Radio.Group
            options={[
              { value: 'working_days_after_cutoff', label: t('regime.deadline.working') },
              { value: 'day_of_month', label: t('regime.deadline.dayOfMonth') },
            ]}
          />
        </Form.Item>
        {ruleKind === 'working_days_after_cutoff' ? (
          <Form.Item name="days" label={t('regime.days')} rules={[{ required: true, message: tc('common.required', { field: t('regime.days').toLowerCase() }) }]}>
            <InputNumber min={1} max={60} precision={0} />
          </Form.Item>
        ) : (
          <div style={row}>
            <Form.Item name="day" label={t('regime.day')} rules={[{ required: true, message: tc('common.required', { field: t('regime.day').toLowerCase() }) }]}>
              <InputNumber min={1} max={31} precision={0} />
            </Form.Item>
            <Form.Item name="monthOffset" label={t('regime.monthOffset')}>
              <InputNumber min={0} max={12} precision={0} />
            </Form.Item>
          </div>
        )}
        <Form.Item name="legalBasis" label={t('regime.basis')}>
          <Input maxLength={1000} />
        </Form.Item>
        <div style={row}>
          <Form.Item name="validFrom" label={t('regime.validFrom')} style={{ flex: 1 }} rules={[requiredSelect('regime.validFrom')]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validTo" label={t('regime.validTo')} style={{ flex: 1 }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Typography.Title level={5}>{t('regime.fields')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('regime.fieldsHint')}</Typography.Paragraph>
        <Form.List
          name="fields"
          rules={[{ validator: async (_, list: unknown[] | undefined) => ((list ?? []).length ? undefined : Promise.reject(new Error(t('regime.fieldsHint')))) }]}
        >
          {(items, { add, remove }, { errors }) => (
            <>
              {items.map((item, index) => {
                const kind = form.getFieldValue(['fields', item.name, 'kind']) as FieldValues['kind'];
                return (
                  <Space key={item.key} align="start" style={{ display: 'flex', marginBottom: 4 }}>
                    <Typography.Text type="secondary" style={{ display: 'inline-block', width: 24, paddingTop: 5 }}>
                      {index + 1}.
                    </Typography.Text>
                    <Form.Item name={[item.name, 'kind']} hidden>
                      <Input />
                    </Form.Item>
                    {kind === 'indicator' ? (
                      <Form.Item name={[item.name, 'indicatorId']} rules={[requiredSelect('regime.field.indicator')]} style={{ width: 520, marginBottom: 8 }}>
                        <Select placeholder={t('regime.field.indicator')} showSearch={{ optionFilterProp: 'label' }} options={indicatorOptions} popupMatchSelectWidth={false} />
                      </Form.Item>
                    ) : (
                      <Form.Item name={[item.name, 'label']} rules={[required('regime.field.title')]} style={{ width: 520, marginBottom: 8 }}>
                        <Input placeholder={t('regime.field.title')} maxLength={300} />
                      </Form.Item>
                    )}
                    <Form.Item name={[item.name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
                      <Checkbox>{t('regime.field.required')}</Checkbox>
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('regime.field.remove')} onClick={() => remove(item.name)} />
                  </Space>
                );
              })}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'indicator', required: true })}>
                  {t('regime.field.addIndicator')}
                </Button>
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'text', required: false })}>
                  {t('regime.field.addText')}
                </Button>
              </Space>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
