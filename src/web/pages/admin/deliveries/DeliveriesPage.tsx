import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Spin, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { EyeOutlined, MailOutlined, PlusOutlined } from '@ant-design/icons';
import { DELIVERY_CADENCES, DELIVERY_KINDS, type TDelivery, type TDeliveryCadence, type TDeliveryKind } from '../../../../contracts/deliveries';
import { useCreateDelivery, useDeliveries, useDeliveryPreview, useSetDeliveryActive } from '../../../api/deliveries';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError, errorText } from '../../../components/QueryError';
import { useI18n } from '../../../i18n/I18nProvider';
import { formatDateTime } from '../../../i18n/format';
import { useDeliveryText } from './messages';

type WeekdayKey = 'wd.1' | 'wd.2' | 'wd.3' | 'wd.4' | 'wd.5' | 'wd.6' | 'wd.7';

/** The administrator's scheduled e-mails: create, switch on or off, preview what the next send holds. */
export function DeliveriesPage() {
  const { t } = useI18n();
  const dt = useDeliveryText();
  const { message } = App.useApp();
  const list = useDeliveries();
  const toggle = useSetDeliveryActive();
  const [adding, setAdding] = useState(false);
  const [previewing, setPreviewing] = useState<TDelivery | null>(null);

  const schedule = (d: TDelivery) =>
    d.cadence === 'daily' ? dt('cadence.daily') : d.cadence === 'weekly' ? dt('cadence.weekly', { day: dt(`wd.${d.day}` as WeekdayKey) }) : dt('cadence.monthly', { day: d.day });

  const columns: TableColumnsType<TDelivery> = [
    { title: dt('col.name'), dataIndex: 'name' },
    { title: dt('col.kind'), dataIndex: 'kind', render: (v: TDeliveryKind) => dt(`kind.${v}`) },
    { title: dt('col.schedule'), key: 'schedule', width: 190, render: (_, d) => schedule(d) },
    { title: dt('col.last'), key: 'last', width: 190, render: (_, d) => (d.lastSentAt ? `${d.lastPeriod} · ${formatDateTime(d.lastSentAt)}` : dt('never')) },
    {
      title: dt('col.active'),
      dataIndex: 'active',
      width: 90,
      render: (v: boolean, d) => <Switch checked={v} size="small" onChange={(active) => toggle.mutate({ id: d.id, active }, { onError: (err) => void message.error(errorText(err, t)) })} />,
    },
    {
      key: 'actions',
      width: 120,
      render: (_, d) => (
        <Button size="small" icon={<EyeOutlined />} onClick={() => setPreviewing(d)} data-testid={`delivery-preview-${d.id}`}>
          {dt('preview')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={dt('title')}
        subtitle={dt('subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {dt('add')}
          </Button>
        }
      />
      {list.error ? <QueryError error={list.error} /> : null}
      <Table<TDelivery> rowKey="id" size="middle" loading={list.isLoading} dataSource={list.data ?? []} columns={columns} pagination={false} scroll={{ x: 900 }} />
      {adding ? <CreateModal onClose={() => setAdding(false)} /> : null}
      {previewing ? <PreviewModal delivery={previewing} onClose={() => setPreviewing(null)} /> : null}
    </>
  );
}

function PreviewModal({ delivery, onClose }: { delivery: TDelivery; onClose: () => void }) {
  const dt = useDeliveryText();
  const preview = useDeliveryPreview(delivery.id);
  const p = preview.data;
  return (
    <Modal open title={dt('preview.title', { name: delivery.name })} onCancel={onClose} footer={null} width={760}>
      {preview.error ? <QueryError error={preview.error} /> : !p ? <Spin /> : (
        <div data-testid="delivery-preview">
          <Typography.Paragraph type="secondary">{dt('preview.period', { period: p.period })}</Typography.Paragraph>
          {p.emails.length === 0 ? <Alert type="info" showIcon title={dt('preview.none')} /> : null}
          {p.emails.map((m, i) => (
            <section key={i} style={{ borderTop: '1px solid #eee', paddingTop: 8, marginTop: 8 }}>
              <Typography.Text strong>{m.subject}</Typography.Text>
              <div>{dt('preview.to')}: {m.audience} — {m.to.join(', ')}</div>
              <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', background: '#fafafa', padding: 8, maxHeight: 280, overflow: 'auto' }}>{m.body}</pre>
              {m.attachments.length ? (
                <div>{dt('preview.files')}: {m.attachments.map((a) => `${a.filename} (${dt('kb', { n: Math.max(1, Math.round(a.bytes / 1024)).toLocaleString('vi-VN') })})`).join(', ')}</div>
              ) : null}
            </section>
          ))}
          {p.skipped.length ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={dt('preview.skipped')} description={<ul style={{ margin: 0 }}>{p.skipped.map((s) => <li key={s}>{s}</li>)}</ul>} /> : null}
        </div>
      )}
    </Modal>
  );
}

interface Values {
  name: string;
  kind: TDeliveryKind;
  cadence: TDeliveryCadence;
  day: number;
  horizonDays: number;
}

function CreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const dt = useDeliveryText();
  const [form] = Form.useForm<Values>();
  const create = useCreateDelivery();
  const [error, setError] = useState<string | null>(null);
  const cadence = Form.useWatch('cadence', form);
  const kind = Form.useWatch('kind', form);
  const onFinish = (v: Values) => {
    setError(null);
    create.mutate({ name: v.name.trim(), kind: v.kind, cadence: v.cadence, day: v.cadence === 'daily' ? 1 : v.day, horizonDays: v.horizonDays }, { onSuccess: onClose, onError: (err) => setError(errorText(err, t)) });
  };
  return (
    <Modal open title={dt('add')} okText={dt('add')} okButtonProps={{ icon: <MailOutlined /> }} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={create.isPending} width={600} mask={{ closable: false }}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" requiredMark="optional" onFinish={onFinish} initialValues={{ kind: 'unit_digest', cadence: 'weekly', day: 1, horizonDays: 7 }}>
        <Form.Item name="name" label={dt('field.name')} rules={[{ required: true, whitespace: true, message: dt('required', { field: dt('field.name').toLowerCase() }) }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={dt('field.kind')} rules={[{ required: true }]}>
          <Select options={DELIVERY_KINDS.map((k) => ({ value: k, label: dt(`kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="cadence" label={dt('field.cadence')} rules={[{ required: true }]}>
          <Select options={DELIVERY_CADENCES.map((c) => ({ value: c, label: dt(`cadence.${c}`, { day: '…' }) }))} />
        </Form.Item>
        {cadence === 'weekly' ? (
          <Form.Item name="day" label={dt('field.weekday')} rules={[{ required: true }]}>
            <Select options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: dt(`wd.${d}` as WeekdayKey) }))} />
          </Form.Item>
        ) : cadence === 'monthly' ? (
          <Form.Item name="day" label={dt('field.monthday')} rules={[{ required: true }]}>
            <InputNumber min={1} max={28} />
          </Form.Item>
        ) : null}
        {kind === 'unit_digest' ? (
          <Form.Item name="horizonDays" label={dt('field.horizon')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
