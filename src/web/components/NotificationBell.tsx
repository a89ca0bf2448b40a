import { useState } from 'react';
import { Badge, Button, Empty, Popover } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { TNotification } from '../../contracts/notifications';
import { useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications';
import { useI18n } from '../i18n/I18nProvider';

/** 2026-11-20T02:00:00Z → "09:00 20/11" in Vietnam time. */
function when(iso: string): string {
  const v = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${v.slice(11, 16)} ${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}`;
}

/** The list of notifications: each opens its object and counts as read; used by the bell and the home page. */
export function NotificationList({ items, onOpen }: { items: readonly TNotification[]; onOpen?: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} />;
  return (
    <ul className="hd-notes" data-testid="notification-list">
      {items.map((n) => (
        <li key={n.id} className={n.readAt ? 'hd-note' : 'hd-note hd-note-unread'}>
          <button
            type="button"
            onClick={() => {
              if (!n.readAt) markRead.mutate(n.id);
              onOpen?.();
              if (n.link) navigate(n.link);
            }}
          >
            <span className="hd-note-title">{n.title}</span>
            <span className="hd-note-body">{n.body}</span>
            <span className="hd-note-when">{when(n.createdAt)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The header's bell: unread count, the latest notifications, mark all read. */
export function NotificationBell() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const list = useNotifications();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;
  const content = (
    <div className="hd-bell-panel">
      <div className="hd-bell-head">
        <b>{t('bell.title')}</b>
        {unread > 0 ? (
          <Button size="small" type="link" onClick={() => markAll.mutate()} data-testid="bell-read-all">
            {t('bell.readAll')}
          </Button>
        ) : null}
      </div>
      <NotificationList items={list.data?.items ?? []} onOpen={() => setOpen(false)} />
    </div>
  );
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={unread} size="small" overflowCount={99} data-testid="bell-count">
        <Button className="hd-bell" type="text" icon={<BellOutlined />} aria-label={t('bell.aria', { n: unread })} data-testid="bell" />
      </Badge>
    </Popover>
  );
}
