import { roundHalfAway } from '../../../core/format/number';
import { useMemo, useRef } from 'react';
import type { TBudgetPayload, TPanel } from '../../../contracts/dashboard';
import { EChart, type EChartHandle } from '../../components/EChart';
import { useI18n } from '../../i18n/I18nProvider';
import { num, pct, ty } from './format';
import { useIocText, type IocTextKey } from './messages';
import { PanelCard } from './PanelCard';
import { downloadPanelPng } from './png';
import { AXIS, IOC, TOOLTIP } from './theme';

const BARS: Array<{ key: keyof TBudgetPayload; label: IocTextKey; colour: string }> = [
  { key: 'planned', label: 'budget.planned', colour: '#60a5fa' },
  { key: 'allocated', label: 'budget.allocated', colour: IOC.accent },
  { key: 'disbursed', label: 'budget.disbursed', colour: IOC.green },
  { key: 'carriedOver', label: 'budget.carriedOver', colour: IOC.amber },
  { key: 'cancelled', label: 'budget.cancelled', colour: IOC.red },
  { key: 'atRisk', label: 'budget.atRisk', colour: '#f472b6' },
];

export function BudgetPanel({ panel, year }: { panel: TPanel<'budget'> | undefined; year: number }) {
  const t = useIocText();
  const { lang } = useI18n();
  const chart = useRef<EChartHandle>(null);
  const p = panel?.payload ?? undefined;
  const option = useMemo(() => {
    if (!p) return {};
    const bars = [...BARS].reverse();
    return {
      tooltip: { ...TOOLTIP, trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${num(v, lang)} ${t('budget.unit')}` },
      grid: { left: 8, right: 86, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', ...AXIS, axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: { type: 'category', data: bars.map((b) => t(b.label)), ...AXIS, axisTick: { show: false }, axisLabel: { ...AXIS.axisLabel, fontSize: 16, color: IOC.text } },
      series: [
        {
          type: 'bar',
          barWidth: '62%',
          data: bars.map((b) => ({ value: roundHalfAway((p[b.key] as number) / 1e9, 1), itemStyle: { color: b.colour, borderRadius: [0, 4, 4, 0] } })),
          label: { show: true, position: 'right', color: IOC.text, fontSize: 18, fontWeight: 'bold', formatter: (x: { value: number }) => num(x.value, lang) },
        },
      ],
    };
  }, [p, t, lang]);
  const onPng = () =>
    void downloadPanelPng({
      filename: `kinh-phi-${year}.png`,
      title: t('pngTitle', { title: t('panel.budget'), year }),
      subtitle: `${t('budget.rate')}: ${pct(p?.disbursementRate, lang)} · ${t('budget.unit')}`,
      chart: chart.current?.instance(),
    });
  return (
    <PanelCard panelKey="budget" panel={panel} year={year} className="ioc-area-budget" onPng={onPng}>
      {p ? (
        <div className="ioc-budget">
          <div className="ioc-budget-head">
            <span className="ioc-big ioc-accent">{pct(p.disbursementRate, lang)}</span>
            <span className="ioc-muted">
              {t('budget.rate')} · {ty(p.disbursed, lang)}/{ty(p.allocated, lang)} {t('budget.unit')}
            </span>
          </div>
          <EChart ref={chart} option={option} className="ioc-chart ioc-chart-budget" ariaLabel={t('panel.budget')} />
        </div>
      ) : null}
    </PanelCard>
  );
}
