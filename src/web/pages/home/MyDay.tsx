import { Card, Col, Row, Statistic, Tag } from 'antd';
import { Link } from 'react-router';
import type { TTask } from '../../../contracts/tasks';
import { useNotifications } from '../../api/notifications';
import { useTasks } from '../../api/tasks';
import { canDo } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { NotificationList } from '../../components/NotificationBell';
import { useI18n } from '../../i18n/I18nProvider';
import { todayIso } from '../../lib/dates';

const UNIT_ROLES = new Set(['unit_officer', 'unit_leader']);

function plusDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Overdue first (longest first), then by deadline; tasks without one last. */
function urgency(a: TTask, b: TTask): number {
  if (a.overdueDays !== b.overdueDays) return b.overdueDays - a.overdueDays;
  return (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999');
}

/**
 * "Việc của tôi hôm nay" (issue 14): what waits for this person — open tasks of their unit (or
 * the city's, for a city role) overdue and due within seven days, extension requests waiting for
 * a decision, and the notifications not yet read.
 */
export function MyDay() {
  const user = useCurrentUser();
  const { t } = useI18n();
  const readsTasks = canDo(user, 'task.read');
  const mine = UNIT_ROLES.has(user.role) ? { leadUnitId: user.unitId } : {};
  const today = todayIso();
  const open = useTasks({ ...mine, state: 'open' }, { limit: 200, offset: 0 });
  const dueSoon = useTasks({ ...mine, state: 'open', deadlineFrom: today, deadlineTo: plusDays(today, 7) }, { limit: 1, offset: 0 });
  const decides = canDo(user, 'task.manage') || user.role === 'unit_leader';
  const extensions = useTasks({ ...mine, pendingExtension: 'true' }, { limit: 1, offset: 0 });
  const notes = useNotifications();

  const overdue = open.data ? Object.values(open.data.counts.byBucket).reduce((a, b) => a + b, 0) : undefined;
  const top = open.data ? [...open.data.items].sort(urgency).slice(0, 6) : [];
  const unread = notes.data?.items.filter((n) => !n.readAt) ?? [];
  const scope = UNIT_ROLES.has(user.role) ? t('myday.scopeUnit', { unit: user.unitName }) : t('myday.scopeCity');

  return (
    <section className="hd-myday" data-testid="my-day">
      <h2 className="hd-myday-title">{t('myday.title')}</h2>
      <p className="hd-myday-scope">{scope}</p>
      {readsTasks ? (
        <Row gutter={[12, 12]}>
          <DayFigure to="/tasks?tab=all" title={t('myday.overdue')} value={overdue} alarm testId="myday-overdue" />
          <DayFigure to="/tasks?tab=all" title={t('myday.dueSoon')} value={dueSoon.data?.total} testId="myday-due-soon" />
          <DayFigure to="/tasks?tab=all" title={t('myday.stale')} value={open.data?.counts.stale} />
          {decides ? (
            <DayFigure to="/tasks?tab=all&pendingExtension=true" title={t('myday.extensions')} value={extensions.data?.total} testId="myday-extensions" />
          ) : null}
        </Row>
      ) : null}
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {readsTasks ? (
          <Col xs={24} lg={14}>
            <Card size="small" title={t('myday.urgent')}>
              {top.length === 0 ? (
                <p className="hd-muted">{open.isLoading ? '…' : t('myday.nothing')}</p>
              ) : (
                <ul className="hd-myday-tasks" data-testid="myday-tasks">
                  {top.map((task) => (
                    <li key={task.id}>
                      <Link to={`/tasks?tab=all&task=${encodeURIComponent(task.id)}`}>{task.title}</Link>
                      <span className="hd-myday-meta">
                        {task.leadUnit.name}
                        {task.deadline ? ` · ${t('myday.deadline', { date: dmy(task.deadline) })}` : ''}
                        {task.overdueDays > 0 ? <Tag color="red">{t('myday.lateBy', { n: task.overdueDays })}</Tag> : null}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </Col>
        ) : null}
        <Col xs={24} lg={readsTasks ? 10 : 24}>
          <Card size="small" title={t('myday.notes', { n: notes.data?.unread ?? 0 })}>
            <NotificationList items={unread.slice(0, 6)} />
          </Card>
        </Col>
      </Row>
    </section>
  );
}

/** One figure of the day, opening the task list it counts; "…" while it loads. */
function DayFigure({ to, title, value, alarm, testId }: { to: string; title: string; value: number | undefined; alarm?: boolean; testId?: string }) {
  return (
    <Col xs={12} md={6}>
      <Link to={to}>
        <Card size="small" hoverable>
          <Statistic title={title} value={value ?? '…'} styles={{ content: { color: alarm && value ? '#c0392b' : undefined } }} data-testid={testId} />
        </Card>
      </Link>
    </Col>
  );
}
