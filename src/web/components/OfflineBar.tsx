import { useEffect, useState, useSyncExternalStore } from 'react';
import { Alert, Button, Popover, Space, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { dropItem, flushOutbox, onOutboxChange, outboxItems, resendOnCurrentVersion, type OutboxItem } from '../api/outbox';
import { useI18n } from '../i18n/I18nProvider';

let snapshot = JSON.stringify(outboxItems());
function subscribe(listener: () => void) {
  return onOutboxChange(() => {
    snapshot = JSON.stringify(outboxItems());
    listener();
  });
}

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

function QueueList({ items }: { items: OutboxItem[] }) {
  const { t } = useI18n();
  return (
    <ul className="hd-outbox" data-testid="outbox-list">
      {items.map((i) => (
        <li key={i.id}>
          <div>{i.label}</div>
          {i.state === 'conflict' ? (
            <div className="hd-outbox-conflict">
              <Tag color="orange">{t('offline.conflict')}</Tag>
              {t('offline.conflictText', { server: i.server ?? '—' })}
              <Space style={{ marginTop: 4 }}>
                <Button size="small" type="primary" onClick={() => void resendOnCurrentVersion(i.id, /^\/api\/tasks\/[^/]+/.exec(i.path)?.[0] ?? i.path)}>
                  {t('offline.resend')}
                </Button>
                <Button size="small" danger onClick={() => dropItem(i.id)}>
                  {t('offline.drop')}
                </Button>
              </Space>
            </div>
          ) : i.state === 'failed' ? (
            <div className="hd-outbox-conflict">
              <Tag color="red">{i.error}</Tag>
              <Button size="small" danger onClick={() => dropItem(i.id)}>
                {t('offline.drop')}
              </Button>
            </div>
          ) : (
            <Tag>{t('offline.pending')}</Tag>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Đang ngoại tuyến" and the queue of writes waiting for the network (issue 14). The queue is
 * sent when the browser comes back online, and at start when it is online.
 */
export function OfflineBar() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const online = useOnline();
  const items = JSON.parse(useSyncExternalStore(subscribe, () => snapshot)) as OutboxItem[];

  useEffect(() => {
    if (!online) return;
    void flushOutbox().then((sent) => {
      if (sent > 0) void qc.invalidateQueries();
    });
  }, [online, qc]);

  if (online && items.length === 0) return null;
  const queue =
    items.length > 0 ? (
      <Popover content={<QueueList items={items} />} trigger="click" title={t('offline.queueTitle')}>
        <Button size="small" data-testid="outbox-count">
          {t('offline.queued', { n: items.length })}
        </Button>
      </Popover>
    ) : null;
  return (
    <Alert
      className="hd-offline"
      banner
      type={online ? 'info' : 'warning'}
      data-testid={online ? 'outbox-bar' : 'offline-bar'}
      title={online ? t('offline.sending') : t('offline.title')}
      description={online ? undefined : t('offline.text')}
      action={queue}
    />
  );
}
