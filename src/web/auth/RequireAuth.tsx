import { Button, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';
import { sessionHasExpired, useSessionQuery } from './session';

/** Renders the app only for a logged-in user; otherwise sends them to /login and back afterwards. */
export function RequireAuth() {
  const { data, isPending, isError, refetch } = useSessionQuery();
  const location = useLocation();
  const { t } = useI18n();

  if (isPending) {
    return (
      <div className="hd-fullpage-center">
        <Spin size="large" />
      </div>
    );
  }
  if (isError) {
    return (
      <div className="hd-fullpage-center">
        <Result
          status="warning"
          title={t('error.title')}
          subTitle={t('error.network')}
          extra={<Button type="primary" onClick={() => void refetch()}>{t('common.retry')}</Button>}
        />
      </div>
    );
  }
  if (!data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from, expired: sessionHasExpired() }} />;
  }
  return <Outlet />;
}
