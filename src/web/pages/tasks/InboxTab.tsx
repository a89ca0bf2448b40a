import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useInbox } from '../../api/tasks';
import type { TTask } from '../../../contracts/tasks';
import { QueryError } from '../../components/QueryError';
import { TaskTable } from './TaskTable';
import { useTaskText } from './messages';

/** "Việc của đơn vị tôi": what the user's unit leads and what it coordinates, open tasks first by deadline. */
export function InboxTab({ onOpen }: { onOpen: (t: TTask) => void }) {
  const tt = useTaskText();
  const inbox = useInbox();
  if (inbox.isError) return <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const data = inbox.data;
  return (
    <div data-testid="inbox">
      {data ? <Typography.Title level={5}>{tt('inbox.unit', { name: data.unit.name })}</Typography.Title> : null}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={tt('inbox.leadTotal')} value={data?.counts.lead ?? 0} loading={inbox.isPending} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={tt('inbox.overdue')} value={data?.counts.overdue ?? 0} styles={{ content: { color: (data?.counts.overdue ?? 0) > 0 ? '#cf1322' : undefined } }} loading={inbox.isPending} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={tt('inbox.dueSoon')} value={data?.counts.dueSoon ?? 0} loading={inbox.isPending} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={tt('inbox.stale')} value={data?.counts.stale ?? 0} loading={inbox.isPending} /></Card></Col>
      </Row>
      {data && data.lead.length + data.coordinating.length === 0 ? <Empty description={tt('inbox.empty')} /> : null}
      {data && data.lead.length ? (
        <>
          <Typography.Title level={5}>{tt('inbox.lead', { n: data.lead.length })}</Typography.Title>
          <TaskTable tasks={data.lead} onOpen={onOpen} testId="inbox-lead" pagination={data.lead.length > 20 ? { pageSize: 20 } : false} />
        </>
      ) : null}
      {data && data.coordinating.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>{tt('inbox.coordinating', { n: data.coordinating.length })}</Typography.Title>
          <TaskTable tasks={data.coordinating} onOpen={onOpen} testId="inbox-coordinating" pagination={data.coordinating.length > 20 ? { pageSize: 20 } : false} />
        </>
      ) : null}
    </div>
  );
}
