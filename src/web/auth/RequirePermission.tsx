import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { canDo, type Action } from './permissions';
import { useCurrentUser } from './session';

/** Spares users a page of errors they cannot act on; the server enforces access regardless. */
export function RequirePermission({ permission, children }: { permission?: Action; children: ReactNode }) {
  const user = useCurrentUser();
  const { t } = useI18n();
  if (permission && !canDo(user, permission)) return <Result status="403" title="403" subTitle={t('error.forbidden')} />;
  return <>{children}</>;
}
