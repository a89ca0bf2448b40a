import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { PILLARS, useSaveIndicator, type Catalogue, type Indicator, type IndicatorInput, type IndicatorKind, type PeriodType, type Pillar, type Rule } from '../../api/indicators';
import { formErrorBanner, type FormBanner } from '../../components/formErrors';
import { errorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { DATE_FORMAT, fromIso, todayIso, toIso } from '../../lib/dates';
import { PERIOD_TYPE_ORDER } from './periods';
import { useIndText } from './messages';

export type IndicatorFormTarget = { mode: 'create'; catalogueId?: string } | { mode: 'edit'; indicator: Indicator };

interface Values {
  catalogueId: string;
  code: string;
  kind: IndicatorKind;
  name: string;
  pillar: Pillar;
  unitOfMeasure: string;
  formula?: string;
  unitRule: Rule;
  timeRule: Rule;
  direction: 'higher_better' | 'lower_better';
  periodicity: PeriodType;
  sourceAgency: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
}

const FIELDS = ['catalogueId', 'code', 'kind', 'name', 'pillar', 'unitOfMeasure', 'formula', 'unitRule', 'timeRule', 'direction', 'periodicity', 'sourceAgency', 'validFrom', 'validTo'] as const;
const KINDS: readonly IndicatorKind[] = ['raw', 'ratio', 'formula'];
const RULES: readonly Rule[] = ['sum', 'ratio', 'mean', 'last'];

function clean(s: string | undefined | null): string {
  return (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

function buildInput(v: Values): IndicatorInput {
  return {
    name: clean(v.name),
    pillar: v.pillar,
    unitOfMeasure: clean(v.unitOfMeasure),
    formula: v.kind === 'formula' ? clean(v.formula) || null : null,
    unitRule: v.unitRule,
    timeRule: v.timeRule,
    direction: v.direction,
    periodicity: v.periodicity,
    sourceAgency: clean(v.sourceAgency),
    validFrom: toIso(v.validFrom),
    validTo: v.validTo ? toIso(v.validTo) : null,
  };
}

/** Only what changed goes to the server, so the audit log shows exactly the edit. */
function buildPatch(ind: Indicator, v: Values): IndicatorInput {
  const full = buildInput({ ...v, kind: ind.kind });
  const patch: IndicatorInput = { version: ind.version };
  for (const [k, value] of Object.entries(full) as Array<[keyof IndicatorInput, unknown]>) {
    if (value !== ind[k as keyof Indicator]) Object.assign(patch, { [k]: value });
  }
  return patch;
}

interface Props {
  target: IndicatorFormTarget;
  catalogues: readonly Catalogue[];
  onClose: () => void;
}

/** Add an indicator to a catalogue, or edit its rules; code, kind and catalogue are fixed once created. */
export function IndicatorFormModal({ target, catalogues, onClose }: Props) {
  const t = useIndText();
  const { t: tc } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<FormBanner | null>(null);
  const save = useSaveIndicator();
  const editing = target.mode === 'edit' ? target.indicator : null;
  const kind = Form.useWatch('kind', form) ?? editing?.kind;

  const initialValues: Partial<Values> = editing
    ? {
        catalogueId: editing.catalogueId,
        code: editing.code,
        kind: editing.kind,
        name: editing.name,
        pillar: editing.pillar,
        unitOfMeasure: editing.unitOfMeasure,
        formula: editing.formula ?? '',
        unitRule: editing.unitRule,
        timeRule: editing.timeRule,
        direction: editing.direction,
        periodicity: editing.periodicity,
        sourceAgency: editing.sourceAgency,
        validFrom: fromIso(editing.validFrom),
        validTo: fromIso(editing.validTo) ?? null,
      }
    : {
        catalogueId: target.mode === 'create' ? (target.catalogueId ?? catalogues[0]?.id) : undefined,
        kind: 'raw',
        pillar: 'government',
        unitRule: 'sum',
        timeRule: 'sum',
        direction: 'higher_better',
        periodicity: 'year',
        validFrom: fromIso(`${todayIso().slice(0, 4)}-01-01`),
      };

  const onError = (err: unknown) =>
    setFormError(formErrorBanner(form, err, FIELDS, { uniqueField: editing ? undefined : 'code', conflictText: t('form.conflict'), otherText: () => errorText(err, tc) }));

  const onFinish = (v: Values) => {
    setFormError(null);
    if (editing) {
      const patch = buildPatch(editing, v);
      if (Object.keys(patch).length === 1) {
        onClose();
        return;
      }
      save.mutate({ id: editing.id, input: patch }, {
        onSuccess: (i) => {
          void message.success(t('form.saved', { code: i.code }));
          onClose();
        },
        onError,
      });
      return;
    }
    save.mutate({ input: { ...buildInput(v), catalogueId: v.catalogueId, code: clean(v.code), kind: v.kind } }, {
      onSuccess: (i) => {
        void message.success(t('form.created', { code: i.code }));
        onClose();
      },
      onError,
    });
  };

  const required = (label: string) => ({ required: true, whitespace: true, message: tc('common.required', { field: label.toLowerCase() }) });
  const requiredSelect = (label: string) => ({ required: true, message: tc('common.requiredSelect', { field: label.toLowerCase() }) });
  const ruleOptions = RULES.map((r) => ({ value: r, label: t(`rule.${r}`) }));
  const row = { display: 'flex', gap: 16 } as const;

  return (
    <Modal
      open
      title={editing ? t('form.editTitle', { code: editing.code }) : t('form.addTitle')}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={720}
      mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'indicator-form-save' } as Record<string, string>}
    >
      {editing ? <Typography.Paragraph type="secondary">{t('form.fixed')}</Typography.Paragraph> : null}
      {formError ? <Alert type={formError.conflict ? 'warning' : 'error'} showIcon title={formError.text} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} name="indicator-form" layout="vertical" initialValues={initialValues} onFinish={onFinish} requiredMark="optional" data-testid="indicator-form">
        <Form.Item name="catalogueId" label={t('form.catalogue')} rules={[requiredSelect(t('form.catalogue'))]}>
          <Select disabled={!!editing} options={catalogues.map((c) => ({ value: c.id, label: `${c.code} — ${c.name}` }))} popupMatchSelectWidth={false} />
        </Form.Item>
        <div style={row}>
          {/* The code's pattern is the server's to check, so its Vietnamese message shows under this field. */}
          <Form.Item name="code" label={t('form.code')} extra={t('form.codeHint')} style={{ flex: 1 }} rules={[required(t('form.code'))]}>
            <Input maxLength={60} spellCheck={false} disabled={!!editing} data-testid="indicator-code" />
          </Form.Item>
          <Form.Item name="kind" label={t('form.kind')} style={{ flex: 1 }} rules={[requiredSelect(t('form.kind'))]}>
            <Select disabled={!!editing} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="name" label={t('form.name')} rules={[required(t('form.name'))]}>
          <Input maxLength={300} data-testid="indicator-name" />
        </Form.Item>
        {kind === 'formula' ? (
          <Form.Item name="formula" label={t('form.formula')} extra={t('form.formulaHint')} rules={[required(t('form.formula'))]}>
            <Input.TextArea rows={2} maxLength={2000} spellCheck={false} />
          </Form.Item>
        ) : null}
        <div style={row}>
          <Form.Item name="pillar" label={t('form.pillar')} style={{ flex: 1 }} rules={[requiredSelect(t('form.pillar'))]}>
            <Select options={PILLARS.map((p) => ({ value: p, label: t(`pillar.${p}`) }))} />
          </Form.Item>
          <Form.Item name="unitOfMeasure" label={t('form.uom')} style={{ flex: 1 }} rules={[required(t('form.uom'))]}>
            <Input maxLength={40} data-testid="indicator-uom" />
          </Form.Item>
        </div>
        <div style={row}>
          <Form.Item name="unitRule" label={t('form.unitRule')} style={{ flex: 1 }}>
            <Select options={ruleOptions} />
          </Form.Item>
          <Form.Item name="timeRule" label={t('form.timeRule')} style={{ flex: 1 }}>
            <Select options={ruleOptions} />
          </Form.Item>
        </div>
        <div style={row}>
          <Form.Item name="direction" label={t('form.direction')} style={{ flex: 1 }}>
            <Select options={(['higher_better', 'lower_better'] as const).map((d) => ({ value: d, label: t(`dir.${d}`) }))} />
          </Form.Item>
          <Form.Item name="periodicity" label={t('form.periodicity')} style={{ flex: 1 }}>
            <Select options={PERIOD_TYPE_ORDER.map((p) => ({ value: p, label: t(`ptype.${p}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="sourceAgency" label={t('form.source')} rules={[required(t('form.source'))]}>
          <Input maxLength={300} data-testid="indicator-source" />
        </Form.Item>
        <div style={row}>
          <Form.Item name="validFrom" label={t('form.validFrom')} style={{ flex: 1 }} rules={[requiredSelect(t('form.validFrom'))]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="validTo" label={t('form.validTo')} style={{ flex: 1 }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
