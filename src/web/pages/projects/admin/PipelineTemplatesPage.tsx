import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CopyOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { usePipelineTemplates, useRoleUnits, useSaveRoleUnit } from '../../../api/projects';
import type { TPipelineStep, TPipelineTemplate, TRoleUnit } from '../../../../contracts/pipelines';
import type { ProjectKind } from '../../../../core/projects/pipeline';
import { useUnits } from '../../../api/units';
import { canDo } from '../../../auth/permissions';
import { useCurrentUser } from '../../../auth/session';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError, errorText } from '../../../components/QueryError';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatDate } from '../../../i18n/format';
import { DATE_FORMAT, fromIso, toIso, todayIso } from '../../../lib/dates';
import { actionKey, kindKey, phaseKey, ROLE_COLOURS, roleKey, useProjectText, KIND_ORDER } from '../messages';
import { TemplateModal, type TemplateTarget } from './TemplateModal';
import '../projects.css';

type Holder = TRoleUnit['role'];
const HOLDERS: readonly Holder[] = ['technical_appraiser', 'finance_appraiser', 'approver'];

interface RoleValues {
  role: Holder;
  unitId: string;
  kinds: ProjectKind[];
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  basis?: string;
}

function RoleUnitModal({ target, onClose }: { target: TRoleUnit | null; onClose: () => void }) {
  const pt = useProjectText();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleValues>();
  const [error, setError] = useState<string | null>(null);
  const units = useUnits(todayIso());
  const save = useSaveRoleUnit();
  const onFinish = (v: RoleValues) => {
    const common = { kinds: v.kinds, unitId: v.unitId, validFrom: toIso(v.validFrom), validTo: v.validTo ? toIso(v.validTo) : null, basis: v.basis ?? '' };
    save.mutate(
      target ? { id: target.id, body: { ...common, version: target.version } } : { body: { ...common, role: v.role } },
      {
        onSuccess: () => {
          void message.success(pt('saved'));
          onClose();
        },
        onError: (err) => setError(errorText(err, t)),
      },
    );
  };
  return (
    <Modal open title={target ? `${pt('admin.edit')}: ${pt(roleKey(target.role))}` : pt('admin.addRole')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending} mask={{ closable: false }}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form<RoleValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={target ? { role: target.role, unitId: target.unitId, kinds: target.kinds, validFrom: fromIso(target.validFrom), validTo: fromIso(target.validTo) ?? null, basis: target.basis } : { role: 'technical_appraiser', kinds: [], validFrom: fromIso(todayIso()) }}
      >
        <Form.Item name="role" label={pt('admin.role')}>
          <Select disabled={!!target} options={HOLDERS.map((r) => ({ value: r, label: pt(roleKey(r)) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={pt('admin.unit')} rules={[{ required: true }]}>
          <UnitTreeSelect units={units.data ?? []} loading={units.isPending} />
        </Form.Item>
        <Form.Item name="kinds" label={pt('admin.kinds')}>
          <Select mode="multiple" placeholder={pt('admin.allKinds')} options={KIND_ORDER.map((k) => ({ value: k, label: pt(kindKey(k)) }))} />
        </Form.Item>
        <div className="hd-project-form-row">
          <Form.Item name="validFrom" label={pt('admin.validFrom')} rules={[{ required: true }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
          <Form.Item name="validTo" label={pt('admin.validTo')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="basis" label={pt('admin.basis')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Pipelines as data: each legal act's steps, actors, documents and limits, valid from a date; and who holds each role when. */
export function PipelineTemplatesPage() {
  const pt = useProjectText();
  const user = useCurrentUser();
  const admin = canDo(user, 'pipeline.manage');
  const templates = usePipelineTemplates();
  const roles = useRoleUnits();
  const [target, setTarget] = useState<TemplateTarget | null>(null);
  const [roleTarget, setRoleTarget] = useState<TRoleUnit | null | undefined>(undefined);

  const validity = (from: string, to: string | null) => (to ? `${formatDate(from)} – ${formatDate(to)}` : pt('admin.open', { from: formatDate(from) }));

  const columns: TableColumnsType<TPipelineTemplate> = [
    { title: pt('admin.code'), dataIndex: 'code', width: 120, render: (c: string) => <code>{c}</code> },
    { title: pt('admin.name'), key: 'name', render: (_, r) => <div><div>{r.name}</div><div className="hd-project-sub">{r.law}{r.note ? ` — ${r.note}` : ''}</div></div> },
    { title: pt('admin.kind'), dataIndex: 'kind', width: 200, render: (k: ProjectKind) => pt(kindKey(k)) },
    { title: pt('admin.validity'), key: 'validity', width: 200, render: (_, r) => validity(r.validFrom, r.validTo) },
    { title: '', key: 'count', width: 150, render: (_, r) => <span>{pt('admin.steps', { n: r.steps.length })} · {pt('admin.used', { n: r.projects })}</span> },
  ];
  if (admin) {
    columns.push({
      title: '',
      key: 'actions',
      width: 100,
      render: (_, r) => (
        <Space size={4}>
          <Tooltip title={pt('admin.edit')}>
            <Button type="text" icon={<EditOutlined />} aria-label={`${pt('admin.edit')} ${r.code}`} onClick={() => setTarget({ mode: 'edit', template: r })} />
          </Tooltip>
          <Tooltip title={pt('admin.copy')}>
            <Button type="text" icon={<CopyOutlined />} aria-label={`${pt('admin.copy')} ${r.code}`} onClick={() => setTarget({ mode: 'copy', template: r })} />
          </Tooltip>
        </Space>
      ),
    });
  }

  const stepColumns: TableColumnsType<TPipelineStep> = [
    { title: '#', key: 'i', width: 40, render: (_, __, i) => i + 1 },
    { title: pt('admin.stepName'), dataIndex: 'name', render: (n: string, s) => <div><div>{n}</div><div className="hd-project-sub">{pt(phaseKey(s.phase))} · {pt(actionKey(s.action))}{s.returnTo ? ` · ↩ ${s.returnTo}` : ''}</div></div> },
    { title: pt('admin.stepActor'), dataIndex: 'actorRole', width: 170, render: (r: TPipelineStep['actorRole']) => <Tag color={ROLE_COLOURS[r]}>{pt(roleKey(r))}</Tag> },
    { title: pt('admin.stepLimit'), dataIndex: 'timeLimitWorkingDays', width: 110, align: 'right' },
    { title: pt('detail.docs'), dataIndex: 'requiredDocuments', render: (d: string[]) => d.join('; ') },
    { title: pt('detail.basis'), dataIndex: 'basis', width: 260, render: (b?: string) => <span className="hd-project-sub">{b}</span> },
  ];

  const roleColumns: TableColumnsType<TRoleUnit> = [
    { title: pt('admin.role'), dataIndex: 'role', width: 190, render: (r: Holder) => <Tag color={ROLE_COLOURS[r]}>{pt(roleKey(r))}</Tag> },
    { title: pt('admin.unit'), dataIndex: 'unitName' },
    { title: pt('admin.kinds'), dataIndex: 'kinds', width: 200, render: (k: ProjectKind[]) => (k.length ? k.map((x) => pt(kindKey(x))).join(', ') : pt('admin.allKinds')) },
    { title: pt('admin.validity'), key: 'v', width: 210, render: (_, r) => validity(r.validFrom, r.validTo) },
    { title: pt('admin.basis'), dataIndex: 'basis', render: (b: string) => <span className="hd-project-sub">{b}</span> },
  ];
  if (admin) {
    roleColumns.push({ title: '', key: 'a', width: 60, render: (_, r) => <Button type="text" icon={<EditOutlined />} aria-label={pt('admin.edit')} onClick={() => setRoleTarget(r)} /> });
  }

  return (
    <div>
      <PageHeader title={pt('admin.title')} subtitle={pt('admin.subtitle')} />
      {!admin ? <Alert type="info" showIcon title={pt('admin.readOnly')} style={{ marginBottom: 12 }} /> : null}
      <div className="hd-card">
        <Typography.Title level={5}>{pt('admin.templates')}</Typography.Title>
        {templates.isError ? (
          <QueryError error={templates.error} onRetry={() => void templates.refetch()} />
        ) : (
          <Table<TPipelineTemplate>
            data-testid="templates-table"
            rowKey="id"
            size="middle"
            loading={templates.isFetching}
            columns={columns}
            dataSource={templates.data ?? []}
            pagination={false}
            expandable={{ expandedRowRender: (r) => <Table<TPipelineStep> rowKey="code" size="small" columns={stepColumns} dataSource={r.steps} pagination={false} /> }}
          />
        )}
      </div>
      <div className="hd-card" style={{ marginTop: 16 }}>
        <div className="hd-project-toolbar">
          <Typography.Title level={5} style={{ margin: 0 }}>{pt('admin.roleUnits')}</Typography.Title>
          {admin ? <Button icon={<PlusOutlined />} onClick={() => setRoleTarget(null)}>{pt('admin.addRole')}</Button> : null}
        </div>
        {roles.isError ? (
          <QueryError error={roles.error} onRetry={() => void roles.refetch()} />
        ) : (
          <Table<TRoleUnit> data-testid="role-units-table" rowKey="id" size="middle" loading={roles.isFetching} columns={roleColumns} dataSource={roles.data ?? []} pagination={false} />
        )}
      </div>
      {target ? <TemplateModal target={target} onClose={() => setTarget(null)} /> : null}
      {roleTarget !== undefined ? <RoleUnitModal target={roleTarget} onClose={() => setRoleTarget(undefined)} /> : null}
    </div>
  );
}
