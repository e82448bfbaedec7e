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
  { code: 'operator', name: 'Operator', description: 'First line: registers contacts and requests', permissions: ['queues.read'] },
  { code: 'specialist', name: 'Specialist', description: 'Second line: works requests from queues', permissions: ['queues.read'] },
  { code: 'manager', name: 'Manager', description: 'Monitors queues and service levels', permissions: ['audit.read', 'queues.read'] },
  { code: 'analyst', name: 'Analyst', description: 'Reports and exports', permissions: [] },
];
