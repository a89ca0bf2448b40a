import { Suspense, useEffect, useMemo, useState } from 'react';
import { Avatar, Button, Drawer, Grid, Layout, Menu, Spin, Tooltip, type MenuProps } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { logout } from '../api/auth';
import type { SessionUser } from '../api/types';
import { resetSessionCache, useCurrentUser } from '../auth/session';
import { useI18n } from '../i18n/I18nProvider';
import { roleKey } from '../i18n/labels';
import type { Translate } from '../i18n/translate';
import { appRoutes, canSee, navGroups, routeForPath, type NavGroupKey } from '../routes';
import { LanguageToggle } from './LanguageToggle';
import { LighthouseIcon } from './LighthouseIcon';
import { GlobalSearch } from './GlobalSearch';
import { NotificationBell } from './NotificationBell';
import { SessionWatch } from './SessionWatch';
import { OfflineBar } from './OfflineBar';

type MenuItem = Required<MenuProps>['items'][number];

function menuItems(user: SessionUser, t: Translate): MenuItem[] {
  const items: MenuItem[] = [];
  const groups = new Map<NavGroupKey, MenuItem[]>();
  for (const route of appRoutes) {
    if (!canSee(route, user)) continue;
    const item: MenuItem = { key: route.path, icon: route.icon, label: <Link to={route.path}>{t(route.labelKey)}</Link> };
    if (!route.group) {
      items.push(item);
      continue;
    }
    const children = groups.get(route.group);
    if (children) {
      children.push(item);
      continue;
    }
    const created = [item];
    groups.set(route.group, created);
    const g = navGroups[route.group];
    items.push({ key: `group:${route.group}`, icon: g.icon, label: t(g.labelKey), children: created });
  }
  return items;
}

/** Two letters for the avatar: initials of the last two words of a Vietnamese name, remarks like "(mẫu)" left out. */
function initials(fullName: string): string {
  const words = fullName.replace(/\([^)]*\)/g, ' ').trim().split(/\s+/);
  return words
    .slice(-2)
    .map((w) => w.charAt(0))
    .join('')
    .toUpperCase();
}

/** Header (brand, user, language, logout), side navigation and the page. */
export function AppLayout() {
  const user = useCurrentUser();
  const { t, lang } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Below 768 px (a phone) the navigation is a drawer: a rail would take a fifth of the width.
  const phone = Grid.useBreakpoint().md === false;

  const current = routeForPath(location.pathname);
  const items = useMemo(() => menuItems(user, t), [user, t]);
  const openGroup = current?.group ? [`group:${current.group}`] : [];

  useEffect(() => setDrawerOpen(false), [location.pathname]);

  useEffect(() => {
    document.title = current ? `${t(current.labelKey)} — ${t('app.name')}` : t('app.name');
  }, [current, t, lang]);

  const onLogout = async () => {
    try {
      await logout();
    } catch {
      // The session is dropped on this side either way.
    }
    navigate('/login', { replace: true });
    resetSessionCache(queryClient, null);
    // The offline copy of what this person saw is theirs alone (public/sw.js).
    navigator.serviceWorker?.controller?.postMessage('clear-api');
  };

  const menu = (
    <Menu
      className="hd-menu"
      mode="inline"
      selectedKeys={current ? [current.path] : []}
      defaultOpenKeys={['group:admin', ...openGroup]}
      items={items}
    />
  );

  return (
    <Layout className="hd-shell">
      <SessionWatch />
      <Layout.Header className="hd-header">
        {phone ? (
          <Button
            className="hd-nav-open"
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.open')}
            data-testid="nav-open"
            onClick={() => setDrawerOpen(true)}
          />
        ) : null}
        <Link to="/" className="hd-brand" aria-label={t('app.name')}>
          <LighthouseIcon size={38} />
          <span className="hd-brand-text">
            <span className="hd-brand-name">{t('app.name')}</span>
            <span className="hd-brand-tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <div className="hd-header-right">
          <GlobalSearch />
          <LanguageToggle className="hd-lang" />
          <NotificationBell />
          <div className="hd-user" data-testid="current-user">
            <Avatar className="hd-avatar">{initials(user.fullName)}</Avatar>
            <span className="hd-user-text">
              <span className="hd-user-name">{user.fullName}</span>
              <span className="hd-user-meta">
                {user.unitName} · {t(roleKey(user.role))}
              </span>
            </span>
          </div>
          <Tooltip title={t('header.logout')}>
            <Button className="hd-logout" icon={<LogoutOutlined />} onClick={() => void onLogout()}>
              <span className="hd-logout-text">{t('header.logout')}</span>
            </Button>
          </Tooltip>
        </div>
      </Layout.Header>
      <Layout>
        {phone ? (
          <Drawer
            className="hd-nav-drawer"
            placement="left"
            size={280}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={t('app.name')}
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        ) : (
          <Layout.Sider
            className="hd-sider"
            theme="light"
            width={232}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
          >
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="hd-content">
          <OfflineBar />
          <Suspense
            fallback={
              <div className="hd-center">
                <Spin size="large" />
              </div>
            }
          >
            <Outlet />
          </Suspense>
          <footer className="hd-footer">{t('app.footer')}</footer>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
