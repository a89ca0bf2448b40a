import { useState } from 'react';
import { Alert, Button, Descriptions, Empty, List, Space, Spin, Steps, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { useProject } from '../../api/projects';
import type { TProjectDetail, TProjectEvent, TStepVisit } from '../../../contracts/projects';
import type { ActionType } from '../../../core/projects/pipeline';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { actionKey, kindKey, phaseKey, ROLE_COLOURS, roleKey, sourceKey, STATUS_COLOURS, statusKey, useProjectText, type ProjectText } from './messages';
import { formatMoney } from './money';
import { ClosingModal } from './ClosingModal';
import { TransitionModal } from './TransitionModal';
import './projects.css';

const PRIMARY: ReadonlySet<ActionType> = new Set(['submit', 'appraise', 'approve', 'allocate', 'contract', 'accept', 'disburse']);

function VisitLine({ v, pt }: { v: TStepVisit; pt: ProjectText }) {
  const colour = v.outcome === 'open' ? (v.overdue ? 'red' : 'blue') : v.outcome === 'returned' ? 'orange' : v.overdue ? 'volcano' : 'green';
  return (
    <div className="hd-visit" data-testid={`visit-${v.stepCode}`}>
      <Tag color={colour}>
        {pt('daysOf', { days: v.workingDays, limit: v.limit })} · {pt(`visit.${v.outcome}`)}
      </Tag>
      <Typography.Text type="secondary">
        {formatDate(v.enteredOn)} → {v.leftOn ? formatDate(v.leftOn) : '…'}
        {v.overdue ? ` · ${pt('overdueBy', { n: v.overdueBy })}` : ''}
      </Typography.Text>
    </div>
  );
}

function Timeline({ p, pt }: { p: TProjectDetail; pt: ProjectText }) {
  const visitsByStep = new Map<number, TStepVisit[]>();
  for (const v of p.visits) visitsByStep.set(v.stepIndex, [...(visitsByStep.get(v.stepIndex) ?? []), v]);
  const current = p.status === 'active' ? p.stepIndex : p.status === 'finished' ? p.stepCount : p.stepIndex;
  return (
    <Steps
      orientation="vertical"
      size="small"
      current={current}
      status={p.status === 'active' && p.overdueBy > 0 ? 'error' : p.status === 'closed' ? 'error' : 'process'}
      data-testid="project-timeline"
      items={p.steps.map((s, i) => ({
        title: (
          <span>
            {s.name}{' '}
            <Tag color={ROLE_COLOURS[s.actorRole]} className="hd-project-tag">
              {pt(roleKey(s.actorRole))}
            </Tag>
            {p.revisionsByStep[s.code] ? <Tag color="orange">{pt('revisions', { n: p.revisionsByStep[s.code]! })}</Tag> : null}
          </span>
        ),
        description: (
          <div className="hd-step-desc">
            <Typography.Text type="secondary">
              {pt(phaseKey(s.phase))} · {pt('detail.limit', { n: s.timeLimitWorkingDays })}
            </Typography.Text>
            {(visitsByStep.get(i) ?? []).map((v) => (
              <VisitLine key={`${v.enteredOn}-${v.outcome}`} v={v} pt={pt} />
            ))}
            {s.requiredDocuments.length > 0 ? (
              <div className="hd-step-docs">
                {pt('detail.docs')}: {s.requiredDocuments.join('; ')}
              </div>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

export function ProjectDetailView({ id, onBack }: { id: string; onBack: () => void }) {
  const pt = useProjectText();
  const { lang } = useI18n();
  const project = useProject(id);
  const [acting, setActing] = useState<ActionType | null>(null);
  const [closing, setClosing] = useState(false);
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
      {pt('back')}
    </Button>
  );

  if (project.isPending) return <div className="hd-center"><Spin size="large" /></div>;
  if (project.isError || !project.data) {
    return (
      <div>
        <PageHeader title={pt('title')} extra={back} />
        <QueryError error={project.error} onRetry={() => void project.refetch()} />
      </div>
    );
  }
  const p = project.data;
  const money = (n: number | null) => formatMoney(n, lang);

  const history: TableColumnsType<TProjectEvent> = [
    { title: pt('hist.date'), dataIndex: 'date', width: 110, render: (d: string) => formatDate(d) },
    { title: pt('hist.action'), dataIndex: 'action', width: 170, render: (a: ActionType) => <Tag color={a === 'return_for_revision' ? 'orange' : 'blue'}>{pt(actionKey(a))}</Tag> },
    { title: pt('hist.step'), dataIndex: 'stepName' },
    { title: pt('hist.doc'), dataIndex: 'documentNumber', width: 150, render: (d: string | null) => d ?? pt('none') },
    { title: pt('hist.actor'), key: 'actor', width: 240, render: (_, e) => <span>{e.actorName}{e.actorUnitName ? <div className="hd-project-sub">{e.actorUnitName}</div> : null}</span> },
    { title: pt('hist.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (a: number | null) => (a === null ? '' : money(a)) },
    { title: pt('hist.comment'), dataIndex: 'comment', render: (c: string | null) => c ?? '' },
  ];

  return (
    <div data-testid="project-detail">
      <PageHeader
        title={p.name}
        subtitle={
          <Space wrap size={4}>
            <span>{p.unitName}</span>·<span>{pt(kindKey(p.kind))}</span>·<span>{pt(sourceKey(p.fundingSource))}</span>·<span>{p.fiscalYear}</span>
            <Tag color={STATUS_COLOURS[p.status]} data-testid="project-status">{pt(statusKey(p.status))}</Tag>
            {p.sample ? <Tag color="gold">{pt('sample')}</Tag> : null}
          </Space>
        }
        extra={back}
      />

      <div className="hd-project-grid">
        <div className="hd-card">
          <Descriptions
            title={pt('detail.summary')}
            size="small"
            column={2}
            items={[
              { key: 'estimate', label: pt('col.estimate'), children: money(p.estimate) },
              { key: 'allocated', label: pt('col.allocated'), children: money(p.allocated) },
              { key: 'disbursed', label: pt('col.disbursed'), children: <span data-testid="project-disbursed">{money(p.disbursed)}</span> },
              { key: 'remaining', label: pt('col.unallocated'), children: money(Number(BigInt(p.estimate) - BigInt(p.allocated ?? 0))) },
              { key: 'carried', label: pt('col.carried'), children: money(p.carriedOver) },
              { key: 'cancelled', label: pt('col.cancelled'), children: money(p.cancelled) },
              { key: 'template', label: pt('detail.template'), children: `${p.template.name} (${p.templateLaw})`, span: 2 },
              { key: 'start', label: pt('detail.startedOn'), children: formatDate(p.startedOn) },
              { key: 'revisions', label: pt('col.revisions'), children: <span data-testid="project-revisions">{p.revisions}</span> },
            ]}
          />
          {p.closedOn ? (
            <Alert
              type="info"
              showIcon
              icon={<LockOutlined />}
              style={{ marginTop: 12 }}
              title={pt('detail.closing', { date: formatDate(p.closedOn), carried: money(p.carriedOver), cancelled: money(p.cancelled) })}
              description={p.closingNote ?? undefined}
            />
          ) : null}
        </div>

        <div className="hd-card">
          <Typography.Title level={5}>{pt('detail.actions')}</Typography.Title>
          {p.step && p.holder ? (
            <Alert
              type={p.overdueBy > 0 ? 'error' : 'info'}
              showIcon
              data-testid="project-waiting"
              title={pt('detail.waitingFor', {
                holder: p.holder.unitName ?? pt(roleKey(p.holder.role)),
                date: formatDate(p.stepStartedOn),
                days: p.workingDaysInStep ?? 0,
                limit: p.step.limit,
              })}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          {p.allowedActions.length > 0 ? (
            <Space wrap>
              {p.allowedActions.map((a) => (
                <Button key={a.type} type={PRIMARY.has(a.type) ? 'primary' : 'default'} danger={a.type === 'return_for_revision'} onClick={() => setActing(a.type)} data-testid={`action-${a.type}`}>
                  {pt(actionKey(a.type))}
                </Button>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{pt('detail.noActions')}</Typography.Text>
          )}
          {p.permissions.close ? (
            <div style={{ marginTop: 12 }}>
              <Button icon={<LockOutlined />} onClick={() => setClosing(true)}>
                {pt('detail.close')}
              </Button>
            </div>
          ) : null}
          {p.risk ? (
            <Alert
              style={{ marginTop: 16 }}
              type={p.risk.atRisk ? 'warning' : 'success'}
              showIcon
              title={pt('detail.risk')}
              description={
                p.risk.atRisk
                  ? pt('detail.riskAt', { projected: formatDate(p.risk.projectedDisbursement), deadline: formatDate(p.risk.legalDeadline), must: formatDate(p.risk.mustMoveBy) })
                  : pt('detail.riskOk', { projected: formatDate(p.risk.projectedDisbursement), deadline: formatDate(p.risk.legalDeadline), slack: p.risk.slackWorkingDays })
              }
              data-testid="project-risk"
            />
          ) : null}
        </div>
      </div>

      <div className="hd-project-grid">
        <div className="hd-card">
          <Typography.Title level={5}>{pt('detail.timeline')}</Typography.Title>
          <Timeline p={p} pt={pt} />
        </div>
        <div className="hd-card">
          <Typography.Title level={5}>{pt('detail.tasks')}</Typography.Title>
          {p.tasks.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={pt('detail.noTasks')} />
          ) : (
            <List
              size="small"
              dataSource={p.tasks}
              renderItem={(task) => (
                <List.Item>
                  <div>
                    <a href={`/tasks?task=${task.id}`}>{task.title}</a>
                    <div className="hd-project-sub">
                      {task.leadUnitName}
                      {task.deadline ? ` · ${formatDate(task.deadline)}` : ''}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          )}
        </div>
      </div>

      <div className="hd-card" style={{ marginTop: 16 }}>
        <Typography.Title level={5}>{pt('detail.history')}</Typography.Title>
        <Table<TProjectEvent> data-testid="project-history" rowKey="seq" size="small" columns={history} dataSource={p.events} pagination={false} scroll={{ x: 1000 }} />
      </div>

      {acting ? <TransitionModal project={p} action={acting} onClose={() => setActing(null)} /> : null}
      {closing ? <ClosingModal project={p} onClose={() => setClosing(false)} /> : null}
    </div>
  );
}
