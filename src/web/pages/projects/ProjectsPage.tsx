import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { BottlenecksTab } from './BottlenecksTab';
import { BudgetTab } from './BudgetTab';
import { PortfolioTab } from './PortfolioTab';
import { ProjectDetailView } from './ProjectDetailView';
import { WarningTab } from './WarningTab';
import { useProjectText } from './messages';
import './projects.css';

type TabKey = 'portfolio' | 'budget' | 'bottlenecks' | 'warning';
const TABS: readonly TabKey[] = ['portfolio', 'budget', 'bottlenecks', 'warning'];

/**
 * Dự án & kinh phí: the portfolio, the budget with its drill-down, the bottlenecks and the
 * early warning; a project opens in place (?project=id), so links from notifications land on it.
 * City leadership lands on the early warning: the list a Phó Chủ tịch opens in July.
 */
export function ProjectsPage() {
  const pt = useProjectText();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as TabKey | null;
  const tab: TabKey = requested && TABS.includes(requested) ? requested : user.role === 'leadership' ? 'warning' : 'portfolio';
  const openId = params.get('project');

  const update = (patch: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });
  const open = (id: string) => update({ project: id });

  if (openId) return <ProjectDetailView id={openId} onBack={() => update({ project: null })} />;

  return (
    <div>
      <PageHeader title={pt('title')} subtitle={pt('subtitle')} />
      <div className="hd-card">
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k })}
          destroyOnHidden
          items={[
            { key: 'portfolio', label: pt('tab.portfolio'), children: <PortfolioTab onOpen={open} /> },
            { key: 'budget', label: pt('tab.budget'), children: <BudgetTab onOpen={open} /> },
            { key: 'bottlenecks', label: pt('tab.bottlenecks'), children: <BottlenecksTab onOpen={open} /> },
            { key: 'warning', label: pt('tab.warning'), children: <WarningTab onOpen={open} /> },
          ]}
        />
      </div>
    </div>
  );
}
