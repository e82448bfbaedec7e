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
  'intake.configure': 'Define contact places, place kinds, channels, directions, contact templates and the mailboxes e-mail intake reads',
  'requests.create': 'Register contacts and the requests inside them',
  'requests.read': 'See the requests of the queues one belongs to: lists, counts, cards',
  'requests.read.all': 'See the requests of every queue, not only of the queues one belongs to',
  'requests.work': 'Work the requests of the queues one belongs to: transitions, hand-offs, assignment, attributes, discussions',
  'reports.read': 'See the dashboard and run and export reports, over the requests of the queues one may read',
  'reports.manage': 'Define own reports (stored as data) and schedule reports by e-mail, run with one\'s own permissions',
  'requests.archive': 'Restore archived requests to the live lists',
  'work-orders.read': "See work orders: of the requests one may read, or (a partner's user) only one's own organisation's",
  'work-orders.update': "Move work orders through their statuses (a partner's user: only one's own organisation's)",
  'notifications.manage': 'Edit notification templates: the subject and bodies of every notification mail and in-app notification, per event and language',
  'problems.manage': 'Record problems and mass problems, link requests to them, publish solutions and workarounds, resolve and reopen them with their requests',
  'portal.use': "Use the customer portal: submit requests and follow, comment, confirm or reject those of one's own company",
  'knowledge.read': 'Search and read knowledge base articles, internal ones included',
  'knowledge.manage': 'Write, publish and retire knowledge base articles',
  'config.transfer': 'Export the whole configuration as one file and import such a file (dry run first), e.g. from a test installation into production',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

/** All that a user bound to a partner organisation may do, whatever their roles grant: nothing of requests. */
export const PARTNER_PERMISSIONS: readonly Permission[] = ['work-orders.read', 'work-orders.update'];

/** All that a customer's user (bound to a client) may do, whatever their roles grant: the portal only. */
export const CUSTOMER_PERMISSIONS: readonly Permission[] = ['portal.use'];
