import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useSaveTemplate } from '../../../api/projects';
import { ACTOR_ROLES, PIPELINE_PHASES, STEP_ACTIONS, ZStepCode, ZTemplateCode, ZTimeLimit, type TPipelineTemplate, type TStepInput } from '../../../../contracts/pipelines';
import { ZName } from '../../../../contracts/common';
import type { ActorRole, PipelinePhase, ProjectKind, StepAction } from '../../../../core/projects/pipeline';
import { errorText } from '../../../components/QueryError';
import { applyServerFieldError, isVersionConflict } from '../../../components/formErrors';
import { useI18n } from '../../../i18n/I18nProvider';
import { DATE_FORMAT, fromIso, toIso } from '../../../lib/dates';
import { kindKey, phaseKey, roleKey, actionKey, useProjectText, KIND_ORDER } from '../messages';
import { maxLengthOf, schemaRule } from '../../../lib/schema-rule';


interface StepValues {
  code: string;
  name: string;
  phase: PipelinePhase;
  actorRole: ActorRole;
  action: StepAction;
  timeLimitWorkingDays: number;
  documents: string;
  returnTo?: string | null;
  basis?: string;
}

interface Values {
  code: string;
  law: string;
  name: string;
  kind: ProjectKind;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  amountMinExclusive?: number | null;
  amountMaxInclusive?: number | null;
  note?: string;
  steps: StepValues[];
}

export type TemplateTarget = { mode: 'edit'; template: TPipelineTemplate } | { mode: 'copy'; template: TPipelineTemplate };

function toStep(s: StepValues): TStepInput {
  return {
    code: s.code.trim(),
    name: s.name.trim(),
    phase: s.phase,
    actorRole: s.actorRole,
    action: s.action,
    timeLimitWorkingDays: s.timeLimitWorkingDays,
    requiredDocuments: s.documents.split('\n').map((d) => d.trim()).filter(Boolean),
    ...(s.returnTo ? { returnTo: s.returnTo } : {}),
    ...(s.basis?.trim() ? { basis: s.basis.trim() } : {}),
  };
}

/**
 * Edits a pipeline, or copies it as a new one (a new law, a new valid-from date). Once projects
 * follow a pipeline its order, actors and actions are fixed: the form then only offers names,
 * limits, documents and validity, as the server does.
 */
export function TemplateModal({ target, onClose }: { target: TemplateTarget; onClose: () => void }) {
  const pt = useProjectText();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveTemplate();
  const tpl = target.template;
  const copying = target.mode === 'copy';
  const locked = !copying && tpl.projects > 0;

  const initialValues: Values = {
    code: copying ? `${tpl.code}-MOI` : tpl.code,
    law: tpl.law,
    name: tpl.name,
    kind: tpl.kind,
    validFrom: fromIso(tpl.validFrom)!,
    validTo: copying ? null : (fromIso(tpl.validTo) ?? null),
    amountMinExclusive: tpl.amountMinExclusive,
    amountMaxInclusive: tpl.amountMaxInclusive,
    note: tpl.note ?? '',
    steps: tpl.steps.map((s) => ({ ...s, documents: s.requiredDocuments.join('\n'), returnTo: s.returnTo ?? null, basis: s.basis ?? '' })),
  };

  const onFinish = (v: Values) => {
    setError(null);
    const common = {
      law: v.law,
      name: v.name,
      validFrom: toIso(v.validFrom),
      validTo: v.validTo ? toIso(v.validTo) : null,
      amountMinExclusive: v.amountMinExclusive ?? null,
      amountMaxInclusive: v.amountMaxInclusive ?? null,
      note: v.note?.trim() || null,
      steps: v.steps.map(toStep),
    };
    save.mutate(
      copying ? { body: { ...common, code: v.code.trim(), kind: v.kind } } : { id: tpl.id, body: { ...common, version: tpl.version } },
      {
        onSuccess: () => {
          void message.success(pt('saved'));
          onClose();
        },
        onError: (err) => {
          if (isVersionConflict(err)) {
            setError(t('error.conflict'));
            return;
          }
          if (!applyServerFieldError(form, err, ['code', 'law', 'name', 'validFrom', 'validTo', 'amountMinExclusive', 'amountMaxInclusive', 'note'])) setError(errorText(err, t));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={copying ? pt('admin.copy') : `${pt('admin.edit')}: ${tpl.code}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      width={1000}
      mask={{ closable: false }}
    >
      {locked ? <Alert type="info" showIcon title={pt('admin.inUse', { n: tpl.projects })} style={{ marginBottom: 12 }} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form<Values> form={form} layout="vertical" name="template-form" initialValues={initialValues} onFinish={onFinish} requiredMark="optional">
        <div className="hd-project-form-row">
          <Form.Item name="code" label={pt('admin.code')} rules={[{ required: true }, schemaRule(ZTemplateCode)]}>
            <Input disabled={!copying} />
          </Form.Item>
          <Form.Item name="kind" label={pt('admin.kind')}>
            <Select disabled={!copying} options={KIND_ORDER.map((k) => ({ value: k, label: pt(kindKey(k)) }))} />
          </Form.Item>
          <Form.Item name="validFrom" label={pt('admin.validFrom')} rules={[{ required: true }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
          <Form.Item name="validTo" label={pt('admin.validTo')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="name" label={pt('admin.name')} rules={[{ required: true, whitespace: true }, schemaRule(ZName)]}>
          <Input maxLength={maxLengthOf(ZName)} />
        </Form.Item>
        <div className="hd-project-form-row">
          <Form.Item name="law" label={pt('admin.law')} rules={[{ required: true, whitespace: true }, schemaRule(ZName)]}>
            <Input maxLength={maxLengthOf(ZName)} />
          </Form.Item>
          <Form.Item name="amountMinExclusive" label="> (đồng)">
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="amountMaxInclusive" label="≤ (đồng)">
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="note" label={pt('admin.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="steps">
          {(fields, { add, remove }) => (
            <div className="hd-template-steps">
              {fields.map((f, i) => (
                <div key={f.key} className="hd-template-step">
                  <Typography.Text strong>{i + 1}.</Typography.Text>
                  <Form.Item name={[f.name, 'code']} label="Mã" rules={[{ required: true }, schemaRule(ZStepCode)]}>
                    <Input disabled={locked} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} label={pt('admin.stepName')} rules={[{ required: true, whitespace: true }, schemaRule(ZName)]} style={{ flex: '1 1 260px' }}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'phase']} label="">
                    <Select disabled={locked} style={{ width: 160 }} options={PIPELINE_PHASES.map((p) => ({ value: p, label: pt(phaseKey(p)) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'actorRole']} label={pt('admin.stepActor')}>
                    <Select disabled={locked} style={{ width: 170 }} options={ACTOR_ROLES.map((r) => ({ value: r, label: pt(roleKey(r)) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'action']} label="">
                    <Select disabled={locked} style={{ width: 160 }} options={STEP_ACTIONS.map((a) => ({ value: a, label: pt(actionKey(a)) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'timeLimitWorkingDays']} label={pt('admin.stepLimit')} rules={[{ required: true }, schemaRule(ZTimeLimit)]}>
                    <InputNumber min={1} max={730} precision={0} style={{ width: 110 }} aria-label={`${pt('admin.stepLimit')} ${i + 1}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'returnTo']} label="↩">
                    <Select
                      disabled={locked}
                      allowClear
                      style={{ width: 150 }}
                      options={(form.getFieldValue('steps') as StepValues[] | undefined)?.slice(0, i).map((s) => ({ value: s.code, label: s.code })) ?? []}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'documents']} label={pt('admin.stepDocs')} style={{ flex: '1 1 100%' }}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'basis']} label={pt('detail.basis')} style={{ flex: '1 1 100%' }}>
                    <Input />
                  </Form.Item>
                  {!locked ? <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" /> : null}
                </div>
              ))}
              {!locked ? (
                <Space>
                  <Button icon={<PlusOutlined />} onClick={() => add({ code: '', name: '', phase: 'preparation', actorRole: 'owner', action: 'submit', timeLimitWorkingDays: 10, documents: '' })}>
                    {pt('admin.stepName')}
                  </Button>
                </Space>
              ) : null}
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
