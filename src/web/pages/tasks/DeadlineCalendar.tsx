import { useMemo, useState } from 'react';
import { Calendar, Empty, Grid, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TTask } from '../../../contracts/tasks';
import { useTasks } from '../../api/tasks';
import { QueryError } from '../../components/QueryError';
import { formatDate } from '../../i18n/format';
import { fromIso, todayIso, toIso } from '../../lib/dates';
import { useCreateBulkText } from './create-bulk-text';
import { STATUS_COLOURS } from './messages';
import { filterUnitOption, useUnitOptions } from './useUnitOptions';

const PER_DAY = 3;

/**
 * Deadlines of a month by lead unit: a month grid on a desk, a list by day on a phone. Reads the
 * task list's own filters (deadline from–to, lead unit), so it shows what the list would.
 */
export function DeadlineCalendar({ onOpen }: { onOpen: (t: Pick<TTask, 'id'>) => void }) {
  const ct = useCreateBulkText();
  const phone = Grid.useBreakpoint().md === false;
  const [month, setMonth] = useState<Dayjs>(() => fromIso(todayIso())!.startOf('month'));
  const [unit, setUnit] = useState<string | undefined>();
  const units = useUnitOptions();
  const from = toIso(month.startOf('month'));
  const to = toIso(month.endOf('month'));
  const list = useTasks({ deadlineFrom: from, deadlineTo: to, leadUnitId: unit }, { limit: 500, offset: 0 });

  const byDay = useMemo(() => {
    const m = new Map<string, TTask[]>();
    for (const t of list.data?.items ?? []) if (t.deadline) m.set(t.deadline, [...(m.get(t.deadline) ?? []), t]);
    return m;
  }, [list.data]);

  const item = (t: TTask) => (
    <Typography.Link key={t.id} onClick={() => onOpen(t)} className="hd-cal-task" title={`${t.title} — ${t.leadUnit.name}`}>
      <Tag color={STATUS_COLOURS[t.status]} bordered={false} className="hd-cal-tag">
        {t.title}
      </Tag>
    </Typography.Link>
  );

  return (
    <div data-testid="deadline-calendar">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          showSearch={{ filterOption: filterUnitOption }}
          allowClear
          placeholder={ct('calendar.unit')}
          value={unit}
          onChange={(v?: string) => setUnit(v)}
          options={units.options}
          loading={units.loading}
          style={{ width: phone ? 'calc(100vw - 64px)' : 320 }}
          popupMatchSelectWidth={false}
          aria-label={ct('calendar.unit')}
        />
        <Typography.Text type="secondary" data-testid="calendar-count">
          {ct('calendar.count', { n: list.data?.total ?? 0, month: month.format('MM/YYYY') })}
        </Typography.Text>
      </Space>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {phone ? (
        <div className="hd-cal-list" data-testid="calendar-list">
          <Space style={{ marginBottom: 8 }}>
            <Typography.Link onClick={() => setMonth(month.subtract(1, 'month'))}>‹ {ct('calendar.prev')}</Typography.Link>
            <Typography.Text strong>{month.format('MM/YYYY')}</Typography.Text>
            <Typography.Link onClick={() => setMonth(month.add(1, 'month'))}>{ct('calendar.next')} ›</Typography.Link>
          </Space>
          {byDay.size === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={ct('calendar.none')} /> : null}
          {[...byDay.keys()].sort().map((day) => (
            <section key={day} className="hd-cal-day">
              <h4>{formatDate(day)}</h4>
              {byDay.get(day)!.map((t) => (
                <div key={t.id} className="hd-cal-row">
                  <Typography.Link onClick={() => onOpen(t)}>{t.title}</Typography.Link>
                  <div className="hd-cal-meta">
                    {t.leadUnit.name} · <Tag color={STATUS_COLOURS[t.status]}>{t.statusLabel}</Tag>
                  </div>
                </div>
              ))}
            </section>
          ))}
        </div>
      ) : (
        <Calendar
          value={month}
          mode="month"
          onPanelChange={(d) => setMonth(d.startOf('month'))}
          onSelect={(d, info) => {
            if (info.source !== 'date') setMonth(d.startOf('month'));
          }}
          cellRender={(d, info) => {
            if (info.type !== 'date' || d.month() !== month.month()) return null;
            const tasks = byDay.get(toIso(d)) ?? [];
            return (
              <div className="hd-cal-cell">
                {tasks.slice(0, PER_DAY).map(item)}
                {tasks.length > PER_DAY ? <Typography.Text type="secondary">{ct('calendar.more', { n: tasks.length - PER_DAY })}</Typography.Text> : null}
              </div>
            );
          }}
        />
      )}
    </div>
  );
}
