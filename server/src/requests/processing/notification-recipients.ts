import type { EntityManager } from 'typeorm';
import { queueUsers, type KnownUser } from '../../notifications/recipients';
import type { CustomerRequest } from '../entities/customer-request.entity';

/** An address a recipient names, with the user it belongs to when the recipient names users. */
interface Address {
  email: string;
  user: KnownUser | null;
}

/** `template`: the code about to be sent, whose channel preferences a resolver may read with the users. */
type Resolver = (manager: EntityManager, request: CustomerRequest, argument: string, template: string) => Promise<Address[]>;

const emails = async (manager: EntityManager, sql: string, parameters: unknown[]): Promise<Address[]> =>
  ((await manager.query(sql, parameters)) as { email: string | null }[]).flatMap((row) => (row.email ? [{ email: row.email, user: null }] : []));

/** Users' addresses, each with what mail to them needs (so it is not looked up again by address). */
const users = async (manager: EntityManager, sql: string, parameters: unknown[]): Promise<Address[]> =>
  ((await manager.query(sql, parameters)) as (KnownUser & { id: number | string })[]).map((row) => ({ email: row.email!, user: { ...row, id: Number(row.id) } }));

const ACTIVE_USER = 'u.active = 1 AND u.email IS NOT NULL';
const USER_COLUMNS = 'u.id, u.email, u.name, u.locale, u.timeZone';

/** One entry per recipient kind a route's notify action may name. */
const RESOLVERS: Record<string, Resolver> = {
  assignee: (manager, request) => (request.assigneeId === null ? Promise.resolve([]) : users(manager, `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ? AND ${ACTIVE_USER}`, [request.assigneeId])),
  queue: async (manager, request, _argument, template) => (request.queueId === null ? [] : (await queueUsers(manager, request.queueId, template)).flatMap((user) => (user.email ? [{ email: user.email, user }] : []))),
  client: (manager, request) => (request.clientId === null ? Promise.resolve([]) : emails(manager, "SELECT p.value AS email FROM contact_points p WHERE p.ownerType = 'client' AND p.ownerId = ? AND p.kind = 'email'", [request.clientId])),
  contact: (manager, request) =>
    request.contactPersonId === null ? Promise.resolve([]) : emails(manager, "SELECT p.value AS email FROM contact_points p WHERE p.ownerType = 'person' AND p.ownerId = ? AND p.kind = 'email'", [request.contactPersonId]),
  user: (manager, _request, login) => users(manager, `SELECT ${USER_COLUMNS} FROM users u WHERE u.login = ? AND ${ACTIVE_USER}`, [login]),
  group: (manager, _request, code) => users(manager, `SELECT ${USER_COLUMNS} FROM users u JOIN workgroup_members g ON g.userId = u.id JOIN workgroups w ON w.id = g.workgroupId WHERE w.code = ? AND ${ACTIVE_USER}`, [code]),
};

export interface ResolvedRecipients {
  emails: string[];
  /** The users among them, by lower-cased address. */
  users: Map<string, KnownUser>;
  /** Recipients that name nobody with an e-mail address (journalled, so a silent notification is visible). */
  unresolved: string[];
}

/** `assignee`, `queue`, `client`, `contact`, `user:<login>`, `group:<code>` → e-mail addresses, to be sent `template`. */
export async function resolveRecipients(manager: EntityManager, request: CustomerRequest, recipients: readonly string[], template: string): Promise<ResolvedRecipients> {
  const found = new Set<string>();
  const known = new Map<string, KnownUser>();
  const unresolved: string[] = [];
  for (const recipient of recipients) {
    const [kind, argument = ''] = recipient.includes(':') ? [recipient.slice(0, recipient.indexOf(':')), recipient.slice(recipient.indexOf(':') + 1)] : [recipient];
    const resolver = Object.hasOwn(RESOLVERS, kind) ? RESOLVERS[kind] : undefined;
    const addresses = resolver ? await resolver(manager, request, argument, template) : [];
    if (addresses.length === 0) unresolved.push(recipient);
    for (const { email, user } of addresses) {
      found.add(email.toLowerCase());
      if (user) known.set(email.toLowerCase(), user);
    }
  }
  return { emails: [...found], users: known, unresolved };
}
