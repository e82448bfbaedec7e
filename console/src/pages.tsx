import { ApartmentOutlined, ApiOutlined, AuditOutlined, BranchesOutlined, InboxOutlined, SafetyCertificateOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { ComponentType, lazy, LazyExoticComponent, ReactNode } from 'react';
import type { Permission } from './auth/auth';
import type { MessageKey } from './i18n/en';

export type Section = 'design' | 'admin';

export interface ConsolePage {
  /** Under `/`, without a leading slash. */
  path: string;
  title: MessageKey;
  section: Section;
  icon: ReactNode;
  /** Hidden from the menu, and refused, without it. */
  permission: Permission;
  /** Loaded on first visit, so one area's code (bpmn-js for the modeller) never weighs on another. */
  component: LazyExoticComponent<ComponentType>;
}

export const SECTION_TITLES: Record<Section, MessageKey> = { design: 'nav.section.design', admin: 'nav.section.admin' };

/** Every page of the console: one entry here is its route and its menu item. */
export const PAGES: ConsolePage[] = [
  { path: 'design/topics', title: 'nav.topics', section: 'design', icon: <ApartmentOutlined />, permission: 'topics.manage', component: lazy(() => import('./pages/admin/topics/TopicsPage')) },
  { path: 'design/routes', title: 'nav.routes', section: 'design', icon: <BranchesOutlined />, permission: 'routes.manage', component: lazy(() => import('./pages/design/routes/RoutesPage')) },
  { path: 'admin/queues', title: 'nav.queues', section: 'admin', icon: <InboxOutlined />, permission: 'queues.read', component: lazy(() => import('./pages/admin/queues/QueuesPage')) },
  { path: 'admin/users', title: 'nav.users', section: 'admin', icon: <UserOutlined />, permission: 'users.manage', component: lazy(() => import('./pages/admin/users/UsersPage')) },
  { path: 'admin/roles', title: 'nav.roles', section: 'admin', icon: <SafetyCertificateOutlined />, permission: 'roles.manage', component: lazy(() => import('./pages/admin/roles/RolesPage')) },
  { path: 'admin/workgroups', title: 'nav.workgroups', section: 'admin', icon: <TeamOutlined />, permission: 'users.manage', component: lazy(() => import('./pages/admin/workgroups/WorkgroupsPage')) },
  { path: 'admin/tokens', title: 'nav.tokens', section: 'admin', icon: <ApiOutlined />, permission: 'tokens.manage', component: lazy(() => import('./pages/admin/tokens/TokensPage')) },
  { path: 'admin/audit', title: 'nav.audit', section: 'admin', icon: <AuditOutlined />, permission: 'audit.read', component: lazy(() => import('./pages/admin/audit/AuditPage')) },
];
