import { useCallback, useEffect, useRef, useState } from 'react';
import { ConfigProvider, Select, Spin, theme as antdTheme } from 'antd';
import { CompressOutlined, ExpandOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useDashboard, useDashboardStream, type LiveState } from '../../api/dashboard';
import type { TPanelKey, TPanelUpdated } from '../../../contracts/dashboard';
import { LighthouseIcon } from '../../components/LighthouseIcon';
import { QueryError } from '../../components/QueryError';
import { AttentionPanel } from './AttentionPanel';
import { BudgetPanel } from './BudgetPanel';
import { EvaluationPanel } from './EvaluationPanel';
import './echarts';
import { vnDate } from './format';
import { useIocText, type IocTextKey } from './messages';
import { PillarsPanel } from './PillarsPanel';
import { ReportsPanel } from './ReportsPanel';
import { TasksPanel } from './TasksPanel';
import { TrendsPanel } from './TrendsPanel';
import { UnitsPanel } from './UnitsPanel';
import './ioc.css';

const LIVE_KEY: Record<LiveState, IocTextKey> = { live: 'live', connecting: 'connecting', offline: 'offline' };

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(id);
  }, []);
  const v = new Date(now.getTime() + 7 * 3_600_000).toISOString();
  return (
    <span className="ioc-clock" aria-label="clock">
      <span className="ioc-clock-time">{v.slice(11, 16)}</span>
      <span className="ioc-clock-date">{`${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`}</span>
    </span>
  );
}

/**
 * The IOC wall: the four pillars against their targets, tasks, money, reports, evaluation, the
 * unit map, monthly trends and the units that need a leader's attention. Figures come from the
 * server's stored aggregates; a server-sent event refetches them when they change. "Toàn màn
 * hình" fills the screen (and the browser's full-screen mode) for a 1920×1080 wall.
 */
export function IocPage() {
  const t = useIocText();
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : null;
  const wall = params.get('wall') === '1';
  const dashboard = useDashboard(year);
  const shown = useRef(dashboard.data);
  shown.current = dashboard.data;
  const [flash, setFlash] = useState<Set<string>>(new Set());
  const live = useDashboardStream(
    useCallback((e: TPanelUpdated) => {
      // Light up a panel whose figures changed after they were shown, not on the first computation.
      const before = shown.current;
      if (!before || before.scope !== e.scope || before.panels[e.key]?.computedAt === e.computedAt) return;
      setFlash((s) => new Set(s).add(e.key));
      setTimeout(() => setFlash((s) => {
        const next = new Set(s);
        next.delete(e.key);
        return next;
      }), 2500);
    }, []),
  );
  const root = useRef<HTMLDivElement>(null);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  const toggleWall = () => {
    if (wall) {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      setParam('wall', null);
    } else {
      setParam('wall', '1');
      void root.current?.requestFullscreen?.().catch(() => undefined);
    }
  };

  useEffect(() => {
    if (!wall) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.fullscreenElement) setParam('wall', null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const d = dashboard.data;
  const shownYear = d?.year ?? year ?? new Date().getFullYear();
  const current = new Date().getFullYear();
  const years = [...new Set([current, current - 1, current - 2, current - 3, current - 4, shownYear])].sort((a, b) => b - a);
  const cls = (key: string) => (flash.has(key) ? 'ioc-flash' : '');

  return (
    <ConfigProvider
      theme={{ algorithm: antdTheme.darkAlgorithm, token: { colorPrimary: '#38bdf8', fontSize: 16, colorBgElevated: '#10243d' } }}
      // In browser full-screen only the wall's subtree is drawn: popups must live inside it.
      getPopupContainer={() => root.current ?? document.body}
    >
    <div ref={root} className={`ioc ${wall ? 'ioc-wall' : ''}`} data-testid="ioc">
      <header className="ioc-header">
        <div className="ioc-brand">
          <LighthouseIcon size={44} />
          <div>
            <h1 className="ioc-title">{t('title')}</h1>
            <div className="ioc-subtitle">
              {t('city')}
              {d ? ` · ${t('yearLine', { year: d.year, asOf: vnDate(d.asOf) })}` : ''}
            </div>
          </div>
        </div>
        <div className="ioc-header-right">
          <label className="ioc-year">
            <span>{t('year')}</span>
            <Select
              className="ioc-select ioc-select-year"
              value={shownYear}
              onChange={(y: number) => setParam('year', String(y))}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              aria-label={t('year')}
              data-testid="ioc-year"
            />
          </label>
          <span className={`ioc-live ioc-live-${live}`} data-testid="ioc-live">
            <span className="ioc-live-dot" />
            {t(LIVE_KEY[live])}
          </span>
          <Clock />
          <button type="button" className="ioc-wall-btn" onClick={toggleWall} data-testid="ioc-wall">
            {wall ? <CompressOutlined /> : <ExpandOutlined />}
            <span>{wall ? t('exitWall') : t('wall')}</span>
          </button>
        </div>
      </header>
      {dashboard.isError && !d ? (
        <div className="ioc-error">
          <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
        </div>
      ) : !d ? (
        <div className="ioc-loading">
          <Spin size="large" />
        </div>
      ) : (
        <main className="ioc-grid">
          <div className={`ioc-slot ioc-area-pillars ${cls('pillars')}`}><PillarsPanel panel={d.panels.pillars} year={d.year} /></div>
          <div className={`ioc-slot ioc-area-tasks ${cls('tasks')}`}><TasksPanel panel={d.panels.tasks} year={d.year} /></div>
          <div className={`ioc-slot ioc-area-budget ${cls('budget')}`}><BudgetPanel panel={d.panels.budget} year={d.year} /></div>
          <div className={`ioc-slot ioc-area-reports ${cls('reports')}`}><ReportsPanel panel={d.panels.reports} year={d.year} /></div>
          <div className={`ioc-slot ioc-area-evaluation ${cls('evaluation')}`}><EvaluationPanel panel={d.panels.evaluation} year={d.year} /></div>
          <div className={`ioc-slot ioc-area-units ${cls('units')}`}><UnitsPanel panel={d.panels.units} year={d.year} /></div>
          <div className={`ioc-slot ioc-area-trends ${cls('trends')}`}><TrendsPanel panel={d.panels.trends} year={d.year} /></div>
          <div className={`ioc-slot ioc-area-attention ${cls('attention')}`}><AttentionPanel panel={d.panels.attention} year={d.year} /></div>
        </main>
      )}
    </div>
    </ConfigProvider>
  );
}
