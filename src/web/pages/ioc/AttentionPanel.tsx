import { Link } from 'react-router';
import type { TAttentionPayload, TPanel } from '../../../contracts/dashboard';
import { useIocText } from './messages';
import { PanelCard } from './PanelCard';
import { downloadPanelPng } from './png';

export function AttentionPanel({ panel, year }: { panel: TPanel<'attention'> | undefined; year: number }) {
  const t = useIocText();
  const p = panel?.payload ?? undefined;
  const onPng = () =>
    void downloadPanelPng({
      filename: `don-vi-can-luu-y-${year}.png`,
      title: t('pngTitle', { title: t('panel.attention'), year }),
      subtitle: '',
      lines: (p?.items ?? []).map((i): [string, string] => [i.unitName, i.reasons.join('; ').slice(0, 60)]),
    });
  return (
    <PanelCard panelKey="attention" panel={panel} year={year} className="ioc-area-attention" onPng={onPng}>
      {p && p.items.length > 0 ? (
        <ol className="ioc-attention">
          {p.items.slice(0, 4).map((i, n) => (
            <li key={i.unitId}>
              <Link to={i.link} className="ioc-attention-item">
                <span className="ioc-attention-rank">{n + 1}</span>
                <span className="ioc-attention-text">
                  <span className="ioc-attention-name">{i.unitName}</span>
                  <span className="ioc-attention-reason">{i.reasons.join(' · ')}</span>
                </span>
              </Link>
            </li>
          ))}
        </ol>
      ) : (
        <div className="ioc-empty"><div className="ioc-empty-title">{t('attention.none')}</div></div>
      )}
    </PanelCard>
  );
}
