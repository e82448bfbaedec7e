/**
 * Every permission a role can grant. Each one guards at least one endpoint (a test enforces it),
 * so a permission listed here always means something.
 */
export const PERMISSIONS = {
  'users.manage': 'Create, edit and deactivate users and workgroups',
  'roles.manage': 'Define roles and the permissions they grant',
  'tokens.manage': 'Issue and revoke API tokens for external systems',
  'audit.read': 'Read the audit journal of every change',
  'queues.read': 'See queues, their members and administrators',
  'queues.manage': 'Create and configure queues and who works them',
  'topics.manage': 'Design topics, the topic tree, dynamic attributes, attribute groups and their bindings',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
