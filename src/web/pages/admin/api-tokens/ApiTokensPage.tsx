import { useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { API_TOKEN_MODULES, API_TOKEN_ROLES, type TApiToken, type TApiTokenCreated } from '../../../../contracts/api-tokens';
import type { ApiTokenScope } from '../../../../core/auth/api-scopes';
import type { Role } from '../../../../core/auth/roles';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../../../api/api-tokens';
import { useUnits } from '../../../api/units';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError, errorText } from '../../../components/QueryError';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatDateTime } from '../../../i18n/format';
import { roleKey } from '../../../i18n/labels';
import { DATE_FORMAT, toIso, todayIso } from '../../../lib/dates';
import { useTokenText } from './messages';

interface Values {
  name: string;
  role: (typeof API_TOKEN_ROLES)[number];
  unitId?: string;
  scopes: ApiTokenScope[];
  expiresOn: Dayjs;
}

/** The administrator's list of API tokens: issue one (shown once), revoke one. */
export function ApiTokensPage() {
  const { t } = useI18n();
  const tt = useTokenText();
  const { message } = App.useApp();
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<TApiTokenCreated | null>(null);
  const now = Date.now();

  const columns: TableColumnsType<TApiToken> = [
    { title: tt('col.name'), dataIndex: 'name' },
    { title: tt('col.prefix'), dataIndex: 'prefix', width: 130, render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
    { title: tt('col.role'), dataIndex: 'role', width: 150, render: (v: Role) => t(roleKey(v)) },
    { title: tt('col.unit'), dataIndex: ['unit', 'name'] },
    { title: tt('col.scopes'), dataIndex: 'scopes', render: (v: string[]) => v.map((s) => <Tag key={s}>{s}</Tag>) },
    { title: tt('col.expires'), dataIndex: 'expiresAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: tt('col.lastUsed'), dataIndex: 'lastUsedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : tt('never')) },
    {
      title: tt('col.status'),
      key: 'status',
      width: 120,
      render: (_, r) =>
        r.revokedAt ? <Tag>{tt('status.revoked')}</Tag> : Date.parse(r.expiresAt) <= now ? <Tag color="orange">{tt('status.expired')}</Tag> : <Tag color="green">{tt('status.active')}</Tag>,
    },
    {
      key: 'actions',
      width: 110,
      render: (_, r) =>
        r.revokedAt ? null : (
          <Popconfirm
            title={tt('revokeConfirm', { name: r.name })}
            okText={tt('revoke')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              revoke.mutate(r.id, {
                onSuccess: () => void message.success(tt('revoked', { name: r.name })),
                onError: (err) => void message.error(errorText(err, t)),
              })
            }
          >
            <Button danger size="small">
              {tt('revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={tt('title')}
        subtitle={tt('subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {tt('add')}
          </Button>
        }
      />
      {tokens.error ? <QueryError error={tokens.error} /> : null}
      <Table<TApiToken> rowKey="id" size="middle" loading={tokens.isLoading} dataSource={tokens.data ?? []} columns={columns} pagination={false} />
      {adding ? (
        <IssueModal
          onClose={() => setAdding(false)}
          onIssued={(created) => {
            setAdding(false);
            setShown(created);
          }}
        />
      ) : null}
      {shown ? (
        <Modal open title={tt('shown.title', { name: shown.name })} okText={tt('shown.done')} onOk={() => setShown(null)} onCancel={() => setShown(null)} cancelButtonProps={{ style: { display: 'none' } }} mask={{ closable: false }}>
          <Alert type="warning" showIcon title={tt('shown.once')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph copyable={{ text: shown.token }} code data-testid="api-token-secret" style={{ wordBreak: 'break-all' }}>
            {shown.token}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{tt('shown.usage')}</Typography.Text>
        </Modal>
      ) : null}
    </>
  );
}

function IssueModal({ onClose, onIssued }: { onClose: () => void; onIssued: (t: TApiTokenCreated) => void }) {
  const { t } = useI18n();
  const tt = useTokenText();
  const [form] = Form.useForm<Values>();
  const create = useCreateApiToken();
  const units = useUnits(todayIso());
  const [error, setError] = useState<string | null>(null);
  const today = dayjs(todayIso());

  const onFinish = (v: Values) => {
    setError(null);
    create.mutate(
      { name: v.name.trim(), role: v.role, ...(v.unitId ? { unitId: v.unitId } : {}), scopes: v.scopes, expiresOn: toIso(v.expiresOn) },
      { onSuccess: onIssued, onError: (err) => setError(errorText(err, t)) },
    );
  };

  return (
    <Modal open title={tt('add')} okText={tt('add')} okButtonProps={{ icon: <KeyOutlined /> }} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending} width={640} mask={{ closable: false }}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" requiredMark="optional" onFinish={onFinish} initialValues={{ role: 'leadership', scopes: ['dashboard:read'], expiresOn: today.add(6, 'month') }}>
        <Form.Item name="name" label={tt('field.name')} rules={[{ required: true, whitespace: true, message: tt('required', { field: tt('field.name').toLowerCase() }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="role" label={tt('field.role')} rules={[{ required: true }]}>
          <Select options={API_TOKEN_ROLES.map((r) => ({ value: r, label: t(roleKey(r)) }))} />
        </Form.Item>
        <Form.Item name="unitId" label={tt('field.unit')}>
          <UnitTreeSelect units={units.data ?? []} loading={units.isLoading} allowClear />
        </Form.Item>
        <Form.Item name="scopes" label={tt('field.scopes')} rules={[{ required: true, type: 'array', min: 1, message: tt('scopesRequired') }]}>
          <Checkbox.Group style={{ display: 'grid', gridTemplateColumns: '1fr auto auto', gap: '4px 16px', alignItems: 'center' }}>
            {API_TOKEN_MODULES.flatMap((m) => [
              <span key={m}>{tt(`module.${m}`)}</span>,
              <Checkbox key={`${m}:read`} value={`${m}:read`}>
                {tt('read')}
              </Checkbox>,
              <Checkbox key={`${m}:write`} value={`${m}:write`}>
                {tt('write')}
              </Checkbox>,
            ])}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="expiresOn" label={tt('field.expiresOn')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => !d.isAfter(today, 'day') || d.isAfter(today.add(366, 'day'), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
