import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Form, Input, InputNumber, Modal, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useSaveDraft, useSubmissionView, useTransition, type Answer, type RegimeField } from '../../api/reports';
import { canDo } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { errorText, QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../../i18n/format';
import { formatValue, periodText } from '../indicators/periods';
import { STATUS_COLOURS, TIME_COLOURS, useRepText, type RepTextKey } from './messages';

interface Props {
  regimeId: string;
  unitId: string;
  period: string;
  onClose: () => void;
}

type Answers = Record<string, Answer>;

/** A unit's report of one period: the form, its status and history, and the actions the user may take. */
export function SubmissionDrawer({ regimeId, unitId, period, onClose }: Props) {
  const t = useRepText();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const view = useSubmissionView(regimeId, unitId, period);
  const save = useSaveDraft(regimeId);
  const transition = useTransition();
  const [answers, setAnswers] = useState<Answers>({});
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const v = view.data;
  const sub = v?.submission ?? null;

  useEffect(() => {
    setAnswers(v?.submission?.answers ?? {});
  }, [v?.submission]);

  const editable = !sub || sub.status === 'draft' || sub.status === 'returned';
  const mayWrite = canDo(user, 'report.submit');
  const mayDecide = canDo(user, 'report.approve');
  const busy = save.isPending || transition.isPending;
  const set = (fieldId: string, patch: Answer) => setAnswers((a) => ({ ...a, [fieldId]: { ...a[fieldId], ...patch } }));
  const fail = (err: unknown) => void message.error(errorText(err, () => ''));

  const doSave = (then?: (version: number, id: string) => void) =>
    save.mutate(
      { unitId, period, answers, version: sub?.version ?? 0 },
      {
        onSuccess: (s) => {
          if (then) then(s.version, s.id);
          else void message.success(t('form.saved'));
        },
        onError: fail,
      },
    );

  const doSubmit = () =>
    doSave((version, id) =>
      transition.mutate({ id, action: 'submit', version }, { onSuccess: () => void message.success(t('form.submitted')), onError: fail }),
    );

  const doApprove = () => sub && transition.mutate({ id: sub.id, action: 'approve', version: sub.version }, { onSuccess: () => void message.success(t('form.approvedMsg')), onError: fail });

  const doReturn = () => {
    if (!sub) return;
    if (reason.trim().length < 5) {
      void message.warning(t('form.reasonRequired'));
      return;
    }
    transition.mutate(
      { id: sub.id, action: 'return', version: sub.version, reason: reason.trim() },
      {
        onSuccess: () => {
          setReturning(false);
          setReason('');
          void message.success(t('form.returnedMsg'));
        },
        onError: fail,
      },
    );
  };

  const field = (f: RegimeField) => {
    const a = answers[f.id] ?? {};
    const label = (
      <span className="rep-field-label">
        {f.label}
        {f.unitOfMeasure ? ` (${f.unitOfMeasure})` : ''} {f.required ? <Tag color="red">{t('form.required')}</Tag> : null}
      </span>
    );
    if (f.kind === 'text') {
      return (
        <Form.Item key={f.id} label={label}>
          <Input.TextArea
            data-testid={`answer-text-${f.position}`}
            autoSize={{ minRows: 3, maxRows: 10 }}
            value={a.text ?? ''}
            disabled={!editable || !mayWrite}
            onChange={(e) => set(f.id, { text: e.target.value })}
            maxLength={20_000}
          />
        </Form.Item>
      );
    }
    if (f.indicatorKind === 'ratio') {
      const rate = typeof a.numerator === 'number' && typeof a.denominator === 'number' && a.denominator > 0 ? formatValue((a.numerator / a.denominator) * 100, f.unitOfMeasure ?? '', lang) : '—';
      return (
        <Form.Item key={f.id} label={label}>
          <Space wrap align="center">
            <InputNumber<number>
              data-testid={`answer-num-${f.position}`}
              min={0}
              placeholder={f.numeratorLabel ?? t('form.numerator')}
              value={a.numerator ?? null}
              disabled={!editable || !mayWrite}
              onChange={(n) => set(f.id, { numerator: n })}
              style={{ width: 200 }}
            />
            <span>/</span>
            <InputNumber<number>
              data-testid={`answer-den-${f.position}`}
              min={0}
              placeholder={f.denominatorLabel ?? t('form.denominator')}
              value={a.denominator ?? null}
              disabled={!editable || !mayWrite}
              onChange={(n) => set(f.id, { denominator: n })}
              style={{ width: 200 }}
            />
            <Typography.Text strong>{t('form.rate', { rate })}</Typography.Text>
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {f.numeratorLabel ?? t('form.numerator')} / {f.denominatorLabel ?? t('form.denominator')}
          </Typography.Text>
        </Form.Item>
      );
    }
    return (
      <Form.Item key={f.id} label={label}>
        <InputNumber<number> data-testid={`answer-value-${f.position}`} value={a.value ?? null} disabled={!editable || !mayWrite} onChange={(n) => set(f.id, { value: n })} style={{ width: 220 }} />
      </Form.Item>
    );
  };

  return (
    <Drawer
      open
      width={760}
      onClose={onClose}
      title={v ? t('form.title', { unit: v.unit.name, period: periodText(period, lang) }) : ''}
      data-testid="submission-drawer"
      extra={
        v ? (
          <Space>
            <Tag color={STATUS_COLOURS[sub?.status ?? 'none']} data-testid="submission-status">
              {t(`status.${sub?.status ?? 'none'}` as RepTextKey)}
            </Tag>
            <Tag color={TIME_COLOURS[v.timeliness]}>{t(`time.${v.timeliness}` as RepTextKey)}</Tag>
          </Space>
        ) : null
      }
      footer={
        v ? (
          <Space wrap>
            {mayWrite && editable ? (
              <>
                <Button icon={<SaveOutlined />} onClick={() => doSave()} loading={save.isPending} disabled={busy} data-testid="submission-save">
                  {t('form.save')}
                </Button>
                <Button type="primary" icon={<SendOutlined />} onClick={doSubmit} loading={transition.isPending} disabled={busy} data-testid="submission-submit">
                  {t('form.submit')}
                </Button>
              </>
            ) : null}
            {mayDecide && sub?.status === 'submitted' ? (
              <Button type="primary" icon={<CheckOutlined />} onClick={doApprove} disabled={busy} data-testid="submission-approve">
                {t('form.approve')}
              </Button>
            ) : null}
            {mayDecide && (sub?.status === 'submitted' || sub?.status === 'approved') ? (
              <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} disabled={busy} data-testid="submission-return">
                {t('form.return')}
              </Button>
            ) : null}
          </Space>
        ) : null
      }
    >
      {view.isError ? <QueryError error={view.error} onRetry={() => void view.refetch()} /> : null}
      {!v ? (
        <Spin />
      ) : (
        <>
          <Alert
            type={v.timeliness === 'missing' || v.timeliness === 'late' ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={t('form.deadline', { deadline: formatDate(v.period.deadline), from: formatDate(v.period.cutoffStart), to: formatDate(v.period.cutoffEnd) })}
            description={sub?.submittedAt ? t('form.submittedBy', { at: formatDateTime(sub.submittedAt), by: sub.submittedBy ?? '—' }) : undefined}
          />
          {sub?.status === 'returned' && sub.returnReason ? <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('form.returned', { reason: sub.returnReason })} data-testid="submission-return-reason" /> : null}
          {!editable ? <Alert type="success" style={{ marginBottom: 16 }} title={t('form.readOnly')} /> : null}
          <Form layout="vertical">{v.regime.fields.map(field)}</Form>
          {v.events.length > 0 ? (
            <>
              <Typography.Title level={5}>{t('form.history')}</Typography.Title>
              <Timeline
                items={v.events.map((e) => ({
                  color: e.action === 'return' ? 'red' : e.action === 'approve' ? 'green' : 'blue',
                  content: (
                    <span>
                      {formatDateTime(e.at)} — <strong>{e.actor}</strong> {t(`action.${e.action}` as RepTextKey)}
                      {e.reason ? `: ${e.reason}` : ''}
                    </span>
                  ),
                }))}
              />
            </>
          ) : null}
        </>
      )}
      <Modal open={returning} title={t('form.returnTitle')} okText={t('form.return')} okButtonProps={{ danger: true, loading: transition.isPending, ...{ 'data-testid': 'return-confirm' } }} onOk={doReturn} onCancel={() => setReturning(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('form.reasonHelp')}</Typography.Paragraph>
        <Input.TextArea data-testid="return-reason" aria-label={t('form.reason')} autoSize={{ minRows: 3 }} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
      </Modal>
    </Drawer>
  );
}
