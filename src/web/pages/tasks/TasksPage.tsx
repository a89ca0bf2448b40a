import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { TTask } from '../../../contracts/tasks';
import { useTaskSettings } from '../../api/tasks';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { DeadlineCalendar } from './DeadlineCalendar';
import { useCreateBulkText } from './create-bulk-text';
import { InboxTab } from './InboxTab';
import { SummaryTab } from './SummaryTab';
import { TaskDetailDrawer } from './TaskDetailDrawer';
import { TaskList } from './TaskList';
import { useTaskText } from './messages';
import './tasks.css';

type TabKey = 'all' | 'inbox' | 'calendar' | 'summary';

/** Nhiệm vụ: every task with filters, the unit's own inbox, and the statistics; a task opens in a drawer (?task=id). */
export function TasksPage() {
  const tt = useTaskText();
  const ct = useCreateBulkText();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const unitRole = user.role === 'unit_officer' || user.role === 'unit_leader';
  const tab = (params.get('tab') as TabKey | null) ?? (unitRole ? 'inbox' : 'all');
  const openId = params.get('task');
  const settings = useTaskSettings();

  const update = (patch: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  const open = (t: Pick<TTask, 'id'>) => update({ task: t.id });

  return (
    <div>
      <PageHeader
        title={tt('title')}
        subtitle={
          <>
            {tt('subtitle')}
            {settings.data ? <Typography.Text type="secondary"> {tt('settings.escalation', { n: settings.data.escalateAfterOverdueDays })}.</Typography.Text> : null}
          </>
        }
      />
      <div className="hd-card">
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k })}
          destroyOnHidden
          items={[
            { key: 'all', label: tt('tab.all'), children: <TaskList onOpen={open} /> },
            { key: 'inbox', label: tt('tab.inbox'), children: <InboxTab onOpen={open} /> },
            { key: 'calendar', label: ct('calendar.tab'), children: <DeadlineCalendar onOpen={open} /> },
            { key: 'summary', label: tt('tab.summary'), children: <SummaryTab /> },
          ]}
        />
      </div>
      <TaskDetailDrawer id={openId} onClose={() => update({ task: null })} />
    </div>
  );
}
