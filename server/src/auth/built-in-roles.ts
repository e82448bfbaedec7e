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
  { code: 'operator', name: 'Operator', description: 'First line: registers contacts and requests', permissions: ['directory.read', 'directory.manage', 'queues.read', 'requests.create', 'requests.read', 'requests.work'] },
  { code: 'specialist', name: 'Specialist', description: 'Second line: works requests from queues', permissions: ['directory.read', 'queues.read', 'sla.deadline', 'requests.read', 'requests.work'] },
  { code: 'manager', name: 'Manager', description: 'Monitors queues and service levels', permissions: ['directory.read', 'audit.read', 'queues.read', 'sla.read', 'sla.deadline', 'requests.read', 'requests.read.all'] },
  { code: 'analyst', name: 'Analyst', description: 'Reports and exports', permissions: ['directory.read'] },
];
