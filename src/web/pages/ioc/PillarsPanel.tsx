import { useNavigate } from 'react-router';
import type { TPanel, TPillarIndicator, TPillarsPayload, TRag } from '../../../contracts/dashboard';
import { useI18n } from '../../i18n/I18nProvider';
import { pct, withUnit } from './format';
import { useIocText, type IocTextKey } from './messages';
import { PanelCard } from './PanelCard';
import { downloadPanelPng } from './png';

const RAGS: TRag[] = ['green', 'amber', 'red'];
const PILLAR_ICON: Record<string, string> = {
  digital_infrastructure: '⌁',
  digital_government: '⚖',
  digital_economy: '◈',
  digital_society: '☺',
};

function IndicatorRow({ ind }: { ind: TPillarIndicator }) {
  const { lang } = useI18n();
  const t = useIocText();
  const navigate = useNavigate();
  const width = Math.max(2, Math.min(100, ind.achievement ?? 0));
  return (
    <button type="button" className={`ioc-ind ioc-rag-${ind.rag ?? 'none'}`} onClick={() => navigate(ind.link)} title={ind.name}>
      <span className="ioc-ind-name">{ind.name}</span>
      <span className="ioc-ind-figures">
        {ind.value === null ? <span className="ioc-ind-missing">{t('units.noValue')}</span> : <span className="ioc-ind-value">{withUnit(ind.value, ind.unit, lang)}</span>}
        {ind.target !== null ? <span className="ioc-ind-target">{t('target', { value: withUnit(ind.target, ind.unit, lang) })}</span> : null}
      </span>
      <span className="ioc-ind-bar" aria-label={ind.achievement === null ? undefined : t('achievement', { pct: pct(ind.achievement, lang, 0).replace('%', '') })}>
        <span style={{ width: `${width}%` }} />
      </span>
    </button>
  );
}

export function PillarsPanel({ panel, year }: { panel: TPanel<'pillars'> | undefined; year: number }) {
  const t = useIocText();
  const { lang } = useI18n();
  const p = panel?.payload ?? undefined;
  const pillars = p?.pillars ?? (['digital_infrastructure', 'digital_government', 'digital_economy', 'digital_society'] as const).map((key) => ({ key, name: '', indicators: [], counts: { green: 0, amber: 0, red: 0 } }));
  const onPng = () =>
    void downloadPanelPng({
      filename: `chi-tieu-tru-cot-${year}.png`,
      title: t('pngTitle', { title: t('panel.pillars'), year }),
      subtitle: panel ? t('updatedAt', { time: new Date(panel.computedAt).toLocaleString('vi-VN') }) : '',
      lines: pillars.flatMap((x) => [
        [t(`pillar.${x.key}` as IocTextKey).toUpperCase(), ''] as [string, string],
        ...x.indicators.map((i): [string, string] => [`  ${i.name}`, `${withUnit(i.value, i.unit, lang)}${i.target !== null ? ` / ${withUnit(i.target, i.unit, lang)}` : ''}${i.rag ? ` · ${t(`rag.${i.rag}` as IocTextKey)}` : ''}`]),
      ]),
    });
  return (
    <PanelCard panelKey="pillars" panel={panel} year={year} className="ioc-area-pillars" onPng={onPng} showChildrenWhenEmpty>
      <div className="ioc-pillars">
        {pillars.map((x) => (
          <div key={x.key} className={`ioc-pillar ioc-pillar-${x.key}`} data-testid={`ioc-pillar-${x.key}`}>
            <div className="ioc-pillar-head">
              <span className="ioc-pillar-icon" aria-hidden>{PILLAR_ICON[x.key]}</span>
              <span className="ioc-pillar-name">{t(`pillar.${x.key}` as IocTextKey)}</span>
              <span className="ioc-pillar-counts">
                {RAGS.map((r) => (x.counts[r] > 0 ? <span key={r} className={`ioc-chip ioc-chip-${r}`} title={t(`rag.${r}` as IocTextKey)}>{x.counts[r]}</span> : null))}
              </span>
            </div>
            {x.indicators.length === 0 ? (
              <div className="ioc-empty ioc-empty-small">
                <div className="ioc-empty-title">{t('noData')}</div>
              </div>
            ) : (
              x.indicators.map((ind) => <IndicatorRow key={ind.code} ind={ind} />)
            )}
          </div>
        ))}
      </div>
    </PanelCard>
  );
}
