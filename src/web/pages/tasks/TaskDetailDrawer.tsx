import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Progress,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { CheckOutlined, CloseOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import {
  useAddProgress,
  useCompleteTask,
  useDecideExtension,
  useReopenTask,
  useRequestExtension,
  useTask,
  useTaskHistory,
  useUpdateTask,
} from '../../api/tasks';
import { ZNote, ZPercent, type THistoryEntry, type TTaskDetail } from '../../../contracts/tasks';
import { PILLARS, type Pillar } from '../../../core/tasks/pillars';
import { RECURRENCES, type Recurrence } from '../../../core/tasks/recurrence';
import { isVersionConflict } from '../../components/formErrors';
import { QueryError, errorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../../i18n/format';
import { DATE_FORMAT, fromIso, toIso, todayIso } from '../../lib/dates';
import { maxLengthOf, schemaRule } from '../../lib/schema-rule';
import { useFormDraft } from '../../lib/drafts';
import { QueuedOffline } from '../../api/outbox';
import { useCurrentUser } from '../../auth/session';
import { StatusTag } from './StatusTag';
import { pillarKey, recurrenceKey, useTaskText } from './messages';
import { filterUnitOption, useUnitOptions } from './useUnitOptions';

function useFailure() {
  const { message } = App.useApp();
  const { t } = useI18n();
  const tt = useTaskText();
  return (err: unknown) => void message.error(isVersionConflict(err) ? tt('conflict') : errorText(err, t));
}

const PROGRESS_DRAFT = ['note'] as const;

function ProgressForm({ d }: { d: TTaskDetail }) {
  const tt = useTaskText();
  const { message } = App.useApp();
  const fail = useFailure();
  const add = useAddProgress();
  const [form] = Form.useForm<{ percent: number; note: string }>();
  const [file, setFile] = useState<File | null>(null);
  const coordinatorOnly = !d.can.update;
  const user = useCurrentUser();
  const { t } = useI18n();
  // The note being typed survives a session expiry and re-login (issue 14).
  const draft = useFormDraft(form, `${user.id}.progress.${d.task.id}`, PROGRESS_DRAFT);
  useEffect(() => form.setFieldsValue({ percent: d.task.progressPercent }), [d.task.progressPercent, form]);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ percent: d.task.progressPercent, note: '' }}
      onValuesChange={draft.onValuesChange}
      onFinish={(v) =>
        add.mutate(
          { id: d.task.id, version: d.task.version, percent: v.percent, note: v.note, file, occurrenceDueOn: d.task.nextOccurrence ?? undefined },
          {
            onSuccess: () => {
              void message.success(tt('progress.saved'));
              draft.clear();
              form.setFieldsValue({ note: '' });
              setFile(null);
            },
            onError: (err) => {
              if (!(err instanceof QueuedOffline)) return fail(err);
              void message.info(t('offline.savedToQueue'));
              draft.clear();
              form.setFieldsValue({ note: '' });
            },
          },
        )
      }
      data-testid="progress-form"
    >
      {coordinatorOnly ? <Alert type="info" showIcon title={tt('progress.coordinatorHint')} style={{ marginBottom: 12 }} /> : null}
      <Space align="start" wrap>
        <Form.Item name="percent" label={tt('progress.percent')} rules={[{ required: true }, schemaRule(ZPercent)]}>
          <InputNumber min={0} max={100} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label={tt('progress.file')}>
          <Upload
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>{tt('import.choose')}</Button>
          </Upload>
        </Form.Item>
      </Space>
      <Form.Item name="note" label={tt('progress.note')} rules={[{ required: true, whitespace: true, message: tt('progress.note') }]}>
        <Input.TextArea rows={3} maxLength={maxLengthOf(ZNote)} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending}>
        {tt('progress.submit')}
      </Button>
    </Form>
  );
}

function ExtensionRequest({ d }: { d: TTaskDetail }) {
  const tt = useTaskText();
  const { message } = App.useApp();
  const fail = useFailure();
  const ask = useRequestExtension();
  const [form] = Form.useForm<{ deadline: Dayjs; reason: string }>();
  return (
    <Form
      form={form}
      layout="inline"
      onFinish={(v) =>
        ask.mutate(
          { id: d.task.id, version: d.task.version, requestedDeadline: toIso(v.deadline), reason: v.reason },
          { onSuccess: () => void message.success(tt('extension.sent')), onError: fail },
        )
      }
    >
      <Form.Item name="deadline" rules={[{ required: true, message: tt('extension.newDeadline') }]}>
        <DatePicker format={DATE_FORMAT} placeholder={tt('extension.newDeadline')} disabledDate={(day) => !!d.task.deadline && toIso(day) <= d.task.deadline} />
      </Form.Item>
      <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: tt('extension.reason') }]} style={{ flex: 1, minWidth: 220 }}>
        <Input placeholder={tt('extension.reason')} maxLength={maxLengthOf(ZNote)} />
      </Form.Item>
      <Button htmlType="submit" loading={ask.isPending}>
        {tt('extension.request')}
      </Button>
    </Form>
  );
}

function ExtensionDecision({ d }: { d: TTaskDetail }) {
  const tt = useTaskText();
  const { message } = App.useApp();
  const fail = useFailure();
  const decide = useDecideExtension();
  const [note, setNote] = useState('');
  const pending = d.extensions.find((x) => x.status === 'pending');
  if (!pending) return null;
  const send = (approve: boolean) =>
    decide.mutate(
      { id: d.task.id, extensionId: pending.id, version: d.task.version, approve, note: note || undefined },
      { onSuccess: () => void message.success(tt(approve ? 'extension.status.approved' : 'extension.status.refused')), onError: fail },
    );
  return (
    <Alert
      type="warning"
      showIcon
      title={tt('extension.pending', { date: formatDate(pending.requestedDeadline) })}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text>{pending.reason}</Typography.Text>
          <Input placeholder={tt('extension.decisionNote')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={maxLengthOf(ZNote)} />
          <Space>
            <Button type="primary" icon={<CheckOutlined />} loading={decide.isPending} onClick={() => send(true)}>
              {tt('extension.approve')}
            </Button>
            <Button danger icon={<CloseOutlined />} loading={decide.isPending} onClick={() => send(false)}>
              {tt('extension.refuse')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}

function ManageForm({ d }: { d: TTaskDetail }) {
  const tt = useTaskText();
  const { message } = App.useApp();
  const fail = useFailure();
  const update = useUpdateTask();
  const units = useUnitOptions();
  const [form] = Form.useForm<{ leadUnitId: string; coordinatorUnitIds: string[]; deadline?: Dayjs | null; pillar?: Pillar | null; recurrence?: Recurrence | null }>();
  const t = d.task;
  useEffect(() => {
    form.setFieldsValue({ leadUnitId: t.leadUnit.id, coordinatorUnitIds: t.coordinators.map((c) => c.id), deadline: fromIso(t.deadline) ?? null, pillar: t.pillar, recurrence: t.recurrence });
  }, [t, form]);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => {
        const deadline = v.deadline ? toIso(v.deadline) : null;
        const coordinators = [...v.coordinatorUnitIds].sort();
        update.mutate(
          {
            id: t.id,
            patch: {
              version: t.version,
              ...(v.leadUnitId !== t.leadUnit.id ? { leadUnitId: v.leadUnitId } : {}),
              ...(coordinators.join() !== t.coordinators.map((c) => c.id).sort().join() ? { coordinatorUnitIds: coordinators } : {}),
              ...(deadline !== t.deadline ? { deadline } : {}),
              ...((v.pillar ?? null) !== t.pillar ? { pillar: v.pillar ?? null } : {}),
              ...((v.recurrence ?? null) !== t.recurrence ? { recurrence: v.recurrence ?? null } : {}),
            },
          },
          { onSuccess: () => void message.success(tt('edit.saved')), onError: fail },
        );
      }}
    >
      <Form.Item name="leadUnitId" label={tt('detail.lead')} rules={[{ required: true }]}>
        <Select showSearch={{ filterOption: filterUnitOption }} options={units.options} loading={units.loading} popupMatchSelectWidth={false} />
      </Form.Item>
      <Form.Item name="coordinatorUnitIds" label={tt('detail.coordinators')}>
        <Select mode="multiple" showSearch={{ filterOption: filterUnitOption }} options={units.options} loading={units.loading} popupMatchSelectWidth={false} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="deadline" label={tt('detail.deadline')}>
          <DatePicker format={DATE_FORMAT} allowClear />
        </Form.Item>
        <Form.Item name="pillar" label={tt('detail.pillar')}>
          <Select allowClear style={{ width: 200 }} options={PILLARS.map((p) => ({ value: p, label: tt(pillarKey(p)) }))} />
        </Form.Item>
        <Form.Item name="recurrence" label={tt('detail.recurrence')}>
          <Select allowClear style={{ width: 200 }} options={RECURRENCES.map((r) => ({ value: r, label: tt(recurrenceKey(r)) }))} />
        </Form.Item>
      </Space>
      <Button htmlType="submit" loading={update.isPending}>
        {tt('edit.save')}
      </Button>
    </Form>
  );
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'object' && x && 'name' in x ? String((x as { name: string }).name) : String(x))).join('; ') || '—';
  if (typeof v === 'object' && 'name' in (v as object)) return String((v as { name: string }).name);
  return String(v);
}

function HistoryTimeline({ id }: { id: string }) {
  const tt = useTaskText();
  const history = useTaskHistory(id);
  if (history.isPending) return <Skeleton active />;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  const items = history.data.items;
  if (items.length === 0) return <Empty description={tt('detail.noHistory')} />;
  const colour = (h: THistoryEntry) => (h.action === 'complete' ? 'green' : h.action.startsWith('extension') ? 'orange' : h.action === 'create' ? 'blue' : 'gray');
  return (
    <Timeline
      data-testid="task-history"
      items={[...items].reverse().map((h, i) => ({
        key: i,
        color: colour(h),
        title: formatDateTime(h.at),
        content: (
          <div>
            <Typography.Text strong>{h.label}</Typography.Text> <Typography.Text type="secondary">— {h.actorName}</Typography.Text>
            {h.update ? (
              <div>
                {h.update.percent !== null ? <Tag>{h.update.percent}%</Tag> : null}
                {h.update.note}
                {h.update.file ? (
                  <div>
                    <a href={`/api/tasks/${id}/files/${h.update.file.id}`}>
                      <PaperClipOutlined /> {tt('detail.file', { name: h.update.file.name })}
                    </a>
                  </div>
                ) : null}
              </div>
            ) : null}
            {h.extension ? (
              <div>
                {tt('extension.item', { from: show(h.extension.previousDeadline), to: formatDate(h.extension.requestedDeadline), reason: h.extension.reason })}
                {h.extension.decisionNote ? <div>{h.extension.decisionNote}</div> : null}
              </div>
            ) : null}
            {h.changes.map((c) => (
              <div key={c.field}>
                <Typography.Text type="secondary">{tt('detail.changes', { field: c.field, before: show(c.before), after: show(c.after) })}</Typography.Text>
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}

/** Everything about one task, and what the current user may do with it. */
export function TaskDetailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const tt = useTaskText();
  const { t: tr } = useI18n();
  const { message } = App.useApp();
  const detail = useTask(id);
  const complete = useCompleteTask();
  const reopen = useReopenTask();
  const fail = useFailure();
  const [reopenNote, setReopenNote] = useState('');
  const d = detail.data;
  const t = d?.task;

  return (
    <Drawer open={!!id} onClose={onClose} size={760} title={t ? t.title : tt('detail.title')} destroyOnHidden data-testid="task-drawer">
      {detail.isError ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {!d || !t ? (
        detail.isError ? null : <Skeleton active />
      ) : (
        <div className="hd-task-detail">
          <Space wrap style={{ marginBottom: 12 }}>
            <StatusTag task={t} />
            {t.sample ? <Tag>{tt('sample')}</Tag> : null}
          </Space>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 200 } }}>
            {t.document ? (
              <Descriptions.Item label={tt('detail.document')}>
                <Link to={`/documents?doc=${t.document.id}`}>{[t.document.type, t.document.number, t.document.issuedOn ? formatDate(t.document.issuedOn) : null].filter(Boolean).join(' · ')}</Link>
                {t.document.summary ? <div><Typography.Text type="secondary">{t.document.summary}</Typography.Text></div> : null}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={tt('detail.lead')}>
              {t.leadUnit.name}
              {t.leadGroupText ? <div><Typography.Text type="secondary">{tt('detail.group', { text: t.leadGroupText })}</Typography.Text></div> : null}
            </Descriptions.Item>
            <Descriptions.Item label={tt('detail.coordinators')}>{t.coordinators.length ? t.coordinators.map((c) => <Tag key={c.id}>{c.name}</Tag>) : '—'}</Descriptions.Item>
            <Descriptions.Item label={tt('detail.assignedOn')}>{formatDate(t.assignedOn)}</Descriptions.Item>
            <Descriptions.Item label={tt('detail.deadline')}>
              <span data-testid="task-deadline">{t.deadline ? formatDate(t.deadline) : tt('noDeadline')}</span>
              {t.extended && t.originalDeadline ? (
                <div>
                  <Typography.Text type="secondary">{tt('extension.keptOriginal', { date: formatDate(t.originalDeadline) })}</Typography.Text>
                </div>
              ) : null}
              {t.deadlineText ? (
                <div>
                  <Typography.Text type="secondary">
                    {tt('detail.deadlineText')}: “{t.deadlineText}”
                  </Typography.Text>
                </div>
              ) : null}
            </Descriptions.Item>
            {t.recurrence ? (
              <Descriptions.Item label={tt('detail.recurrence')}>
                {tt(recurrenceKey(t.recurrence))}
                {t.nextOccurrence ? <div><Typography.Text type="secondary">{tt('detail.nextOccurrence', { date: formatDate(t.nextOccurrence) })}</Typography.Text></div> : null}
              </Descriptions.Item>
            ) : null}
            {t.pillar ? <Descriptions.Item label={tt('detail.pillar')}>{tt(pillarKey(t.pillar))}</Descriptions.Item> : null}
            <Descriptions.Item label={tt('detail.progress')}>
              <Progress percent={t.progressPercent} size="small" style={{ maxWidth: 320 }} status={t.done ? 'success' : undefined} />
              {t.lastProgressAt ? <div><Typography.Text type="secondary">{tt('detail.lastProgress', { date: formatDateTime(t.lastProgressAt) })}</Typography.Text></div> : null}
            </Descriptions.Item>
            {t.completedOn ? <Descriptions.Item label={tt('detail.completedOn')}>{formatDate(t.completedOn)}</Descriptions.Item> : null}
            {t.description ? <Descriptions.Item label={tt('detail.description')}>{t.description}</Descriptions.Item> : null}
            {t.source ? (
              <Descriptions.Item label={tt('detail.source')}>
                <blockquote className="hd-source-quote">{t.source.text}</blockquote>
              </Descriptions.Item>
            ) : null}
          </Descriptions>

          {d.occurrences.length ? (
            <>
              <Divider titlePlacement="start">{tt('detail.occurrences')}</Divider>
              <Space wrap size={[4, 4]}>
                {d.occurrences.map((o) => (
                  <Tag key={o.dueOn} color={o.reportedOn ? 'green' : o.dueOn < todayIso() ? 'red' : undefined} title={o.reportedOn ? tt('detail.reported', { date: formatDate(o.reportedOn) }) : tt('detail.notReported')}>
                    {formatDate(o.dueOn)}
                  </Tag>
                ))}
              </Space>
            </>
          ) : null}

          {d.can.manage ? <div style={{ marginTop: 16 }}><ExtensionDecision d={d} /></div> : null}

          {d.can.progress && !t.done ? (
            <>
              <Divider titlePlacement="start">{tt('progress.title')}</Divider>
              <ProgressForm d={d} />
            </>
          ) : null}

          {d.can.update && !t.done ? (
            <>
              <Divider titlePlacement="start">{tt('extension.title')}</Divider>
              {t.pendingExtension ? (
                <Alert type="info" showIcon title={tt('extension.pending', { date: formatDate(t.pendingExtension.requestedDeadline) })} />
              ) : t.deadline ? (
                <ExtensionRequest d={d} />
              ) : null}
              <div style={{ marginTop: 16 }}>
                <Popconfirm
                  title={tt('complete.confirm')}
                  okText={tt('complete.button')}
                  cancelText={tr('common.cancel')}
                  onConfirm={() => complete.mutate({ id: t.id, version: t.version }, { onSuccess: () => void message.success(tt('complete.saved')), onError: fail })}
                >
                  <Button type="primary" ghost icon={<CheckOutlined />} loading={complete.isPending}>
                    {tt('complete.button')}
                  </Button>
                </Popconfirm>
              </div>
            </>
          ) : null}

          {d.can.manage && t.done ? (
            <Space style={{ marginTop: 16 }}>
              <Input placeholder={tt('reopen.reason')} value={reopenNote} onChange={(e) => setReopenNote(e.target.value)} style={{ width: 320 }} />
              <Button disabled={!reopenNote.trim()} loading={reopen.isPending} onClick={() => reopen.mutate({ id: t.id, version: t.version, note: reopenNote }, { onSuccess: () => setReopenNote(''), onError: fail })}>
                {tt('reopen.button')}
              </Button>
            </Space>
          ) : null}

          {d.extensions.length ? (
            <>
              <Divider titlePlacement="start">{tt('extension.title')}</Divider>
              {d.extensions.map((x) => (
                <div key={x.id} style={{ marginBottom: 6 }}>
                  <Tag color={x.status === 'approved' ? 'green' : x.status === 'refused' ? 'red' : 'orange'}>{tt(`extension.status.${x.status}`)}</Tag>
                  {tt('extension.item', { from: show(x.previousDeadline), to: formatDate(x.requestedDeadline), reason: x.reason })}
                  <Typography.Text type="secondary"> — {x.requestedByName}</Typography.Text>
                </div>
              ))}
            </>
          ) : null}

          {d.can.manage ? (
            <>
              <Divider titlePlacement="start">{tt('edit.title')}</Divider>
              <ManageForm d={d} />
            </>
          ) : null}

          <Divider titlePlacement="start">{tt('detail.history')}</Divider>
          <HistoryTimeline id={t.id} />
        </div>
      )}
    </Drawer>
  );
}
