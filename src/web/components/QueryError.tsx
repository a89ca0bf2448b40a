import { Alert, Button } from 'antd';
import { ApiError, NETWORK_ERROR } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import type { Translate } from '../i18n/translate';

/** The message to show a person for a failed request: the server's own Vietnamese text when it sent one. */
export function errorText(err: unknown, t: Translate): string {
  if (err instanceof ApiError) {
    if (err.code === NETWORK_ERROR) return t('error.network');
    if (err.status === 403 && !err.message) return t('error.forbidden');
    if (err.code.startsWith('HTTP_')) return err.status === 403 ? t('error.forbidden') : t('error.unexpected');
    return err.message;
  }
  return t('error.unexpected');
}

/** A failed query, in place of the content it would have shown, with a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t('error.title')}
      description={errorText(error, t)}
      action={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
