import { useMemo, useRef } from 'react';
import type { TPanel, TReportsPayload } from '../../../contracts/dashboard';
import { EChart, type EChartHandle } from '../../components/EChart';
import { useI18n } from '../../i18n/I18nProvider';
import { num, pct, vnDate } from './format';
import { useIocText } from './messages';
import { PanelCard } from './PanelCard';
import { downloadPanelPng } from './png';
import { IOC } from './theme';

export function ReportsPanel({ panel, year }: { panel: TPanel<'reports'> | undefined; year: number }) {
  const t = useIocText();
  const { lang } = useI18n();
  const chart = useRef<EChartHandle>(null);
  const p = panel?.payload ?? undefined;
  const option = useMemo(() => {
    if (!p) return {};
    const rate = p.onTimeRate ?? 0;
    const colour = rate >= 90 ? IOC.green : rate >= 70 ? IOC.amber : IOC.red;
    return {
      series: [
        {
          type: 'gauge',
          startAngle: 210,
          endAngle: -30,
          min: 0,
          max: 100,
          radius: '96%',
          center: ['50%', '58%'],
          progress: { show: true, width: 18, itemStyle: { color: colour } },
          axisLine: { lineStyle: { width: 18, color: [[1, '#1b3352']] } },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          pointer: { show: false },
          anchor: { show: false },
          title: { show: false },
          detail: { valueAnimation: false, offsetCenter: [0, '8%'], fontSize: 44, fontWeight: 'bold', color: IOC.text, formatter: () => pct(p.onTimeRate, lang, 0) },
          data: [{ value: rate }],
        },
      ],
    };
  }, [p, lang]);
  const onPng = () =>
    void downloadPanelPng({
      filename: `bao-cao-${year}.png`,
      title: t('pngTitle', { title: t('panel.reports'), year }),
      subtitle: p?.periodLabel && p.deadline ? t('reports.period', { period: p.periodLabel, deadline: vnDate(p.deadline) }) : '',
      chart: chart.current?.instance(),
      lines: p ? [[t('reports.onTime'), num(p.onTime, lang)], [t('reports.late'), num(p.late, lang)], [t('reports.missing'), num(p.missing, lang)]] : [],
    });
  return (
    <PanelCard panelKey="reports" panel={panel} year={year} className="ioc-area-reports" onPng={onPng}>
      {p ? (
        <div className="ioc-reports">
          <div className="ioc-gauge">
            <EChart ref={chart} option={option} className="ioc-chart" ariaLabel={t('panel.reports')} />
            <div className="ioc-gauge-label ioc-muted">{t('reports.rate')}</div>
          </div>
          <div className="ioc-reports-counts">
            <div className="ioc-count ioc-count-green"><span>{num(p.onTime, lang)}</span>{t('reports.onTime')}</div>
            <div className="ioc-count ioc-count-amber"><span>{num(p.late, lang)}</span>{t('reports.late')}</div>
            <div className="ioc-count ioc-count-red"><span>{num(p.missing, lang)}</span>{t('reports.missing')}</div>
          </div>
          {p.periodLabel && p.deadline ? <div className="ioc-muted ioc-small">{t('reports.period', { period: p.periodLabel, deadline: vnDate(p.deadline) })}</div> : null}
        </div>
      ) : null}
    </PanelCard>
  );
}
