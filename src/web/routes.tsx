/**
 * The route table: one line per page. The side navigation, the home page's capability cards
 * and the router are all derived from it. A route without `page` shows the "coming" placeholder;
 * add a capability by giving its line a `page` (use `lazyPage` for anything heavy).
 */
import { lazy, type ComponentType, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  CheckSquareOutlined,
  DatabaseOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  GlobalOutlined,
  HistoryOutlined,
  HomeOutlined,
  KeyOutlined,
  LinkOutlined,
  LineChartOutlined,
  MailOutlined,
  ProjectOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { SessionUser } from './api/types';
import { canDo, type Action } from './auth/permissions';
import type { MessageKey } from './i18n/vi';

/** Loads a page's code on first visit; `name` is the page's named export. */
export function lazyPage<M extends Record<string, ComponentType>>(load: () => Promise<M>, name: keyof M): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

export type NavGroupKey = 'admin';

export interface NavGroup {
  labelKey: MessageKey;
  icon: ReactNode;
}

export interface AppRoute {
  /** Absolute path, also the navigation key. */
  path: string;
  labelKey: MessageKey;
  descriptionKey?: MessageKey;
  icon: ReactNode;
  /** Omitted while the capability is being built: the route shows a "coming" placeholder. */
  page?: ComponentType;
  /** The policy action (core/auth/policy) a user needs to see it; everyone when omitted. */
  permission?: Action;
  group?: NavGroupKey;
}

export const navGroups: Record<NavGroupKey, NavGroup> = {
  admin: { labelKey: 'nav.admin', icon: <SettingOutlined /> },
};

export const appRoutes: readonly AppRoute[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, page: lazyPage(() => import('./pages/home/HomePage'), 'HomePage') },
  { path: '/tasks', labelKey: 'nav.tasks', descriptionKey: 'desc.tasks', icon: <CheckSquareOutlined />, permission: 'task.read', page: lazyPage(() => import('./pages/tasks/TasksPage'), 'TasksPage') },
  { path: '/documents', labelKey: 'nav.documents', descriptionKey: 'desc.documents', icon: <FileProtectOutlined />, permission: 'document.read', page: lazyPage(() => import('./pages/documents/DocumentsPage'), 'DocumentsPage') },
  { path: '/projects', labelKey: 'nav.projects', descriptionKey: 'desc.projects', icon: <ProjectOutlined />, permission: 'project.read', page: lazyPage(() => import('./pages/projects/ProjectsPage'), 'ProjectsPage') },
  { path: '/indicators', labelKey: 'nav.indicators', descriptionKey: 'desc.indicators', icon: <LineChartOutlined />, permission: 'indicator.read', page: lazyPage(() => import('./pages/indicators/IndicatorsPage'), 'IndicatorsPage') },
  { path: '/reports', labelKey: 'nav.reports', descriptionKey: 'desc.reports', icon: <FileTextOutlined />, permission: 'report.read', page: lazyPage(() => import('./pages/reports/ReportsPage'), 'ReportsPage') },
  { path: '/ioc', labelKey: 'nav.ioc', descriptionKey: 'desc.ioc', icon: <FundProjectionScreenOutlined />, permission: 'dashboard.read', page: lazyPage(() => import('./pages/ioc/IocPage'), 'IocPage') },
  { path: '/national', labelKey: 'nav.national', descriptionKey: 'desc.national', icon: <GlobalOutlined />, permission: 'national.read', page: lazyPage(() => import('./pages/national/NationalPage'), 'NationalPage') },
  { path: '/evaluation', labelKey: 'nav.evaluation', descriptionKey: 'desc.evaluation', icon: <TrophyOutlined />, permission: 'evaluation.read', page: lazyPage(() => import('./pages/evaluation/EvaluationPage'), 'EvaluationPage') },
  {
    path: '/admin/units',
    labelKey: 'nav.admin.units',
    descriptionKey: 'desc.admin.units',
    icon: <ApartmentOutlined />,
    group: 'admin',
    permission: 'unit.read',
    page: lazyPage(() => import('./pages/admin/units/UnitsPage'), 'UnitsPage'),
  },
  {
    path: '/admin/users',
    labelKey: 'nav.admin.users',
    descriptionKey: 'desc.admin.users',
    icon: <TeamOutlined />,
    group: 'admin',
    permission: 'user.read',
    page: lazyPage(() => import('./pages/admin/users/UsersPage'), 'UsersPage'),
  },
  {
    path: '/admin/audit',
    labelKey: 'nav.admin.audit',
    descriptionKey: 'desc.admin.audit',
    icon: <HistoryOutlined />,
    group: 'admin',
    permission: 'audit.read',
    page: lazyPage(() => import('./pages/admin/audit/AuditPage'), 'AuditPage'),
  },
  {
    path: '/admin/backups',
    labelKey: 'nav.admin.backups',
    descriptionKey: 'desc.admin.backups',
    icon: <DatabaseOutlined />,
    group: 'admin',
    permission: 'backup.manage',
    page: lazyPage(() => import('./pages/admin/backups/BackupsPage'), 'BackupsPage'),
  },
  { path: '/admin/api-tokens', labelKey: 'nav.admin.apiTokens', descriptionKey: 'desc.admin.apiTokens', icon: <KeyOutlined />, group: 'admin', permission: 'user.manage', page: lazyPage(() => import('./pages/admin/api-tokens/ApiTokensPage'), 'ApiTokensPage') },
  { path: '/admin/embeds', labelKey: 'nav.admin.embeds', descriptionKey: 'desc.admin.embeds', icon: <LinkOutlined />, group: 'admin', permission: 'embed.manage', page: lazyPage(() => import('./pages/admin/embeds/EmbedsPage'), 'EmbedsPage') },
  { path: '/admin/deliveries', labelKey: 'nav.admin.deliveries', descriptionKey: 'desc.admin.deliveries', icon: <MailOutlined />, group: 'admin', permission: 'delivery.manage', page: lazyPage(() => import('./pages/admin/deliveries/DeliveriesPage'), 'DeliveriesPage') },
  { path: '/admin/pipelines', labelKey: 'nav.admin.pipelines', descriptionKey: 'desc.admin.pipelines', icon: <ProjectOutlined />, group: 'admin', permission: 'pipeline.manage', page: lazyPage(() => import('./pages/projects/admin/PipelineTemplatesPage'), 'PipelineTemplatesPage') },
];

export function canSee(route: AppRoute, user: SessionUser): boolean {
  return !route.permission || canDo(user, route.permission);
}

/** The route whose path is the longest prefix of `pathname`: the navigation item to highlight. */
export function routeForPath(pathname: string): AppRoute | undefined {
  let best: AppRoute | undefined;
  for (const r of appRoutes) {
    const hit = r.path === '/' ? pathname === '/' : pathname === r.path || pathname.startsWith(`${r.path}/`);
    if (hit && (!best || r.path.length > best.path.length)) best = r;
  }
  return best;
}
