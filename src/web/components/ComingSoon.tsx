import { Button, Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import type { AppRoute } from '../routes';

/** The tidy placeholder of a capability that is not built yet. */
export function ComingSoon({ route }: { route: AppRoute }) {
  const { t } = useI18n();
  const name = t(route.labelKey);
  return (
    <div className="hd-card hd-coming">
      <Result
        icon={<ToolOutlined className="hd-coming-icon" />}
        title={t('coming.title', { name })}
        subTitle={
          <>
            {route.descriptionKey ? <p className="hd-coming-desc">{t(route.descriptionKey)}</p> : null}
            <p>{t('coming.text')}</p>
          </>
        }
        extra={
          <Link to="/">
            <Button type="primary">{t('coming.back')}</Button>
          </Link>
        }
      />
    </div>
  );
}
