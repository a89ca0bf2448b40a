import { useEffect, useMemo, useState } from 'react';
import { Button, Input, Select, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { exportUrl, useBudgetSummary, useProjects } from '../../api/projects';
import { ACTOR_ROLES } from '../../../contracts/pipelines';
import type { TProjectFilter, TProjectItem, TProjectStatus } from '../../../contracts/projects';
import type { ActorRole, ProjectKind } from '../../../core/projects/pipeline';
import type { FundingSource } from '../../../core/projects/risk';
import { canDo } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDate } from '../../i18n/format';
import { useDebounced } from '../../lib/useDebounced';
import { KIND_ORDER, kindKey, phaseKey, ROLE_COLOURS, roleKey, SOURCE_ORDER, sourceKey, STATUS_COLOURS, statusKey, useProjectText } from './messages';
import { formatMoney } from './money';
import { ProjectFormModal } from './ProjectFormModal';

const STATUSES: readonly TProjectStatus[] = ['active', 'finished', 'closed'];

/** Filters live in the address (p.year, p.source …) so the back button from a project keeps them. */
function useFilter(): [TProjectFilter, (patch: Partial<Record<keyof TProjectFilter, string | null>>) => void] {
  const [params, setParams] = useSearchParams();
  const filter: TProjectFilter = {
    year: params.get('p.year') ? Number(params.get('p.year')) : undefined,
    source: (params.get('p.source') as FundingSource | null) ?? undefined,
    kind: (params.get('p.kind') as ProjectKind | null) ?? undefined,
    status: (params.get('p.status') as TProjectStatus | null) ?? undefined,
    holderRole: (params.get('p.holder') as ActorRole | null) ?? undefined,
    overdue: params.get('p.overdue') === 'true' ? 'true' : undefined,
    q: params.get('p.q') ?? undefined,
  };
  const names: Record<keyof TProjectFilter, string> = { year: 'p.year', source: 'p.source', kind: 'p.kind', status: 'p.status', holderRole: 'p.holder', overdue: 'p.overdue', q: 'p.q', unitId: 'p.unit' };
  const set = (patch: Partial<Record<keyof TProjectFilter, string | null>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          const key = names[k as keyof TProjectFilter];
          if (v) next.set(key, v);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return [filter, set];
}

export function PortfolioTab({ onOpen }: { onOpen: (id: string) => void }) {
  const pt = useProjectText();
  const { lang } = useI18n();
  const user = useCurrentUser();
  const [filter, setFilter] = useFilter();
  const [text, setText] = useState(filter.q ?? '');
  const q = useDebounced(text);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if ((filter.q ?? '') !== q) setFilter({ q: q || null });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const list = useProjects(filter);
  const summary = useBudgetSummary();
  const years = useMemo(() => (summary.data?.years ?? []).map((y) => y.fiscalYear), [summary.data]);
  const canRegister = canDo(user, 'project.manage');

  const columns: TableColumnsType<TProjectItem> = [
    {
      title: pt('col.name'),
      key: 'name',
      width: 340,
      fixed: 'left',
      render: (_, p) => (
        <div>
          <a onClick={() => onOpen(p.id)} data-testid="project-link">
            {p.name}
          </a>
          <div className="hd-project-sub">
            {pt(kindKey(p.kind))} · {p.template.code}
            {p.revisions > 0 ? (
              <Tag color="orange" className="hd-project-tag">
                {pt('revisions', { n: p.revisions })}
              </Tag>
            ) : null}
            {p.sample ? (
              <Tag color="gold" className="hd-project-tag">
                {pt('sample')}
              </Tag>
            ) : null}
          </div>
        </div>
      ),
    },
    { title: pt('col.unit'), dataIndex: 'unitName', width: 180 },
    { title: pt('col.year'), dataIndex: 'fiscalYear', width: 70, align: 'center' },
    { title: pt('col.source'), dataIndex: 'fundingSource', width: 130, render: (s: FundingSource) => pt(sourceKey(s)) },
    { title: pt('col.estimate'), dataIndex: 'estimate', width: 120, align: 'right', render: (v: number) => formatMoney(v, lang) },
    { title: pt('col.allocated'), dataIndex: 'allocated', width: 120, align: 'right', render: (v: number | null) => formatMoney(v, lang) },
    { title: pt('col.disbursed'), dataIndex: 'disbursed', width: 120, align: 'right', render: (v: number) => formatMoney(v, lang) },
    {
      title: pt('col.step'),
      key: 'step',
      width: 230,
      render: (_, p) =>
        p.step ? (
          <div>
            <div>{p.step.name}</div>
            <Typography.Text type="secondary" className="hd-project-sub">
              {pt(phaseKey(p.step.phase))} · {p.stepIndex + 1}/{p.stepCount}
            </Typography.Text>
          </div>
        ) : (
          <Tag color={STATUS_COLOURS[p.status]}>{pt(statusKey(p.status))}</Tag>
        ),
    },
    {
      title: pt('col.holder'),
      key: 'holder',
      width: 200,
      render: (_, p) =>
        p.holder ? (
          <div>
            <Tag color={ROLE_COLOURS[p.holder.role]}>{pt(roleKey(p.holder.role))}</Tag>
            <div className="hd-project-sub">{p.holder.unitName ?? pt('none')}</div>
          </div>
        ) : (
          pt('none')
        ),
    },
    {
      title: pt('col.days'),
      key: 'days',
      width: 110,
      align: 'center',
      render: (_, p) =>
        p.step && p.workingDaysInStep !== null ? (
          <Tooltip title={pt('detail.waitingFor', { holder: p.holder?.unitName ?? '', date: formatDate(p.stepStartedOn), days: p.workingDaysInStep, limit: p.step.limit })}>
            <Tag color={p.overdueBy > 0 ? 'red' : 'green'}>{pt('daysOf', { days: p.workingDaysInStep, limit: p.step.limit })}</Tag>
          </Tooltip>
        ) : (
          pt('none')
        ),
    },
  ];

  const totals = list.data?.totals;

  return (
    <div>
      <div className="hd-project-toolbar">
        <div className="hd-project-filters">
          <Select
            aria-label={pt('filter.year')}
            placeholder={pt('filter.year')}
            allowClear
            style={{ width: 140 }}
            value={filter.year}
            onChange={(v?: number) => setFilter({ year: v ? String(v) : null })}
            options={years.map((y) => ({ value: y, label: String(y) }))}
          />
          <Select
            aria-label={pt('filter.source')}
            placeholder={pt('filter.source')}
            allowClear
            style={{ width: 210 }}
            value={filter.source}
            onChange={(v?: string) => setFilter({ source: v ?? null })}
            options={SOURCE_ORDER.map((s) => ({ value: s, label: pt(sourceKey(s)) }))}
          />
          <Select
            aria-label={pt('filter.kind')}
            placeholder={pt('filter.kind')}
            allowClear
            style={{ width: 210 }}
            value={filter.kind}
            onChange={(v?: string) => setFilter({ kind: v ?? null })}
            options={KIND_ORDER.map((k) => ({ value: k, label: pt(kindKey(k)) }))}
          />
          <Select
            aria-label={pt('filter.status')}
            placeholder={pt('filter.status')}
            allowClear
            style={{ width: 180 }}
            value={filter.status}
            onChange={(v?: string) => setFilter({ status: v ?? null })}
            options={STATUSES.map((s) => ({ value: s, label: pt(statusKey(s)) }))}
          />
          <Select
            aria-label={pt('filter.holder')}
            placeholder={pt('filter.holder')}
            allowClear
            style={{ width: 180 }}
            value={filter.holderRole}
            onChange={(v?: string) => setFilter({ holderRole: v ?? null })}
            options={ACTOR_ROLES.map((r) => ({ value: r, label: pt(roleKey(r)) }))}
          />
          <Space>
            <Switch checked={filter.overdue === 'true'} onChange={(on) => setFilter({ overdue: on ? 'true' : null })} aria-label={pt('filter.overdue')} />
            <span>{pt('filter.overdue')}</span>
          </Space>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={pt('filter.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ width: 300 }}
            aria-label={pt('filter.search')}
          />
        </div>
        <Space>
          <Button icon={<DownloadOutlined />} href={exportUrl('/api/projects/export.xlsx', { ...filter })} data-testid="portfolio-export">
            {pt('export')}
          </Button>
          {canRegister ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {pt('register')}
            </Button>
          ) : null}
        </Space>
      </div>
      {totals ? (
        <Typography.Paragraph type="secondary" data-testid="portfolio-totals">
          {pt('total', { n: totals.count, planned: formatMoney(totals.estimate, lang), disbursed: formatMoney(totals.disbursed, lang) })}
        </Typography.Paragraph>
      ) : null}
      {list.isError && !list.data ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<TProjectItem>
          data-testid="portfolio-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={{ pageSize: 20, showSizeChanger: true }}
          scroll={{ x: 1720 }}
        />
      )}
      {creating ? (
        <ProjectFormModal
          onClose={(id) => {
            setCreating(false);
            if (id) onOpen(id);
          }}
        />
      ) : null}
    </div>
  );
}
