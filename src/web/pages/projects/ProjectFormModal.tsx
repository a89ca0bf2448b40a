import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useCreateProject, useTaskOptions } from '../../api/projects';
import { ZName } from '../../../contracts/common';
import { ZLongText } from '../../../contracts/projects';
import type { ProjectKind } from '../../../core/projects/pipeline';
import type { FundingSource } from '../../../core/projects/risk';
import { useUnits } from '../../api/units';
import { useCurrentUser } from '../../auth/session';
import { errorText } from '../../components/QueryError';
import { applyServerFieldError } from '../../components/formErrors';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useI18n } from '../../i18n/I18nProvider';
import { DATE_FORMAT, toIso, todayIso } from '../../lib/dates';
import { useDebounced } from '../../lib/useDebounced';
import { kindKey, sourceKey, useProjectText, KIND_ORDER, SOURCE_ORDER } from './messages';
import { maxLengthOf, schemaRule } from '../../lib/schema-rule';

interface Values {
  unitId: string;
  name: string;
  kind: ProjectKind;
  fundingSource: FundingSource;
  fiscalYear: number;
  estimate: number;
  startedOn: Dayjs;
  taskIds: string[];
  description?: string;
}

const FIELDS = ['unitId', 'name', 'kind', 'fundingSource', 'fiscalYear', 'estimate', 'startedOn', 'taskIds', 'description'];

/** Registers a project for a unit; the server picks the pipeline in force on the start date. */
export function ProjectFormModal({ onClose }: { onClose: (createdId?: string) => void }) {
  const pt = useProjectText();
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [taskQuery, setTaskQuery] = useState('');
  const tasks = useTaskOptions(useDebounced(taskQuery));
  const cityWide = user.role === 'coordinator';
  const units = useUnits(todayIso());
  const create = useCreateProject();
  const required = (field: string) => ({ required: true, message: pt('form.required', { field: field.toLowerCase() }) });

  const onFinish = (v: Values) => {
    setError(null);
    create.mutate(
      {
        unitId: cityWide ? v.unitId : user.unitId,
        name: v.name,
        kind: v.kind,
        fundingSource: v.fundingSource,
        fiscalYear: v.fiscalYear,
        estimate: v.estimate,
        startedOn: toIso(v.startedOn),
        taskIds: v.taskIds ?? [],
        description: v.description || null,
      },
      {
        onSuccess: (p) => {
          void message.success(pt('saved'));
          onClose(p.id);
        },
        onError: (err) => {
          if (!applyServerFieldError(form, err, FIELDS)) setError(errorText(err, t));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={pt('register')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      confirmLoading={create.isPending}
      width={720}
      mask={{ closable: false }}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="project-form"
        requiredMark="optional"
        onFinish={onFinish}
        initialValues={{ kind: 'recurrent_activity', fundingSource: 'recurrent', fiscalYear: dayjs().year(), startedOn: dayjs(todayIso()), taskIds: [] }}
      >
        {cityWide ? (
          <Form.Item name="unitId" label={pt('form.unit')} rules={[required(pt('form.unit'))]}>
            <UnitTreeSelect units={units.data ?? []} loading={units.isPending} />
          </Form.Item>
        ) : (
          <Form.Item label={pt('form.unit')}>
            <Input value={user.unitName} disabled />
          </Form.Item>
        )}
        <Form.Item name="name" label={pt('form.name')} rules={[{ ...required(pt('form.name')), whitespace: true }, schemaRule(ZName)]}>
          <Input maxLength={maxLengthOf(ZName)} />
        </Form.Item>
        <div className="hd-project-form-row">
          <Form.Item name="kind" label={pt('form.kind')} rules={[required(pt('form.kind'))]}>
            <Select options={KIND_ORDER.map((k) => ({ value: k, label: pt(kindKey(k)) }))} />
          </Form.Item>
          <Form.Item name="fundingSource" label={pt('form.source')} rules={[required(pt('form.source'))]}>
            <Select options={SOURCE_ORDER.map((s) => ({ value: s, label: pt(sourceKey(s)) }))} />
          </Form.Item>
          <Form.Item name="fiscalYear" label={pt('form.year')} rules={[required(pt('form.year'))]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <div className="hd-project-form-row">
          <Form.Item name="estimate" label={pt('form.estimate')} rules={[required(pt('form.estimate'))]}>
            <InputNumber<number> min={1} precision={0} step={1_000_000} style={{ width: '100%' }} formatter={(v) => (v === undefined ? '' : new Intl.NumberFormat('vi-VN').format(Number(v)))} parser={(s) => Number((s ?? '').replace(/\D/g, ''))} />
          </Form.Item>
          <Form.Item name="startedOn" label={pt('form.startedOn')} rules={[required(pt('form.startedOn'))]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </div>
        <Form.Item name="taskIds" label={pt('form.tasks')}>
          <Select
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: setTaskQuery }}
            loading={tasks.isFetching}
            options={(tasks.data ?? []).map((x) => ({ value: x.id, label: `${x.title} — ${x.leadUnitName}` }))}
          />
        </Form.Item>
        <Form.Item name="description" label={pt('form.description')}>
          <Input.TextArea rows={3} maxLength={maxLengthOf(ZLongText)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
