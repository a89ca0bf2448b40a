import { useEffect, useMemo, useRef, useState } from 'react';
import { App, Select, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useDashboardMap, useRemoveMap, useUploadMap } from '../../api/dashboard';
import type { TPanel, TUnitFigures, TUnitMetric, TUnitsPayload } from '../../../contracts/dashboard';
import { canDo } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/session';
import { EChart, type EChartHandle } from '../../components/EChart';
import { errorText } from '../../components/QueryError';
import { useI18n } from '../../i18n/I18nProvider';
import { echarts } from './echarts';
import { withUnit } from './format';
import { useIocText } from './messages';
import { PanelCard } from './PanelCard';
import { downloadPanelPng } from './png';
import { IOC, TOOLTIP } from './theme';

const MAP_NAME = 'hd-units';

function colours(metric: TUnitMetric | undefined): string[] {
  const good = [IOC.red, IOC.amber, IOC.green];
  return metric?.direction === 'lower_better' ? [...good].reverse() : good;
}

const RAG_CODE = { red: 0, amber: 1, green: 2 } as const;
const RAG_COLOUR = ['#ef4444', '#f59e0b', '#22c55e'] as const;
const NO_RAG = '#334155';

/** The unit's judgement against its target as 0 red, 1 amber, 2 green, -1 none (no value or no target). */
function ragCode(u: TUnitFigures, key: string): number {
  const r = u.rag?.[key];
  return r ? RAG_CODE[r] : -1;
}

function range(units: readonly TUnitFigures[], key: string): [number, number] {
  const values = units.map((u) => u.values[key]).filter((v): v is number => typeof v === 'number');
  if (values.length === 0) return [0, 1];
  const min = Math.min(...values);
  const max = Math.max(...values);
  return min === max ? [min, min + 1] : [min, max];
}

/**
 * The city's units coloured by one figure: on the administrator's boundary map when there is
 * one (echarts registerMap, features matched by folded name), otherwise a tile grid.
 */
export function UnitsPanel({ panel, year }: { panel: TPanel<'units'> | undefined; year: number }) {
  const t = useIocText();
  const { lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const chart = useRef<EChartHandle>(null);
  const p = panel?.payload ?? undefined;
  const map = useDashboardMap();
  const upload = useUploadMap();
  const remove = useRemoveMap();
  const [metricKey, setMetricKey] = useState<string | null>(null);
  // Opens on the first figure that tells units apart (an indicator before the task counts).
  const informative = p?.metrics.find((m) => m.key.startsWith('ind:') && p.units.some((u) => u.values[m.key] !== null))
    ?? p?.metrics.find((m) => p.units.some((u) => (u.values[m.key] ?? 0) !== 0));
  const metric = p?.metrics.find((m) => m.key === metricKey) ?? informative ?? p?.metrics[0];
  const [registered, setRegistered] = useState<string | null>(null);
  const geo = map.data?.map ?? null;

  useEffect(() => {
    if (!geo || registered === geo.id) return;
    echarts.registerMap(MAP_NAME, geo.geojson as Parameters<typeof echarts.registerMap>[1]);
    setRegistered(geo.id);
  }, [geo, registered]);

  const useMap = !!geo && registered === geo.id;
  // A figure with a target colours each unit red / amber / green against it (issue 14), not
  // between the lowest and highest unit (which showed 36 % green against a 60 % target).
  const againstTarget = !!p && !!metric && metric.target !== null && metric.target !== undefined && p.units.some((u) => u.rag?.[metric.key]);
  const counts = useMemo(() => {
    const c = [0, 0, 0, 0];
    if (p && metric && againstTarget) for (const u of p.units) c[ragCode(u, metric.key) + 1]! += 1;
    return { none: c[0]!, red: c[1]!, amber: c[2]!, green: c[3]! };
  }, [p, metric, againstTarget]);
  const option = useMemo(() => {
    if (!p || !metric) return {};
    const [min, max] = range(p.units, metric.key);
    const fmt = (v: unknown) => (typeof v === 'number' ? withUnit(v, metric.unit, lang) : t('units.noValue'));
    const ragMap = {
      show: false,
      type: 'piecewise',
      dimension: 3,
      pieces: [{ value: 0, color: RAG_COLOUR[0] }, { value: 1, color: RAG_COLOUR[1] }, { value: 2, color: RAG_COLOUR[2] }, { value: -1, color: NO_RAG }],
    };
    const visualMap = againstTarget ? ragMap : {
      min,
      max,
      calculable: false,
      orient: 'horizontal',
      right: 4,
      bottom: 0,
      itemHeight: 160,
      itemWidth: 12,
      text: [withUnit(max, metric.unit, lang), withUnit(min, metric.unit, lang)],
      textStyle: { color: IOC.muted, fontSize: 14 },
      inRange: { color: colours(metric) },
      outOfRange: { color: '#334155' },
    };
    if (useMap) {
      return {
        tooltip: { ...TOOLTIP, formatter: (x: { data?: { label: string; value: number | null } }) => (x.data ? `${x.data.label}: ${fmt(x.data.value)}` : '') },
        ...(againstTarget ? {} : { visualMap }),
        series: [
          {
            type: 'map',
            map: MAP_NAME,
            nameProperty: 'hd_key',
            roam: false,
            top: 8,
            bottom: 36,
            label: { show: true, color: '#f8fafc', fontSize: 13, formatter: (x: { data?: { label: string } }) => x.data?.label ?? '' },
            itemStyle: { areaColor: '#1e293b', borderColor: '#0b1a2e', borderWidth: 1 },
            emphasis: { label: { color: '#fff' }, itemStyle: { areaColor: IOC.accent } },
            data: p.units.map((u) => ({
              name: u.mapKey,
              value: u.values[metric.key] ?? null,
              label: u.shortName,
              unitId: u.id,
              ...(againstTarget ? { itemStyle: { areaColor: RAG_COLOUR[ragCode(u, metric.key)] ?? NO_RAG } } : {}),
            })),
          },
        ],
      };
    }
    const n = p.units.length;
    const cols = Math.max(1, Math.ceil(Math.sqrt(n * 1.4)));
    const rows = Math.ceil(n / cols);
    return {
      tooltip: { ...TOOLTIP, formatter: (x: { data: { name: string; value: [number, number, number | '-'] } }) => `${x.data.name}: ${fmt(x.data.value[2] === '-' ? null : x.data.value[2])}` },
      grid: { left: 4, right: 4, top: 4, bottom: 36 },
      xAxis: { type: 'category', data: Array.from({ length: cols }, (_, i) => i), show: false },
      yAxis: { type: 'category', data: Array.from({ length: rows }, (_, i) => i), show: false, inverse: true },
      visualMap,
      series: [
        {
          type: 'heatmap',
          data: p.units.map((u, i) => ({ name: u.shortName, unitId: u.id, value: [i % cols, Math.floor(i / cols), u.values[metric.key] ?? '-', ragCode(u, metric.key)] })),
          itemStyle: { borderColor: IOC.panel, borderWidth: 4, borderRadius: 6 },
          label: {
            // Dozens of communes leave no room for a name readable from three metres: the
            // colours and the legend's counts speak, the name is in the tooltip.
            show: n <= 40,
            color: '#0b1320',
            fontSize: 20,
            fontWeight: 'bold',
            lineHeight: 24,
            // A name fits a tile only when there are few; with more, the value alone (name in the tooltip).
            formatter: (x: { data: { name: string; value: [number, number, number | '-'] } }) => {
              const v = x.data.value[2] === '-' ? '—' : withUnit(x.data.value[2], metric.unit === '%' ? '%' : '', lang);
              return n <= 16 ? `${x.data.name}\n${v}` : v;
            },
          },
          emphasis: { itemStyle: { borderColor: '#fff', borderWidth: 2 } },
        },
      ],
    };
  }, [p, metric, useMap, lang, t, againstTarget]);

  const canUpload = canDo(user, 'unit.manage');
  const onPng = () =>
    void downloadPanelPng({
      filename: `ban-do-don-vi-${year}.png`,
      title: t('pngTitle', { title: t('panel.units'), year }),
      subtitle: metric ? `${metric.name} (${metric.unit})` : '',
      chart: chart.current?.instance(),
    });

  const extra = (
    <>
      {p && p.metrics.length > 0 ? (
        <Select
          size="small"
          className="ioc-select"
          popupMatchSelectWidth={false}
          value={metric?.key}
          onChange={setMetricKey}
          aria-label={t('units.metric')}
          options={p.metrics.map((m) => ({ value: m.key, label: m.name }))}
          data-testid="ioc-metric"
        />
      ) : null}
      {canUpload ? (
        <Upload
          accept=".geojson,.json"
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(
              { file },
              {
                onSuccess: (r) => {
                  if (!r.map) return;
                  void message.success(t('units.uploaded', { matched: r.map.matchedCount, total: r.map.featureCount }));
                  if (r.map.unmatched.length > 0) void message.warning(t('units.unmatched', { names: r.map.unmatched.slice(0, 8).join(', ') }));
                },
                onError: (err) => void message.error(errorText(err, () => t('error'))),
              },
            );
            return false;
          }}
        >
          <button type="button" className="ioc-icon-btn" title={t('units.upload')} aria-label={t('units.upload')}>
            <UploadOutlined />
          </button>
        </Upload>
      ) : null}
      {canUpload && geo ? (
        <button type="button" className="ioc-icon-btn" title={t('units.remove')} aria-label={t('units.remove')} onClick={() => remove.mutate()}>
          <DeleteOutlined />
        </button>
      ) : null}
    </>
  );

  return (
    <PanelCard panelKey="units" panel={panel} year={year} className="ioc-area-units" onPng={onPng} extra={extra}>
      {p && metric ? (
        <div className="ioc-units">
          <EChart
            ref={chart}
            option={option}
            className="ioc-chart ioc-chart-fill"
            ariaLabel={`${t('panel.units')}: ${metric.name}`}
            onClick={(e) => {
              const id = (e.data as { unitId?: string } | undefined)?.unitId;
              if (id) navigate(`/tasks?tab=all&leadUnitId=${id}`);
            }}
          />
          {againstTarget && metric ? (
            <div className="ioc-rag-legend" data-testid="ioc-map-legend">
              <span className="ioc-rag-target">{t('units.target', { target: withUnit(metric.target!, metric.unit, lang) })}</span>
              <span><i style={{ background: RAG_COLOUR[2] }} />{t('units.green', { n: counts.green })}</span>
              <span><i style={{ background: RAG_COLOUR[1] }} />{t('units.amber', { n: counts.amber })}</span>
              <span><i style={{ background: RAG_COLOUR[0] }} />{t('units.red', { n: counts.red })}</span>
              {counts.none > 0 ? <span><i style={{ background: NO_RAG }} />{t('units.none', { n: counts.none })}</span> : null}
            </div>
          ) : null}
          {!geo && !againstTarget ? <div className="ioc-units-hint">{t('units.tileHint')}</div> : null}
        </div>
      ) : null}
    </PanelCard>
  );
}
