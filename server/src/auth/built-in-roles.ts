import { ALL_PERMISSIONS, Permission } from './permissions';

export interface BuiltInRole {
  code: string;
  name: string;
  description: string;
  permissions: readonly Permission[];
}

/** The roles of the specification (§1). Later modules add their permissions to these lists. */
export const BUILT_IN_ROLES: readonly BuiltInRole[] = [
  { code: 'administrator', name: 'Administrator', description: 'Designs the configuration and manages users', permissions: ALL_PERMISSIONS },
  { code: 'operator', name: 'Operator', description: 'First line: registers contacts and requests', permissions: ['directory.read', 'directory.manage', 'queues.read', 'requests.create', 'requests.read', 'requests.work', 'work-orders.read', 'work-orders.update', 'problems.manage', 'knowledge.read'] },
  { code: 'specialist', name: 'Specialist', description: 'Second line: works requests from queues', permissions: ['directory.read', 'queues.read', 'sla.deadline', 'requests.read', 'requests.work', 'work-orders.read', 'work-orders.update', 'problems.manage', 'knowledge.read'] },
  { code: 'manager', name: 'Manager', description: 'Monitors queues and service levels', permissions: ['directory.read', 'audit.read', 'queues.read', 'sla.read', 'sla.deadline', 'requests.read', 'requests.read.all', 'reports.read', 'reports.manage', 'requests.archive', 'work-orders.read', 'problems.manage', 'knowledge.read'] },
  { code: 'analyst', name: 'Analyst', description: 'Reports and exports', permissions: ['directory.read', 'reports.read', 'reports.manage'] },
  { code: 'partner', name: 'Partner', description: "A partner organisation's staff: their work orders only", permissions: ['work-orders.read', 'work-orders.update'] },
  { code: 'customer', name: 'Customer', description: "A client's person using the portal: their company's requests only", permissions: ['portal.use'] },
];
