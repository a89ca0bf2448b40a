import { useEffect, useState } from 'react';
import { Button, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { SESSION_KEY } from '../api/auth';
import { api, lastServerContact } from '../api/client';
import type { Session } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';

/** The server refreshes a session's last use at most once a minute: count from a minute earlier. */
const SERVER_SLACK_MS = 60_000;
const WARN_BEFORE_MS = 2 * 60_000;

/**
 * Warns two minutes before an idle session ends (issue 14) and keeps it with one click. What is
 * being typed is kept as a draft either way (lib/drafts), so an expiry loses nothing.
 */
export function SessionWatch() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const idleMinutes = qc.getQueryData<Session | null>(SESSION_KEY)?.idleMinutes;
  const [left, setLeft] = useState<number | null>(null);

  useEffect(() => {
    if (!idleMinutes) return;
    const tick = () => {
      const ms = lastServerContact() + idleMinutes * 60_000 - SERVER_SLACK_MS - Date.now();
      setLeft(ms <= WARN_BEFORE_MS && ms > 0 ? Math.ceil(ms / 1000) : null);
    };
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [idleMinutes]);

  const keep = () => {
    void api.get('/api/me').then(() => setLeft(null), () => undefined);
  };

  return (
    <Modal
      open={left !== null}
      title={t('session.expiringTitle')}
      closable={false}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={keep} data-testid="session-keep">
          {t('session.keep')}
        </Button>
      }
      data-testid="session-warning"
    >
      <p>{t('session.expiringText', { s: left ?? 0 })}</p>
    </Modal>
  );
}
