import { createContext, useContext, type ReactNode } from 'react';
import { Tooltip } from 'antd';
import { ArrowRightOutlined, FileExcelOutlined, PictureOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { panelXlsxUrl } from '../../api/dashboard';
import type { TAnyPanel, TPanelKey } from '../../../contracts/dashboard';
import { freshness } from './format';
import { useIocText, type IocTextKey } from './messages';

interface Props {
  panelKey: TPanelKey;
  panel: TAnyPanel | undefined;
  year: number;
  className?: string;
  /** Draws the panel to a .png (the panel knows whether it is a chart or figures). */
  onPng?: () => void;
  /** Rendered when there are figures; otherwise the panel's own message. */
  children: ReactNode;
  /** Some panels still show their frame (the four pillars) when there is nothing to fill it. */
  showChildrenWhenEmpty?: boolean;
  extra?: ReactNode;
}

/** True inside an embedded panel (another centre's screen): no links into the app, no exports that need a session. */
export const PanelEmbedded = createContext(false);

/** A panel's frame: title opening its detail, freshness, export buttons, and "chưa có dữ liệu" when empty. */
export function PanelCard({ panelKey, panel, year, className, onPng, children, showChildrenWhenEmpty, extra }: Props) {
  const t = useIocText();
  const title = t(`panel.${panelKey}` as IocTextKey);
  const empty = !panel || panel.status !== 'ok';
  const embedded = useContext(PanelEmbedded);
  return (
    <section className={`ioc-panel ${className ?? ''}`} data-testid={`ioc-panel-${panelKey}`} aria-label={title}>
      <header className="ioc-panel-head">
        <span className="ioc-panel-heading">
          {panel && !embedded ? (
            <Link to={panel.link} className="ioc-panel-title" title={t('openDetail')} data-testid={`ioc-link-${panelKey}`}>
              {title}
              <ArrowRightOutlined className="ioc-panel-go" />
            </Link>
          ) : (
            <span className="ioc-panel-title">{title}</span>
          )}
          {panel ? (
            <span className="ioc-fresh" title={panel.computedAt} data-testid={`ioc-fresh-${panelKey}`}>
              {t('updatedAt', { time: freshness(panel.computedAt) })}
            </span>
          ) : null}
        </span>
        {embedded ? null : <span className="ioc-panel-tools">
          {extra}
          {onPng ? (
            <Tooltip title={t('exportPng')}>
              <button type="button" className="ioc-icon-btn" onClick={onPng} aria-label={t('exportPng')}>
                <PictureOutlined />
              </button>
            </Tooltip>
          ) : null}
          <Tooltip title={t('exportXlsx')}>
            <a className="ioc-icon-btn" href={panelXlsxUrl(panelKey, year)} download aria-label={t('exportXlsx')}>
              <FileExcelOutlined />
            </a>
          </Tooltip>
        </span>}
      </header>
      <div className="ioc-panel-body">
        {empty && !showChildrenWhenEmpty ? (
          <div className="ioc-empty" data-testid={`ioc-empty-${panelKey}`}>
            <div className="ioc-empty-title">{panel?.status === 'error' ? t('error') : t('noData')}</div>
            {panel?.message ? <div className="ioc-empty-note">{panel.message}</div> : null}
          </div>
        ) : (
          children
        )}
      </div>
    </section>
  );
}
