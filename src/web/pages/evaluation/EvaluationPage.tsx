import { useEffect, useState } from 'react';
import { App, Button, Checkbox, Descriptions, Empty, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { FileExcelOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { runXlsxUrl, useCreateRun, useEvaluationRun, useEvaluationRuns, type ConditionView, type EvaluationClass, type RunView } from '../../api/evaluation';
import { canDo } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { errorText, QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { LetterEditor } from './LetterEditor';
import { CLASS_COLOURS, useEvalText, type EvalTextKey } from './messages';
import { RunResults } from './RunResults';
import './evaluation.css';

const LEVEL_KINDS = { city: ['department', 'agency', 'district'], commune: ['commune'] } as const;

function conditionText(c: ConditionView, names: ReadonlyMap<string, string>, n: (v: number) => string): string {
  return `${names.get(c.measure) ?? c.measure} ${c.op} ${n(c.value)}`;
}

function CriteriaTab({ run }: { run: RunView }) {
  const t = useEvalText();
  const { lang } = useI18n();
  const n = (v: number) => formatNumber(v, lang);
  const rs = run.ruleSet;
  const names = new Map<string, string>([...rs.criteria.map((c) => [c.code, c.name] as const), ['score', t('col.score')]]);
  return (
    <div className="ev-criteria">
      <Descriptions column={1} size="small" bordered className="ev-rules">
        <Descriptions.Item label={t('ruleSet')}>{rs.name}{rs.sample ? <Tag style={{ marginLeft: 8 }}>{t('sample')}</Tag> : null}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSource')}>{rs.source}</Descriptions.Item>
        <Descriptions.Item label={t('col.validFrom')}>{formatDate(rs.validFrom)}</Descriptions.Item>
        {rs.scope.length > 0 ? <Descriptions.Item label={t('scope')}>{rs.scope.map((c) => conditionText(c, names, n)).join('; ')}</Descriptions.Item> : null}
      </Descriptions>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={rs.criteria}
        columns={[
          { title: t('col.criterion'), dataIndex: 'name', render: (v: string) => <strong>{v}</strong> },
          { title: t('col.weight'), dataIndex: 'weight', align: 'right', render: (v: number) => (v > 0 ? n(v) : t('shownOnly')) },
          {
            title: t('col.rule'),
            render: (_, c) => {
              if (c.weight === 0) return '—';
              const f = (v: number) => (c.unit === 'percent' ? `${n(v)}%` : n(v));
              return t('rule', { zero: f(c.thresholds.zero), full: f(c.thresholds.full), dir: t(`dir.${c.direction}` as EvalTextKey) });
            },
          },
        ]}
      />
      <Descriptions column={1} size="small" bordered className="ev-rules">
        {rs.classRules.map((r, i) => (
          <Descriptions.Item key={i} label={<Tag color={CLASS_COLOURS[r.class]}>{t(`class.${r.class}` as EvalTextKey)}</Tag>}>
            {r.ground}
            <Typography.Text type="secondary">
              {' — '}
              {[...(r.all ?? []).map((c) => conditionText(c, names, n)), ...(r.any && r.any.length > 0 ? [r.any.map((c) => conditionText(c, names, n)).join(` ${t('or')} `)] : [])].join(` ${t('and')} `)}
            </Typography.Text>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('tieRule')}>{run.tieRule}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}

function NewRunButton({ period, onDone }: { period: string; onDone: (id: string) => void }) {
  const t = useEvalText();
  const { message } = App.useApp();
  const create = useCreateRun();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ period: string; unitLevel: 'city' | 'commune'; unitKinds: string[]; note?: string }>();
  const level = Form.useWatch('unitLevel', form) ?? 'city';
  return (
    <>
      <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setOpen(true)} data-testid="ev-new-run">
        {t('newRun')}
      </Button>
      <Modal
        open={open}
        title={t('newRunTitle')}
        okText={t('newRun')}
        confirmLoading={create.isPending}
        onCancel={() => setOpen(false)}
        onOk={() =>
          void form.validateFields().then((v) =>
            create.mutate(v, {
              onSuccess: (run) => {
                setOpen(false);
                void message.success(t('runDone', { n: run.results.length }));
                onDone(run.id);
              },
              onError: (err) => void message.error(errorText(err, () => '')),
            }),
          )
        }
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ period, unitLevel: 'city', unitKinds: ['department', 'agency'] }}
          onValuesChange={(changed: { unitLevel?: 'city' | 'commune' }) => {
            if (changed.unitLevel) form.setFieldValue('unitKinds', changed.unitLevel === 'commune' ? ['commune'] : ['department', 'agency']);
          }}
        >
          <Form.Item name="period" label={t('period')} rules={[{ required: true, pattern: /^\d{4}(-(M\d{2}|Q[1-4]|H[12]|9M))?$/ }]}>
            <Input placeholder="2022, 2022-H1, 2022-Q3" />
          </Form.Item>
          <Form.Item name="unitLevel" label={t('unitLevel')}>
            <Select options={[{ value: 'city', label: t('level.city') }, { value: 'commune', label: t('level.commune') }]} />
          </Form.Item>
          <Form.Item name="unitKinds" label={t('unitKinds')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Checkbox.Group options={LEVEL_KINDS[level].map((k) => ({ value: k, label: t(`kind.${k}` as EvalTextKey) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('note')}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * Evaluation of units: pick a period and a run; see every unit's components, rank and class
 * (a unit officer's own unit opens first); read the criteria applied; draft the letter.
 */
export function EvaluationPage() {
  const t = useEvalText();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const canManage = canDo(user, 'evaluation.manage');
  const runParam = params.get('run');
  const allRuns = useEvaluationRuns();
  const [period, setPeriod] = useState<string | null>(params.get('period'));
  const runsOfPeriod = (allRuns.data ?? []).filter((r) => !period || r.period === period);
  const runId = runParam ?? runsOfPeriod[0]?.id ?? null;
  const run = useEvaluationRun(runId);
  const tab = params.get('tab') ?? 'results';
  const cls = (params.get('class') as EvaluationClass | null) ?? 'all';

  useEffect(() => {
    if (!period && run.data) setPeriod(run.data.period);
  }, [period, run.data]);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };

  const periods = [...new Set((allRuns.data ?? []).map((r) => r.period))];
  const r = run.data;
  return (
    <div className="ev-page" data-testid="evaluation-page">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          <Space wrap>
            {canManage ? <NewRunButton period={period ?? String(new Date().getFullYear() - 1)} onDone={(id) => update({ run: id, tab: null, class: null })} /> : null}
            {r ? (
              <Button icon={<FileExcelOutlined />} href={runXlsxUrl(r.id)} download>
                {t('exportXlsx')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Space wrap className="ev-pickers">
        <span>{t('period')}</span>
        <Select
          style={{ minWidth: 140 }}
          value={period ?? undefined}
          onChange={(p: string) => {
            setPeriod(p);
            update({ run: null, class: null, unit: null, period: p });
          }}
          options={periods.map((p) => ({ value: p, label: p }))}
          data-testid="ev-period"
        />
        <span>{t('run')}</span>
        <Select
          style={{ minWidth: 360 }}
          value={runId ?? undefined}
          onChange={(id: string) => update({ run: id, class: null, unit: null })}
          options={runsOfPeriod.map((x) => ({ value: x.id, label: t('runAt', { period: x.periodLabel, at: formatDateTime(x.createdAt), by: x.createdBy }) }))}
          data-testid="ev-run"
        />
      </Space>
      {allRuns.isError ? <QueryError error={allRuns.error} onRetry={() => void allRuns.refetch()} /> : null}
      {run.isError ? <QueryError error={run.error} onRetry={() => void run.refetch()} /> : null}
      {!runId && allRuns.isSuccess ? <Empty description={t('noRuns')} /> : null}
      {r ? (
        <>
          <Space wrap className="ev-summary">
            <Typography.Title level={4} style={{ margin: 0 }}>{r.periodLabel}</Typography.Title>
            {(['ghi_nhan', 'rut_kinh_nghiem', 'phe_binh'] as const).map((c) => (
              <Tag key={c} color={CLASS_COLOURS[c]} className="ev-count">
                {t(`class.${c}` as EvalTextKey)}: {r.counts[c]}
              </Tag>
            ))}
            {r.counts.unclassed > 0 ? <Tag>{t('class.none')}: {r.counts.unclassed}</Tag> : null}
            {r.note ? <Typography.Text type="secondary">{r.note}</Typography.Text> : null}
          </Space>
          <Tabs
            activeKey={tab}
            onChange={(k) => update({ tab: k === 'results' ? null : k })}
            items={[
              { key: 'results', label: t('tab.results'), children: <RunResults run={r} classFilter={cls} onClassFilter={(c) => update({ class: c === 'all' ? null : c })} focusUnit={params.get('unit')} /> },
              { key: 'criteria', label: t('tab.criteria'), children: <CriteriaTab run={r} /> },
              { key: 'letter', label: t('tab.letter'), children: <LetterEditor runId={r.id} /> },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
