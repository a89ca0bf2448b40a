import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Input, Select, Space, Tag, Typography } from 'antd';
import { CloseCircleOutlined, DownloadOutlined, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { exportUrl, useTasks } from '../../api/tasks';
import type { TTask, TTaskFilter } from '../../../contracts/tasks';
import { PILLARS, type Pillar } from '../../../core/tasks/pillars';
import type { BucketKey, TaskStatus } from '../../../core/tasks/status';
import { canDo } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { QueryError } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { formatNumber } from '../../i18n/format';
import { DATE_FORMAT, fromIso, toIso } from '../../lib/dates';
import { useDebounced } from '../../lib/useDebounced';
import { BulkActions } from './BulkActions';
import { CreateTaskModal } from './CreateTaskModal';
import { useCreateBulkText } from './create-bulk-text';
import { ImportModal } from './ImportModal';
import { TaskTable } from './TaskTable';
import { STATUS_COLOURS, STATUS_ORDER, bucketKey, pillarKey, statusKey, useTaskText } from './messages';
import { filterUnitOption, useUnitOptions } from './useUnitOptions';

const PAGE_SIZE = 20;
const BUCKETS: BucketKey[] = ['le30', 'gt30', 'gt120'];

/** Filters live in the URL, so a filtered list can be bookmarked and sent to a colleague. */
function readFilter(p: URLSearchParams): TTaskFilter {
  const status = (p.get('status') ?? '').split(',').filter((s): s is TaskStatus => (STATUS_ORDER as readonly string[]).includes(s));
  return {
    q: p.get('q') ?? undefined,
    status: status.length ? status : undefined,
    bucket: (p.get('bucket') as BucketKey | null) ?? undefined,
    stale: p.get('stale') === 'true' ? 'true' : undefined,
    pendingExtension: p.get('pendingExtension') === 'true' ? 'true' : undefined,
    leadUnitId: p.get('leadUnitId') ?? undefined,
    coordinatorUnitId: p.get('coordinatorUnitId') ?? undefined,
    documentId: p.get('documentId') ?? undefined,
    pillar: (p.get('pillar') as Pillar | null) ?? undefined,
    deadlineFrom: p.get('deadlineFrom') ?? undefined,
    deadlineTo: p.get('deadlineTo') ?? undefined,
  };
}

export function TaskList({ onOpen }: { onOpen: (t: Pick<TTask, 'id'>) => void }) {
  const tt = useTaskText();
  const { lang } = useI18n();
  const user = useCurrentUser();
  const canManage = canDo(user, 'task.manage');
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => readFilter(params), [params]);
  const [query, setQuery] = useState(filter.q ?? '');
  const q = useDebounced(query, 300);
  const [page, setPage] = useState(1);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<TTask[]>([]);
  const ct = useCreateBulkText();
  const effective = { ...filter, q };
  const list = useTasks(effective, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const units = useUnitOptions();

  const set = (patch: Record<string, string | undefined>) => {
    setPage(1);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  };

  const counts = list.data?.counts;
  const range: [Dayjs | null, Dayjs | null] = [fromIso(filter.deadlineFrom) ?? null, fromIso(filter.deadlineTo) ?? null];
  const anyFilter = Object.values({ ...filter, q: query }).some((v) => v !== undefined && v !== '');

  return (
    <div>
      <div className="hd-toolbar hd-task-toolbar">
        <Input
          size="large"
          allowClear
          prefix={<SearchOutlined />}
          placeholder={tt('search')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
          style={{ maxWidth: 460 }}
          aria-label={tt('search')}
          data-testid="task-search"
        />
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={exportUrl(effective)} data-testid="task-export">
            {tt('export')}
          </Button>
          {canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {ct('create.open')}
            </Button>
          ) : null}
          {canManage ? (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {tt('import')}
            </Button>
          ) : null}
        </Space>
      </div>
      <div className="hd-task-filters">
        <Select<TaskStatus[]>
          mode="multiple"
          allowClear
          placeholder={tt('filter.status')}
          value={filter.status ?? []}
          onChange={(v) => set({ status: v.join(',') || undefined })}
          options={STATUS_ORDER.map((s) => ({ value: s, label: tt(statusKey(s)) }))}
          style={{ minWidth: 240 }}
          maxTagCount="responsive"
          aria-label={tt('filter.status')}
        />
        <Select
          showSearch={{ filterOption: filterUnitOption }}
          allowClear
          placeholder={tt('filter.lead')}
          value={filter.leadUnitId}
          onChange={(v?: string) => set({ leadUnitId: v })}
          options={units.options}
          loading={units.loading}
          style={{ width: 260 }}
          popupMatchSelectWidth={false}
          aria-label={tt('filter.lead')}
        />
        <Select
          showSearch={{ filterOption: filterUnitOption }}
          allowClear
          placeholder={tt('filter.coordinator')}
          value={filter.coordinatorUnitId}
          onChange={(v?: string) => set({ coordinatorUnitId: v })}
          options={units.options}
          loading={units.loading}
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          aria-label={tt('filter.coordinator')}
        />
        <Select<Pillar>
          allowClear
          placeholder={tt('filter.pillar')}
          value={filter.pillar}
          onChange={(v?: Pillar) => set({ pillar: v })}
          options={PILLARS.map((p) => ({ value: p, label: tt(pillarKey(p)) }))}
          style={{ width: 180 }}
          aria-label={tt('filter.pillar')}
        />
        <DatePicker.RangePicker
          format={DATE_FORMAT}
          value={range}
          allowEmpty={[true, true]}
          placeholder={[tt('filter.deadline'), tt('filter.deadline')]}
          onChange={(v) => set({ deadlineFrom: v?.[0] ? toIso(v[0]) : undefined, deadlineTo: v?.[1] ? toIso(v[1]) : undefined })}
          aria-label={tt('filter.deadline')}
        />
        <Select<BucketKey>
          allowClear
          placeholder={tt('filter.bucket')}
          value={filter.bucket}
          onChange={(v?: BucketKey) => set({ bucket: v })}
          options={BUCKETS.map((b) => ({ value: b, label: `${tt(bucketKey(b))}${counts ? ` (${counts.byBucket[b]})` : ''}` }))}
          style={{ width: 230 }}
          aria-label={tt('filter.bucket')}
        />
        <Checkbox checked={!!filter.stale} onChange={(e) => set({ stale: e.target.checked ? 'true' : undefined })}>
          {tt('filter.stale')}
          {counts ? ` (${counts.stale})` : ''}
        </Checkbox>
        <Checkbox checked={!!filter.pendingExtension} onChange={(e) => set({ pendingExtension: e.target.checked ? 'true' : undefined })}>
          {tt('filter.pending')}
        </Checkbox>
        {filter.documentId ? (
          <Tag closable onClose={() => set({ documentId: undefined })} color="blue">
            {tt('filter.document', { name: list.data?.items[0]?.document?.number ?? list.data?.items[0]?.document?.type ?? '…' })}
          </Tag>
        ) : null}
        {anyFilter ? (
          <Button
            type="link"
            icon={<CloseCircleOutlined />}
            onClick={() => {
              setQuery('');
              setPage(1);
              setParams((prev) => {
                const next = new URLSearchParams();
                const tab = prev.get('tab');
                if (tab) next.set('tab', tab);
                return next;
              });
            }}
          >
            {tt('filter.reset')}
          </Button>
        ) : null}
      </div>
      {counts ? (
        <div className="hd-status-strip" data-testid="status-strip">
          {STATUS_ORDER.map((s) => (
            <Tag
              key={s}
              color={filter.status?.includes(s) ? STATUS_COLOURS[s] : undefined}
              className="hd-status-chip"
              onClick={() => set({ status: filter.status?.length === 1 && filter.status[0] === s ? undefined : s })}
            >
              {tt(statusKey(s))}: <b>{formatNumber(counts.byStatus[s], lang)}</b>
            </Tag>
          ))}
          <Typography.Text type="secondary">{tt('total', { total: formatNumber(list.data?.total ?? 0, lang) })}</Typography.Text>
        </div>
      ) : null}
      {canManage ? <BulkActions selected={selected} onDone={() => setSelected([])} /> : null}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <TaskTable
          tasks={list.data?.items ?? []}
          loading={list.isFetching}
          onOpen={onOpen}
          selection={canManage ? { keys: selected.map((x) => x.id), onChange: (rows, keys) => setSelected((prev) => keys.map((k) => rows.find((r) => r?.id === k) ?? prev.find((p) => p.id === k)).filter((x): x is TTask => !!x)) } : undefined}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        />
      )}
      {importing ? <ImportModal onClose={() => setImporting(false)} /> : null}
      {creating ? (
        <CreateTaskModal
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            onOpen({ id });
          }}
        />
      ) : null}
      {list.data && list.data.total === 0 && !list.isFetching ? <Alert type="info" showIcon title={tt('total', { total: 0 })} style={{ marginTop: 12 }} /> : null}
    </div>
  );
}
