import { Space, Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { TTask } from '../../../contracts/tasks';
import { formatDate } from '../../i18n/format';
import { STATUS_COLOURS, bucketKey, statusKey, useTaskText } from './messages';

/** The computed status as a coloured tag, with the overdue bucket and the stale flag beside it. */
export function StatusTag({ task, compact = false }: { task: TTask; compact?: boolean }) {
  const tt = useTaskText();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOURS[task.status]} data-status={task.status}>
        {tt(statusKey(task.status))}
      </Tag>
      {task.overdueBucket && !task.done ? (
        <Tooltip title={tt(bucketKey(task.overdueBucket))}>
          <Tag color={task.overdueBucket === 'le30' ? 'orange' : 'volcano'} icon={<ClockCircleOutlined />}>
            {tt('overdueDays', { days: task.overdueDays })}
          </Tag>
        </Tooltip>
      ) : null}
      {task.stale ? (
        <Tag color="purple" icon={<ExclamationCircleOutlined />}>
          {compact ? '3+ th' : tt('stale')}
        </Tag>
      ) : null}
      {task.pendingExtension ? (
        <Tooltip title={tt('extension.pending', { date: formatDate(task.pendingExtension.requestedDeadline) })}>
          <Tag color="magenta">{tt('pending')}</Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}
