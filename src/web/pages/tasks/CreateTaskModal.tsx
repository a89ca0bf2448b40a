import { useState } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { ZNote, ZTaskTitle, type TTaskCreate } from '../../../contracts/tasks';
import { PILLARS, type Pillar } from '../../../core/tasks/pillars';
import { RECURRENCES, type Recurrence } from '../../../core/tasks/recurrence';
import { useDocuments } from '../../api/documents';
import { useCreateTask } from '../../api/tasks';
import { errorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { DATE_FORMAT, fromIso, todayIso, toIso } from '../../lib/dates';
import { maxLengthOf, schemaRule } from '../../lib/schema-rule';
import { useDebounced } from '../../lib/useDebounced';
import { useCreateBulkText } from './create-bulk-text';
import { pillarKey, recurrenceKey, useTaskText } from './messages';
import { filterUnitOption, useUnitOptions } from './useUnitOptions';

interface Values {
  title: string;
  description?: string;
  leadUnitId: string;
  coordinatorUnitIds?: string[];
  documentId?: string;
  assignedOn: Dayjs;
  deadline?: Dayjs | null;
  deadlineText?: string;
  pillar?: Pillar;
  recurrence?: Recurrence;
}

/** One task assigned by hand: what, who leads, who coordinates, by when, from which document. */
export function CreateTaskModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const ct = useCreateBulkText();
  const tt = useTaskText();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useUnitOptions();
  const [docQuery, setDocQuery] = useState('');
  const docs = useDocuments(useDebounced(docQuery, 300), { limit: 20, offset: 0 });
  const create = useCreateTask();

  const submit = (v: Values) => {
    const body: TTaskCreate = {
      title: v.title,
      description: v.description?.trim() || null,
      leadUnitId: v.leadUnitId,
      coordinatorUnitIds: v.coordinatorUnitIds ?? [],
      documentId: v.documentId ?? null,
      assignedOn: toIso(v.assignedOn),
      deadline: v.deadline ? toIso(v.deadline) : null,
      deadlineText: v.deadlineText?.trim() || null,
      pillar: v.pillar ?? null,
      recurrence: v.recurrence ?? null,
    };
    create.mutate(body, {
      onSuccess: (task) => {
        void message.success(ct('create.done', { title: task.title }));
        onCreated(task.id);
      },
      onError: (err) => void message.error(errorText(err, t)),
    });
  };

  return (
    <Modal
      open
      title={ct('create.title')}
      okText={ct('create.submit')}
      cancelText={ct('create.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ assignedOn: fromIso(todayIso()) }} data-testid="create-task-form">
        <Form.Item name="title" label={ct('field.title')} rules={[{ required: true, whitespace: true, message: ct('field.title.required') }, schemaRule(ZTaskTitle)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={maxLengthOf(ZTaskTitle)} aria-label={ct('field.title')} />
        </Form.Item>
        <Form.Item name="leadUnitId" label={ct('field.lead')} rules={[{ required: true, message: ct('field.lead.required') }]}>
          <Select showSearch={{ filterOption: filterUnitOption }} options={units.options} loading={units.loading} aria-label={ct('field.lead')} data-testid="create-lead" />
        </Form.Item>
        <Form.Item name="coordinatorUnitIds" label={ct('field.coordinators')}>
          <Select mode="multiple" showSearch={{ filterOption: filterUnitOption }} options={units.options} loading={units.loading} aria-label={ct('field.coordinators')} maxTagCount="responsive" />
        </Form.Item>
        <div className="hd-form-row">
          <Form.Item name="assignedOn" label={ct('field.assignedOn')} rules={[{ required: true }]}>
            <DatePicker format={DATE_FORMAT} allowClear={false} />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={ct('field.deadline')}
            dependencies={['assignedOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_r: unknown, d: Dayjs | null | undefined) => {
                  const a = getFieldValue('assignedOn') as Dayjs | undefined;
                  if (d && a && toIso(d) < toIso(a)) throw new Error(ct('field.deadline.beforeAssigned'));
                },
              }),
            ]}
          >
            <DatePicker format={DATE_FORMAT} aria-label={ct('field.deadline')} data-testid="create-deadline" />
          </Form.Item>
        </div>
        <Form.Item name="documentId" label={ct('field.document')}>
          <Select
            showSearch={{ filterOption: false, onSearch: setDocQuery }}
            allowClear
            placeholder={ct('field.document.placeholder')}
            loading={docs.isFetching}
            options={(docs.data?.items ?? []).map((d) => ({ value: d.id, label: [d.type, d.number, d.summary].filter(Boolean).join(' · ') }))}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <div className="hd-form-row">
          <Form.Item name="pillar" label={ct('field.pillar')}>
            <Select allowClear options={PILLARS.map((p) => ({ value: p, label: tt(pillarKey(p)) }))} style={{ minWidth: 180 }} />
          </Form.Item>
          <Form.Item name="recurrence" label={ct('field.recurrence')}>
            <Select allowClear placeholder={ct('field.none')} options={RECURRENCES.map((r) => ({ value: r, label: tt(recurrenceKey(r)) }))} style={{ minWidth: 180 }} />
          </Form.Item>
        </div>
        <Form.Item name="deadlineText" label={ct('field.deadlineText')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="description" label={ct('field.description')} rules={[schemaRule(ZNote)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={maxLengthOf(ZNote)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
