import { useEffect, useMemo, useState } from 'react';
import { AutoComplete, Button, DatePicker, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useAudit } from '../../../api/audit';
import type { TAuditEntry, TAuditQuery } from '../../../../contracts/audit';
import { useUsers } from '../../../api/users';
import { JsonDiff } from '../../../components/JsonDiff';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useI18n } from '../../../i18n/I18nProvider';
import { KNOWN_ACTIONS, KNOWN_ENTITIES, actionLabel, entityLabel } from '../../../i18n/audit-labels';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { DATE_FORMAT, isIsoDate, toIso } from '../../../lib/dates';
import { comparePersonNames, matchesQuery } from '../../../lib/text';
import { useDebounced } from '../../../lib/useDebounced';

const PAGE_SIZES = [20, 50, 100];

/** Who changed what and when, filtered by actor, entity, action and period; before/after on demand. */
export function AuditPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const users = useUsers();

  const from = isIsoDate(params.get('from')) ? (params.get('from') as string) : undefined;
  const to = isIsoDate(params.get('to')) ? (params.get('to') as string) : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSizeParam = Number(params.get('size'));
  const pageSize = PAGE_SIZES.includes(pageSizeParam) ? pageSizeParam : PAGE_SIZES[0]!;

  // Free-text filters are typed into local state and reach the URL (and the server) once typing settles.
  const [actorText, setActorText] = useState(params.get('actor') ?? '');
  const [entityText, setEntityText] = useState(params.get('entity') ?? '');
  const [actionText, setActionText] = useState(params.get('action') ?? '');
  const actor = useDebounced(actorText.trim());
  const entity = useDebounced(entityText.trim());
  const action = useDebounced(actionText.trim());

  const update = (changes: Record<string, string | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: true });
  };

  useEffect(() => {
    const same = actor === (params.get('actor') ?? '') && entity === (params.get('entity') ?? '') && action === (params.get('action') ?? '');
    if (same) return;
    update({ actor: actor || undefined, entity: entity || undefined, action: action || undefined });
    // Only the settled text drives this; `params` and `update` change with every navigation.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actor, entity, action]);

  const filter: TAuditQuery = {
    actor: params.get('actor') ?? undefined,
    entity: params.get('entity') ?? undefined,
    action: params.get('action') ?? undefined,
    from,
    to,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const audit = useAudit(filter);

  const actorOptions = useMemo(
    () =>
      [...(users.data ?? [])]
        .sort((a, b) => comparePersonNames(a.fullName, b.fullName))
        .map((u) => ({ value: u.username, label: `${u.fullName} (${u.username})` })),
    [users.data],
  );

  const range: [Dayjs, Dayjs] | null = from && to ? [dayjs(from), dayjs(to)] : null;

  const columns: TableColumnsType<TAuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span> },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (a: string) => (
        <Tag color="blue" title={a}>
          {actionLabel(a, t)}
        </Tag>
      ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_, e) => (
        <span>
          {entityLabel(e.entity, t)}
          {e.entityId ? (
            <Tooltip title={e.entityId}>
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12.5 }}>
                <code>{String(e.entityId).slice(0, 8)}</code>
              </Typography.Text>
            </Tooltip>
          ) : null}
        </span>
      ),
    },
  ];

  const anyFilter = Boolean(filter.actor || filter.entity || filter.action || from || to || actorText || entityText || actionText);

  return (
    <div>
      <PageHeader
        title={t('audit.title')}
        subtitle={audit.data ? t('audit.total', { total: formatNumber(audit.data.total, lang) }) : undefined}
      />
      <div className="hd-card">
        <div className="hd-toolbar">
          <div className="hd-toolbar-field" style={{ width: 220 }}>
            <label htmlFor="audit-actor">{t('audit.actor')}</label>
            <AutoComplete
              id="audit-actor"
              allowClear
              placeholder={t('audit.anyActor')}
              value={actorText}
              options={actorOptions}
              showSearch={{ filterOption: (input, option) => matchesQuery(input, String(option?.label ?? '')) }}
              onChange={(v: string) => setActorText(v ?? '')}
            />
          </div>
          <div className="hd-toolbar-field" style={{ width: 170 }}>
            <label htmlFor="audit-entity">{t('audit.entity')}</label>
            <AutoComplete
              id="audit-entity"
              allowClear
              placeholder={t('audit.anyEntity')}
              value={entityText}
              onChange={(v: string) => setEntityText(v ?? '')}
              options={KNOWN_ENTITIES.map((e) => ({ value: e, label: `${entityLabel(e, t)} (${e})` }))}
            />
          </div>
          <div className="hd-toolbar-field" style={{ width: 170 }}>
            <label htmlFor="audit-action">{t('audit.action')}</label>
            <AutoComplete
              id="audit-action"
              allowClear
              placeholder={t('audit.anyAction')}
              value={actionText}
              onChange={(v: string) => setActionText(v ?? '')}
              options={KNOWN_ACTIONS.map((a) => ({ value: a, label: `${actionLabel(a, t)} (${a})` }))}
            />
          </div>
          <div className="hd-toolbar-field">
            <label htmlFor="audit-range">{t('audit.range')}</label>
            <DatePicker.RangePicker
              id={{ start: 'audit-range' }}
              style={{ width: 290 }}
              format={DATE_FORMAT}
              value={range}
              allowEmpty={[true, true]}
              onChange={(v) => update({ from: v?.[0] ? toIso(v[0]) : undefined, to: v?.[1] ? toIso(v[1]) : undefined })}
            />
          </div>
          <Button
            icon={<ClearOutlined />}
            disabled={!anyFilter}
            onClick={() => {
              setActorText('');
              setEntityText('');
              setActionText('');
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('audit.reset')}
          </Button>
        </div>

        {audit.isError && !audit.data ? (
          <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <Table<TAuditEntry>
            data-testid="audit-table"
            rowKey="id"
            columns={columns}
            dataSource={audit.data?.items ?? []}
            loading={audit.isFetching}
            expandable={{ expandedRowRender: (e) => <JsonDiff before={e.before} after={e.after} /> }}
            pagination={{
              current: page,
              pageSize,
              total: audit.data?.total ?? 0,
              pageSizeOptions: PAGE_SIZES,
              showSizeChanger: true,
              onChange: (p, size) => update({ page: p > 1 ? String(p) : undefined, size: size !== PAGE_SIZES[0] ? String(size) : undefined }, false),
            }}
          />
        )}
      </div>
    </div>
  );
}
