import { useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { TPanel, TTasksPayload } from '../../../contracts/dashboard';
import { EChart, type EChartHandle } from '../../components/EChart';
import { useI18n } from '../../i18n/I18nProvider';
import { num, pct } from './format';
import { useIocText, type IocTextKey } from './messages';
import { PanelCard } from './PanelCard';
import { downloadPanelPng } from './png';
import { IOC, TOOLTIP } from './theme';

const SLICES: Array<{ key: keyof TTasksPayload; label: IocTextKey; colour: string; status: string }> = [
  { key: 'doneOnTime', label: 'tasks.doneOnTime', colour: IOC.green, status: 'done_on_time' },
  { key: 'doneOnTimeExtended', label: 'tasks.doneOnTimeExtended', colour: '#84cc16', status: 'done_on_time_extended' },
  { key: 'doneLate', label: 'tasks.doneLate', colour: IOC.amber, status: 'done_late' },
  { key: 'doneNoDeadline', label: 'tasks.doneNoDeadline', colour: '#14b8a6', status: 'done_no_deadline' },
  { key: 'inProgressOnTime', label: 'tasks.inProgressOnTime', colour: IOC.blue, status: 'in_progress_on_time' },
  { key: 'inProgressOverdue', label: 'tasks.inProgressOverdue', colour: IOC.red, status: 'in_progress_overdue' },
  { key: 'noDeadlineInProgress', label: 'tasks.noDeadline', colour: IOC.grey, status: 'no_deadline_in_progress' },
];

export function TasksPanel({ panel, year }: { panel: TPanel<'tasks'> | undefined; year: number }) {
  const t = useIocText();
  const { lang } = useI18n();
  const navigate = useNavigate();
  const chart = useRef<EChartHandle>(null);
  const p = panel?.payload ?? undefined;
  const option = useMemo(() => {
    if (!p) return {};
    return {
      tooltip: { ...TOOLTIP, trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      series: [
        {
          type: 'pie',
          radius: ['58%', '88%'],
          center: ['50%', '50%'],
          avoidLabelOverlap: true,
          label: { show: false },
          itemStyle: { borderColor: IOC.panel, borderWidth: 3 },
          data: SLICES.map((s) => ({ name: t(s.label), value: p[s.key] as number, itemStyle: { color: s.colour }, status: s.status })).filter((d) => d.value > 0),
        },
      ],
    };
  }, [p, t]);
  const onPng = () =>
    void downloadPanelPng({
      filename: `nhiem-vu-${year}.png`,
      title: t('pngTitle', { title: t('panel.tasks'), year }),
      subtitle: `${num(p?.total ?? 0, lang)} ${t('tasks.total')}`,
      chart: chart.current?.instance(),
      lines: p
        ? [
            ...SLICES.map((s): [string, string] => [t(s.label), num(p[s.key] as number, lang)]),
            [`${t('tasks.overdue')} ${t('tasks.le30')}`, num(p.buckets.le30, lang)],
            [`${t('tasks.overdue')} ${t('tasks.gt30')}`, num(p.buckets.gt30, lang)],
            [`${t('tasks.overdue')} ${t('tasks.gt120')}`, num(p.buckets.gt120, lang)],
            [t('tasks.overdueRate'), pct(p.overdueRateWithDeadline.percent, lang)],
          ]
        : [],
    });
  const goStatus = (status: string, bucket?: string) => navigate(`/tasks?tab=all&status=${status}${bucket ? `&bucket=${bucket}` : ''}`);
  return (
    <PanelCard panelKey="tasks" panel={panel} year={year} className="ioc-area-tasks" onPng={onPng}>
      {p ? (
        <div className="ioc-tasks">
          <div className="ioc-donut">
            <EChart ref={chart} option={option} className="ioc-chart" onClick={(e) => goStatus((e.data as { status: string }).status)} ariaLabel={t('panel.tasks')} />
            <div className="ioc-donut-center">
              <div className="ioc-big">{num(p.total, lang)}</div>
              <div className="ioc-muted">{t('tasks.total')}</div>
            </div>
          </div>
          <div className="ioc-tasks-side">
            <button type="button" className="ioc-stat ioc-stat-red" onClick={() => goStatus('in_progress_overdue')}>
              <span className="ioc-stat-value">{num(p.inProgressOverdue, lang)}</span>
              <span className="ioc-stat-label">{t('tasks.inProgressOverdue')}</span>
            </button>
            <div className="ioc-buckets">
              {(['le30', 'gt30', 'gt120'] as const).map((b) => (
                <button type="button" key={b} className={`ioc-bucket ioc-bucket-${b}`} onClick={() => goStatus('in_progress_overdue', b)}>
                  <span className="ioc-bucket-value">{num(p.buckets[b], lang)}</span>
                  <span className="ioc-bucket-label">{t(`tasks.${b}` as IocTextKey)}</span>
                </button>
              ))}
            </div>
            <div className="ioc-rate" title={t('tasks.overdueRateHint')}>
              <span className="ioc-rate-value">{pct(p.overdueRateWithDeadline.percent, lang)}</span>
              <span className="ioc-muted">{t('tasks.overdueRate')}</span>
            </div>
          </div>
        </div>
      ) : null}
    </PanelCard>
  );
}
