import { useEffect, useState } from 'react';
import { Button, Empty, Input, Modal, Spin, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { SearchKind, TSearchHit } from '../../contracts/search';
import { useSearch } from '../api/search';
import { useI18n } from '../i18n/I18nProvider';
import { formatNumber } from '../i18n/format';
import type { MessageKey } from '../i18n/vi';
import { useDebounced } from '../lib/useDebounced';

/** Where a hit opens: the page of its kind with the object selected. */
const HREF: Record<SearchKind, (id: string) => string> = {
  task: (id) => `/tasks?tab=all&task=${id}`,
  document: (id) => `/documents?doc=${id}`,
  project: (id) => `/projects?project=${id}`,
  indicator: (id) => `/indicators?indicator=${id}`,
  unit: (id) => `/tasks?tab=all&leadUnitId=${id}`,
};

/** "Every match" of a kind that has a list filtered by words. */
const MORE: Partial<Record<SearchKind, (q: string) => string>> = {
  task: (q) => `/tasks?tab=all&q=${encodeURIComponent(q)}`,
};

/**
 * The top bar's one search box: tasks, documents, projects, indicators and units, diacritics
 * ignored, only what this person may read. Opens as a dialog (full width on a phone).
 */
export function GlobalSearch() {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const q = useDebounced(text, 250);
  const result = useSearch(q);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const close = () => setOpen(false);
  const groups = result.data?.groups.filter((g) => g.total > 0) ?? [];
  const ready = q.trim().length >= 2 && result.data !== undefined;

  return (
    <>
      <Button className="hd-search-open" icon={<SearchOutlined />} onClick={() => setOpen(true)} aria-label={t('search.open')} data-testid="search-open">
        <span className="hd-search-open-text">{t('search.open')}</span>
      </Button>
      <Modal open={open} onCancel={close} footer={null} title={t('search.title')} className="hd-search-modal" width={720} destroyOnHidden>
        <Input
          autoFocus
          size="large"
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label={t('search.title')}
          data-testid="search-input"
        />
        <div className="hd-search-results" data-testid="search-results" aria-live="polite">
          {q.trim().length < 2 ? (
            <Typography.Text type="secondary">{t('search.hint')}</Typography.Text>
          ) : !ready ? (
            <Spin />
          ) : groups.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.none', { q: q.trim() })} />
          ) : (
            groups.map((g) => (
              <section key={g.kind} className="hd-search-group" data-testid={`search-group-${g.kind}`}>
                <h3>
                  {t(`search.kind.${g.kind}` as MessageKey)} <span className="hd-search-count">({formatNumber(g.total, lang)})</span>
                </h3>
                <ul>
                  {g.items.map((h: TSearchHit) => (
                    <li key={h.id}>
                      <Link to={HREF[g.kind](h.id)} onClick={close}>
                        {h.title}
                      </Link>
                      {h.detail ? <div className="hd-search-detail">{h.detail}</div> : null}
                    </li>
                  ))}
                </ul>
                {g.total > g.items.length && MORE[g.kind] ? (
                  <Link to={MORE[g.kind]!(q.trim())} onClick={close} className="hd-search-more">
                    {t('search.more', { n: formatNumber(g.total, lang) })}
                  </Link>
                ) : null}
              </section>
            ))
          )}
        </div>
      </Modal>
    </>
  );
}
