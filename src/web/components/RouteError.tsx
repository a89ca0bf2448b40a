import { Button, Result, Space } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';

const RELOADED_KEY = 'hd.chunk-reload-at';

/**
 * A page's code that can no longer be fetched: after a deploy the old chunk names are gone
 * (or the server is out of reach). The browsers word it differently.
 */
export function isChunkLoadError(err: unknown): boolean {
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  return /dynamically imported module|Importing a module script failed|ChunkLoadError|Loading chunk|module script/i.test(text);
}

/**
 * Reloads the app once for a failed chunk load (a new build has other file names); a second
 * failure within a minute is shown instead, so an unreachable server cannot cause a reload loop.
 */
export function reloadOnceForChunk(): boolean {
  const last = Number(sessionStorage.getItem(RELOADED_KEY) ?? 0);
  if (Date.now() - last < 60_000) return false;
  sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
  window.location.reload();
  return true;
}

/**
 * The error boundary of every route (issue 14): a Vietnamese message and a retry instead of the
 * router's English developer page.
 */
export function RouteError() {
  const err = useRouteError();
  const { t } = useI18n();
  const chunk = isChunkLoadError(err);
  if (chunk && reloadOnceForChunk()) return null;
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  const detail = isRouteErrorResponse(err) ? `${err.status} ${err.statusText}` : err instanceof Error ? err.message : '';
  return (
    <Result
      status="warning"
      data-testid="route-error"
      title={t(chunk ? 'error.chunkTitle' : 'error.routeTitle')}
      subTitle={
        <>
          <div>{t(offline ? 'error.routeOffline' : chunk ? 'error.chunkText' : 'error.routeText')}</div>
          {detail && !chunk ? <div className="hd-route-error-detail">{detail}</div> : null}
        </>
      }
      extra={
        <Space wrap>
          <Button type="primary" onClick={() => window.location.reload()} data-testid="route-error-reload">
            {t('error.reload')}
          </Button>
          <Button onClick={() => window.location.assign('/')}>{t('coming.back')}</Button>
        </Space>
      }
    />
  );
}
