import { BookOutlined, QuestionCircleOutlined, BugOutlined, CloudSyncOutlined, ContactsOutlined, FieldTimeOutlined, MailOutlined, ReadOutlined, ToolOutlined } from '@ant-design/icons';
import { ApartmentOutlined, ApiOutlined, AuditOutlined, BarChartOutlined, BranchesOutlined, InboxOutlined, PhoneOutlined, SafetyCertificateOutlined, TeamOutlined, UnorderedListOutlined, UserOutlined, WarningOutlined } from '@ant-design/icons';
import { ComponentType, lazy, LazyExoticComponent, ReactNode } from 'react';
import type { Permission } from './auth/auth';
import type { MessageKey } from './i18n/en';

export type Section = 'design' | 'admin' | 'work' | 'manage';

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

export const SECTION_TITLES: Record<Section, MessageKey> = { design: 'nav.section.design', admin: 'nav.section.admin', work: 'nav.section.work', manage: 'nav.section.manage' };

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
  { path: 'workspace/contact', title: 'nav.contact', section: 'work', icon: <PhoneOutlined />, permission: 'requests.create', component: lazy(() => import('./pages/workspace/ContactPage')) },
  { path: 'workspace/requests', title: 'nav.requests', section: 'work', icon: <UnorderedListOutlined />, permission: 'requests.read', component: lazy(() => import('./pages/workspace/RequestsPage')) },
  { path: 'problems', title: 'nav.problems', section: 'work', icon: <BugOutlined />, permission: 'problems.manage', component: lazy(() => import('./pages/problems/ProblemsPage')) },
  { path: 'work-orders', title: 'nav.workOrders', section: 'work', icon: <ToolOutlined />, permission: 'work-orders.read', component: lazy(() => import('./pages/work-orders/WorkOrdersPage')) },
  { path: 'knowledge', title: 'nav.knowledge', section: 'manage', icon: <ReadOutlined />, permission: 'knowledge.manage', component: lazy(() => import('./pages/knowledge/KnowledgePage')) },
  { path: 'manager/breaches', title: 'nav.breaches', section: 'manage', icon: <WarningOutlined />, permission: 'sla.read', component: lazy(() => import('./pages/manager/BreachesPage')) },
  { path: 'manager/dashboard', title: 'nav.dashboard', section: 'manage', icon: <BarChartOutlined />, permission: 'reports.read', component: lazy(() => import('./pages/manager/DashboardPage')) },
  { path: 'design/dictionaries', title: 'nav.dictionaries', section: 'design', icon: <BookOutlined />, permission: 'dictionaries.manage', component: lazy(() => import('./pages/config/dictionaries/DictionariesPage')) },
  { path: 'design/sla', title: 'nav.sla', section: 'design', icon: <FieldTimeOutlined />, permission: 'sla.read', component: lazy(() => import('./pages/config/sla/SlaPage')) },
  { path: 'design/intake', title: 'nav.intake', section: 'design', icon: <ContactsOutlined />, permission: 'intake.configure', component: lazy(() => import('./pages/config/intake/IntakePage')) },
  { path: 'design/notification-templates', title: 'nav.notificationTemplates', section: 'design', icon: <MailOutlined />, permission: 'notifications.manage', component: lazy(() => import('./pages/config/notifications/TemplatesPage')) },
  { path: 'design/classification', title: 'nav.classification', section: 'design', icon: <QuestionCircleOutlined />, permission: 'topics.manage', component: lazy(() => import('./pages/design/classification/QuestionnairesPage')) },
  { path: 'design/config-transfer', title: 'nav.configTransfer', section: 'design', icon: <CloudSyncOutlined />, permission: 'config.transfer', component: lazy(() => import('./pages/config/transfer/TransferPage')) },
];
