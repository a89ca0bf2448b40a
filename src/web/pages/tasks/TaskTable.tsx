import { Progress, Table, Tag, Tooltip, Typography, type TableColumnsType, type TablePaginationConfig } from 'antd';
import type { TTask } from '../../../contracts/tasks';
import { formatDate } from '../../i18n/format';
import { StatusTag } from './StatusTag';
import { useTaskText } from './messages';

interface Props {
  tasks: TTask[];
  loading?: boolean;
  onOpen: (task: TTask) => void;
  pagination?: false | TablePaginationConfig;
  showDocument?: boolean;
  testId?: string;
  /** Tasks ticked for a bulk action (the list keeps them across pages); none: no checkboxes. */
  selection?: { keys: string[]; onChange: (tasks: TTask[], keys: string[]) => void };
}

/** Tasks as rows: what, who leads, by when (and the original deadline when extended), status, progress. */
export function TaskTable({ tasks, loading, onOpen, pagination = false, showDocument = true, testId = 'tasks-table', selection }: Props) {
  const tt = useTaskText();
  const columns: TableColumnsType<TTask> = [
    {
      title: tt('col.title'),
      dataIndex: 'title',
      render: (title: string, t) => (
        <div>
          <Typography.Link onClick={() => onOpen(t)} className="hd-task-title" aria-label={`${tt('action.open')}: ${title}`}>
            {title}
          </Typography.Link>
          {t.sample ? (
            <Tag className="hd-sample-tag" bordered={false}>
              {tt('sample')}
            </Tag>
          ) : null}
          {showDocument && t.document ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
                {[t.document.type, t.document.number, t.document.issuedOn ? formatDate(t.document.issuedOn) : null].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: tt('col.lead'),
      dataIndex: ['leadUnit', 'name'],
      width: 220,
      render: (name: string, t) => (
        <div>
          <div>{name}</div>
          {t.coordinators.length ? (
            <Tooltip title={t.coordinators.map((c) => c.name).join('; ')}>
              <Typography.Text type="secondary" style={{ fontSize: 12.5 }}>
                {tt('coordinatorsCount', { n: t.coordinators.length })}
              </Typography.Text>
            </Tooltip>
          ) : null}
        </div>
      ),
    },
    {
      title: tt('col.deadline'),
      dataIndex: 'deadline',
      width: 140,
      render: (d: string | null, t) =>
        d ? (
          <div>
            <div>{formatDate(d)}</div>
            {t.extended && t.originalDeadline ? (
              <Typography.Text type="secondary" delete style={{ fontSize: 12.5 }}>
                {tt('originalDeadline', { date: formatDate(t.originalDeadline) })}
              </Typography.Text>
            ) : null}
          </div>
        ) : (
          <Typography.Text type="secondary">{t.recurrenceLabel ?? tt('noDeadline')}</Typography.Text>
        ),
    },
    {
      title: tt('col.status'),
      key: 'status',
      width: 240,
      render: (_, t) => <StatusTag task={t} />,
    },
    {
      title: tt('col.progress'),
      dataIndex: 'progressPercent',
      width: 130,
      render: (p: number, t) => <Progress percent={p} size="small" status={t.status === 'in_progress_overdue' ? 'exception' : t.done ? 'success' : 'active'} />,
    },
  ];
  return (
    <Table<TTask>
      data-testid={testId}
      rowKey="id"
      columns={columns}
      dataSource={tasks}
      loading={loading}
      pagination={pagination}
      rowSelection={selection ? { selectedRowKeys: selection.keys, preserveSelectedRowKeys: true, onChange: (keys, rows) => selection.onChange(rows, keys.map(String)), getCheckboxProps: (t) => ({ disabled: t.done || !!t.cancelled, 'aria-label': t.title }) } : undefined}
      size="middle"
      rowClassName={(t) => (t.status === 'in_progress_overdue' ? 'hd-row-overdue' : '')}
    />
  );
}
