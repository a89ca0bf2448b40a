import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { LinkOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { PANEL_KEYS, type TPanelKey } from '../../../../contracts/dashboard';
import { UNIT_SCOPED_PANELS, type TEmbedLink, type TEmbedLinkCreated } from '../../../../contracts/embeds';
import { useCreateEmbedLink, useEmbedLinks, useEmbedSettings, useRevokeEmbedLink, useSaveEmbedSettings } from '../../../api/embeds';
import { useUnits } from '../../../api/units';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError, errorText } from '../../../components/QueryError';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatDateTime } from '../../../i18n/format';
import { DATE_FORMAT, toIso, todayIso } from '../../../lib/dates';
import { useEmbedText } from './messages';

interface Values {
  label: string;
  panelKey: TPanelKey;
  unitId?: string;
  expiresOn: Dayjs;
}

/** The administrator's embed links (create, shown once; revoke) and the origins allowed to frame them. */
export function EmbedsPage() {
  const { t } = useI18n();
  const et = useEmbedText();
  const { message } = App.useApp();
  const links = useEmbedLinks();
  const revoke = useRevokeEmbedLink();
  const [adding, setAdding] = useState(false);
  const [shown, setShown] = useState<TEmbedLinkCreated | null>(null);
  const now = Date.now();
  const shownUrl = shown ? `${location.origin}${shown.path}` : '';

  const columns: TableColumnsType<TEmbedLink> = [
    { title: et('col.label'), dataIndex: 'label' },
    { title: et('col.panel'), dataIndex: 'panelKey', render: (v: TPanelKey) => et(`panel.${v}`) },
    { title: et('col.unit'), key: 'unit', render: (_, r) => r.unit?.name ?? et('city') },
    { title: et('col.expires'), dataIndex: 'expiresAt', width: 150, render: (v: string) => formatDateTime(v) },
    { title: et('col.views'), dataIndex: 'viewCount', width: 90, align: 'right', render: (v: number) => v.toLocaleString('vi-VN') },
    { title: et('col.lastViewed'), dataIndex: 'lastViewedAt', width: 150, render: (v: string | null) => (v ? formatDateTime(v) : et('never')) },
    {
      title: et('col.status'),
      key: 'status',
      width: 120,
      render: (_, r) =>
        r.revokedAt ? <Tag>{et('status.revoked')}</Tag> : Date.parse(r.expiresAt) <= now ? <Tag color="orange">{et('status.expired')}</Tag> : <Tag color="green">{et('status.active')}</Tag>,
    },
    {
      key: 'actions',
      width: 110,
      render: (_, r) =>
        r.revokedAt ? null : (
          <Popconfirm
            title={et('revokeConfirm', { name: r.label })}
            okText={et('revoke')}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke.mutate(r.id, { onSuccess: () => void message.success(et('revoked', { name: r.label })), onError: (err) => void message.error(errorText(err, t)) })}
          >
            <Button danger size="small" data-testid={`embed-revoke-${r.id}`}>
              {et('revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={et('title')}
        subtitle={et('subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="embed-add">
            {et('add')}
          </Button>
        }
      />
      <Origins />
      {links.error ? <QueryError error={links.error} /> : null}
      <Table<TEmbedLink> rowKey="id" size="middle" loading={links.isLoading} dataSource={links.data ?? []} columns={columns} pagination={false} scroll={{ x: 900 }} />
      {adding ? (
        <CreateModal
          onClose={() => setAdding(false)}
          onCreated={(created) => {
            setAdding(false);
            setShown(created);
          }}
        />
      ) : null}
      {shown ? (
        <Modal open title={et('shown.title', { name: shown.label })} okText={et('shown.done')} onOk={() => setShown(null)} onCancel={() => setShown(null)} cancelButtonProps={{ style: { display: 'none' } }} mask={{ closable: false }}>
          <Alert type="warning" showIcon title={et('shown.once')} style={{ marginBottom: 16 }} />
          <Typography.Paragraph copyable={{ text: shownUrl }} code data-testid="embed-url" style={{ wordBreak: 'break-all' }}>
            {shownUrl}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{et('shown.usage')}</Typography.Text>
          <Typography.Paragraph code style={{ wordBreak: 'break-all' }}>{`<iframe src="${shownUrl}" style="width:100%;height:100%;border:0"></iframe>`}</Typography.Paragraph>
        </Modal>
      ) : null}
    </>
  );
}

function Origins() {
  const { t } = useI18n();
  const et = useEmbedText();
  const { message } = App.useApp();
  const settings = useEmbedSettings();
  const save = useSaveEmbedSettings();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (settings.data) setText(settings.data.origins.join('\n'));
  }, [settings.data]);
  const env = settings.data?.envOrigins ?? [];
  const onSave = () => {
    setError(null);
    const origins = text.split(/[\s,]+/).map((o) => o.trim()).filter(Boolean);
    save.mutate({ origins }, { onSuccess: () => void message.success(et('origins.saved')), onError: (err) => setError(errorText(err, t)) });
  };
  return (
    <Card size="small" title={<><LinkOutlined /> {et('origins.title')}</>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{et('origins.help')}</Typography.Paragraph>
      {env.length ? <Typography.Paragraph>{et('origins.env', { list: env.join(', ') })}</Typography.Paragraph> : null}
      {!env.length && !settings.data?.origins.length && settings.data ? <Alert type="info" showIcon title={et('origins.none')} style={{ marginBottom: 8 }} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} /> : null}
      <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder="https://ioc.tinh.gov.vn" data-testid="embed-origins" />
      <Button style={{ marginTop: 8 }} onClick={onSave} loading={save.isPending} data-testid="embed-origins-save">
        {et('origins.save')}
      </Button>
    </Card>
  );
}

function CreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (l: TEmbedLinkCreated) => void }) {
  const { t } = useI18n();
  const et = useEmbedText();
  const [form] = Form.useForm<Values>();
  const create = useCreateEmbedLink();
  const units = useUnits(todayIso());
  const [error, setError] = useState<string | null>(null);
  const today = dayjs(todayIso());
  const panelKey = Form.useWatch('panelKey', form);
  const scoped = (UNIT_SCOPED_PANELS as readonly string[]).includes(panelKey ?? '');

  const onFinish = (v: Values) => {
    setError(null);
    create.mutate(
      { label: v.label.trim(), panelKey: v.panelKey, ...(v.unitId && scoped ? { unitId: v.unitId } : {}), expiresOn: toIso(v.expiresOn) },
      { onSuccess: onCreated, onError: (err) => setError(errorText(err, t)) },
    );
  };

  return (
    <Modal open title={et('add')} okText={et('add')} okButtonProps={{ icon: <LinkOutlined />, 'data-testid': 'embed-create' } as Record<`data-${string}`, string>} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending} width={600} mask={{ closable: false }}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" requiredMark="optional" onFinish={onFinish} initialValues={{ panelKey: 'pillars', expiresOn: today.add(6, 'month') }}>
        <Form.Item name="label" label={et('field.label')} rules={[{ required: true, whitespace: true, message: et('required', { field: et('field.label').toLowerCase() }) }]}>
          <Input maxLength={100} data-testid="embed-label" />
        </Form.Item>
        <Form.Item name="panelKey" label={et('field.panel')} rules={[{ required: true }]}>
          <Select options={PANEL_KEYS.map((k) => ({ value: k, label: et(`panel.${k}`) }))} data-testid="embed-panel-key" />
        </Form.Item>
        {scoped ? (
          <Form.Item name="unitId" label={et('field.unit')}>
            <UnitTreeSelect units={units.data ?? []} loading={units.isLoading} allowClear />
          </Form.Item>
        ) : null}
        <Form.Item name="expiresOn" label={et('field.expiresOn')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} disabledDate={(d) => !d.isAfter(today, 'day') || d.isAfter(today.add(366, 'day'), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
