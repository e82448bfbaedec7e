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
  'dictionaries.manage': 'Define dictionaries, external dictionaries and dynamic queries',
  'directory.read': 'Find and view clients, contact persons, partners and prospects',
  'directory.manage': 'Create and edit clients, contact persons, partners and prospects',
  'routes.manage': 'Design routes (workflows) in BPMN, validate, simulate and publish versions, and migrate in-flight requests between versions',
  'sla.read': 'See business calendars, SLA policies, request deadlines with their explanation, what-if results and breaches',
  'sla.manage': 'Define business calendars and SLA policies',
  'sla.deadline': "Change one request's deadline with a reason (managers for any request, others in queues they administer)",
  'intake.configure': 'Define contact places, place kinds, channels, directions and contact templates',
  'requests.create': 'Register contacts and the requests inside them',
  'requests.read': 'See the requests of the queues one belongs to: lists, counts, cards',
  'requests.read.all': 'See the requests of every queue, not only of the queues one belongs to',
  'requests.work': 'Work the requests of the queues one belongs to: transitions, hand-offs, assignment, attributes, discussions',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
