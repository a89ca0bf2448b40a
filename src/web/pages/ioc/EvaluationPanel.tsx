import { useNavigate } from 'react-router';
import type { TEvaluationPanelPayload, TPanel } from '../../../contracts/dashboard';
import { useI18n } from '../../i18n/I18nProvider';
import { num } from './format';
import { useIocText, type IocTextKey } from './messages';
import { PanelCard } from './PanelCard';
import { downloadPanelPng } from './png';

const CLASSES = ['ghi_nhan', 'rut_kinh_nghiem', 'phe_binh'] as const;

export function EvaluationPanel({ panel, year }: { panel: TPanel<'evaluation'> | undefined; year: number }) {
  const t = useIocText();
  const { lang } = useI18n();
  const navigate = useNavigate();
  const p = panel?.payload ?? undefined;
  const onPng = () =>
    void downloadPanelPng({
      filename: `danh-gia-${year}.png`,
      title: t('pngTitle', { title: t('panel.evaluation'), year }),
      subtitle: p?.period ? t('evaluation.period', { period: p.period }) : '',
      lines: p ? [...CLASSES.map((c): [string, string] => [t(`evaluation.${c}` as IocTextKey), num(p.counts[c], lang)]), ...p.lowest.map((u): [string, string] => [`${u.rank}. ${u.unitName}`, num(u.score, lang, 2)])] : [],
    });
  return (
    <PanelCard panelKey="evaluation" panel={panel} year={year} className="ioc-area-evaluation" onPng={onPng}>
      {p && p.runId ? (
        <div className="ioc-eval">
          <div className="ioc-eval-classes">
            {CLASSES.map((c) => (
              <button type="button" key={c} className={`ioc-eval-class ioc-eval-${c}`} onClick={() => navigate(`/evaluation?run=${p.runId}&class=${c}`)}>
                <span className="ioc-eval-count">{num(p.counts[c], lang)}</span>
                <span className="ioc-eval-label">{t(`evaluation.${c}` as IocTextKey)}</span>
              </button>
            ))}
          </div>
          <div className="ioc-eval-lowest">
            <div className="ioc-muted ioc-small">{t('evaluation.lowest')}</div>
            {p.lowest.slice(0, 3).map((u) => (
              <button type="button" key={u.unitId} className="ioc-eval-unit" onClick={() => navigate(`/evaluation?run=${p.runId}&unit=${u.unitId}`)}>
                <span className="ioc-eval-unit-name">{u.unitName}</span>
                <span className="ioc-eval-unit-score">{num(u.score, lang, 1)}</span>
              </button>
            ))}
          </div>
        </div>
      ) : null}
    </PanelCard>
  );
}
