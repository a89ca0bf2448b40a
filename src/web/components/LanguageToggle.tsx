import { Segmented, Tooltip } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import type { Lang } from '../i18n/lang';

/** VI | EN in the header: one click, remembered on this browser. */
export function LanguageToggle({ className }: { className?: string }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Tooltip title={t('header.switchLanguage')}>
      <Segmented<Lang>
        className={className}
        size="small"
        value={lang}
        onChange={setLang}
        options={[
          { label: <span lang="vi" title="Tiếng Việt">VI</span>, value: 'vi' },
          { label: <span lang="en" title="English">EN</span>, value: 'en' },
        ]}
        aria-label={t('header.switchLanguage')}
      />
    </Tooltip>
  );
}
