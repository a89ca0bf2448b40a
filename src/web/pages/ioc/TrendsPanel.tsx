import { useMemo, useRef } from 'react';
import type { TPanel, TTrendsPayload } from '../../../contracts/dashboard';
import { EChart, type EChartHandle } from '../../components/EChart';
import { useI18n } from '../../i18n/I18nProvider';
import { num } from './format';
import { useIocText } from './messages';
import { PanelCard } from './PanelCard';
import { downloadPanelPng } from './png';
import { AXIS, IOC, TOOLTIP } from './theme';

const COLOURS: Record<string, string> = {
  tasks_done: IOC.green,
  tasks_overdue: IOC.red,
  disbursed_cumulative: IOC.accent,
  dossier_online_rate: IOC.violet,
  dossier_on_time_rate: IOC.amber,
};

/** Percentages on the right axis, counts and money on the left: one chart a room can read. */
export function TrendsPanel({ panel, year }: { panel: TPanel<'trends'> | undefined; year: number }) {
  const t = useIocText();
  const { lang } = useI18n();
  const chart = useRef<EChartHandle>(null);
  const p = panel?.payload ?? undefined;
  const option = useMemo(() => {
    if (!p) return {};
    const hasPercent = p.series.some((s) => s.unit === '%');
    return {
      tooltip: { ...TOOLTIP, trigger: 'axis' },
      legend: { top: 0, textStyle: { color: IOC.text, fontSize: 15, fontFamily: IOC.font }, itemWidth: 18, itemHeight: 10 },
      grid: { left: 8, right: 8, top: 64, bottom: 4, containLabel: true },
      xAxis: { type: 'category', data: p.months.map((m) => `T${Number(m.slice(5, 7))}`), ...AXIS },
      yAxis: [
        { type: 'value', ...AXIS },
        ...(hasPercent ? [{ type: 'value', min: 0, max: 100, ...AXIS, splitLine: { show: false }, axisLabel: { ...AXIS.axisLabel, formatter: '{value}%' } }] : []),
      ],
      series: p.series.map((s) => ({
        name: `${s.name} (${s.unit})`,
        // Tasks finished in a month are counts of that month: bars; the rest are levels: lines.
        type: s.key === 'tasks_done' ? 'bar' : 'line',
        barMaxWidth: 22,
        yAxisIndex: s.unit === '%' && hasPercent ? 1 : 0,
        data: s.values,
        smooth: false,
        symbolSize: 7,
        lineStyle: { width: 3 },
        itemStyle: { color: COLOURS[s.key] ?? IOC.accent, ...(s.key === 'tasks_done' ? { opacity: 0.75, borderRadius: [3, 3, 0, 0] } : {}) },
        connectNulls: false,
      })),
    };
  }, [p]);
  const onPng = () =>
    void downloadPanelPng({
      filename: `dien-bien-${year}.png`,
      title: t('pngTitle', { title: t('panel.trends'), year }),
      subtitle: p ? p.series.map((s) => s.name).join(' · ') : '',
      chart: chart.current?.instance(),
    });
  return (
    <PanelCard panelKey="trends" panel={panel} year={year} className="ioc-area-trends" onPng={onPng}>
      {p ? <EChart ref={chart} option={option} className="ioc-chart ioc-chart-fill" ariaLabel={`${t('panel.trends')}: ${p.series.map((s) => `${s.name} ${num(s.values.filter((v) => v !== null).at(-1) ?? null, lang)}`).join('; ')}`} /> : null}
    </PanelCard>
  );
}
