import { ConfigProvider, Spin, theme as antdTheme } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import type { TAnyPanel, TPanelKey } from '../../../contracts/dashboard';
import { ApiError } from '../../api/client';
import { useEmbedPanel, useEmbedStream } from '../../api/embeds';
import { AttentionPanel } from '../ioc/AttentionPanel';
import { BudgetPanel } from '../ioc/BudgetPanel';
import { EvaluationPanel } from '../ioc/EvaluationPanel';
import '../ioc/echarts';
import { PanelEmbedded } from '../ioc/PanelCard';
import { PillarsPanel } from '../ioc/PillarsPanel';
import { ReportsPanel } from '../ioc/ReportsPanel';
import { TasksPanel } from '../ioc/TasksPanel';
import { TrendsPanel } from '../ioc/TrendsPanel';
import { UnitsPanel } from '../ioc/UnitsPanel';
import '../ioc/ioc.css';
import './embed.css';

function PanelOf({ panel, year }: { panel: TAnyPanel; year: number }) {
  const p = panel as never;
  switch (panel.key as TPanelKey) {
    case 'pillars': return <PillarsPanel panel={p} year={year} />;
    case 'tasks': return <TasksPanel panel={p} year={year} />;
    case 'budget': return <BudgetPanel panel={p} year={year} />;
    case 'reports': return <ReportsPanel panel={p} year={year} />;
    case 'units': return <UnitsPanel panel={p} year={year} />;
    case 'attention': return <AttentionPanel panel={p} year={year} />;
    case 'trends': return <TrendsPanel panel={p} year={year} />;
    case 'evaluation': return <EvaluationPanel panel={p} year={year} />;
  }
}

/**
 * One IOC panel alone, full size, for another operations centre's screen (an iframe). Opened by
 * a link the administrator issued; no sign-in. Refetches when its figures change (server-sent
 * events) and every minute, so a revoked or expired link stops showing figures.
 */
export function EmbedPage() {
  const { key = '', token = '' } = useParams();
  const [params] = useSearchParams();
  const unit = params.get('unit');
  const q = useEmbedPanel(key, token, unit);
  useEmbedStream(key, token, unit, () => void q.refetch());
  const d = q.data;
  const refused = q.error instanceof ApiError ? q.error.message : q.error ? 'Không tải được số liệu. Đang thử lại…' : null;
  return (
    <ConfigProvider theme={{ algorithm: antdTheme.darkAlgorithm, token: { colorPrimary: '#38bdf8', fontSize: 16, colorBgElevated: '#10243d' } }}>
      <PanelEmbedded.Provider value={true}>
        <div className="ioc ioc-embed" data-testid="embed">
          {refused && (!d || (q.error instanceof ApiError && q.error.status === 403)) ? (
            <p className="ioc-embed-refused" data-testid="embed-refused">{refused}</p>
          ) : !d ? (
            <div className="ioc-loading"><Spin size="large" /></div>
          ) : (
            <div className="ioc-slot ioc-embed-slot" data-testid="embed-panel">
              <PanelOf panel={d.panel} year={d.year} />
            </div>
          )}
          {d ? <div className="ioc-embed-foot">Hải Đăng · {d.unit ? `${d.unit.name} · ` : ''}{d.label}</div> : null}
        </div>
      </PanelEmbedded.Provider>
    </ConfigProvider>
  );
}
