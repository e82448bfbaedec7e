import { In, type EntityManager } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { ContactPerson } from '../directory/entities/contact-person.entity';
import { ContactPoint } from '../directory/entities/contact-point.entity';
import type { CustomerRequest } from '../requests/entities/customer-request.entity';
import { cachedMany, type NotificationBatch } from './notification-batch';
import { PREFERENCE_COLUMNS, PREFERENCE_JOIN, rememberPreferences } from './channel-preferences';
import { QUEUE_MEMBERS_SQL } from '../queues/queue-access';
import { templateLanguageOf, type TemplateLanguage } from './template-variables';

export type RecipientRole = 'assignee' | 'queue' | 'manager' | 'customer' | 'user';

/** Someone a notification goes to: a user (mail and in-app) or the customer's contact person (mail only). */
export interface NotificationRecipient {
  userId: number | null;
  email: string | null;
  name: string;
  language: TemplateLanguage;
  timeZone: string;
  role: RecipientRole;
}

/** What mail to a user needs of them. */
export type KnownUser = Pick<User, 'id' | 'email' | 'name' | 'locale' | 'timeZone'>;

const fromUser = (user: KnownUser, role: RecipientRole): NotificationRecipient => ({ userId: user.id, email: user.email, name: user.name, language: templateLanguageOf(user.locale), timeZone: user.timeZone, role });

/** Active users, in the order of `ids`, each once. */
export async function usersAsRecipients(manager: EntityManager, ids: readonly number[], role: RecipientRole, cache?: NotificationBatch): Promise<NotificationRecipient[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const users = await cachedMany(cache, 'active-user', unique, async (missing) => new Map((await manager.find(User, { where: { id: In(missing), active: true } })).map((user) => [user.id, user])));
  return unique.flatMap((id) => {
    const user = users.get(id);
    return user ? [fromUser(user, role)] : [];
  });
}

/**
 * The active users of a queue (its members and its workgroups' members), by id. `preferencesFor`: the template
 * code about to be sent them, whose channel preferences are read in the same statement (see channel-preferences).
 */
export async function queueUsers(manager: EntityManager, queueId: number, preferencesFor?: string): Promise<KnownUser[]> {
  const preferences = preferencesFor === undefined ? { columns: '', join: '', parameters: [] } : { columns: `, ${PREFERENCE_COLUMNS}`, join: PREFERENCE_JOIN, parameters: [preferencesFor] };
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT u.id, u.email, u.name, u.locale, u.timeZone${preferences.columns} FROM users u ${preferences.join}
     WHERE u.active = 1 AND u.id IN (${QUEUE_MEMBERS_SQL}) ORDER BY u.id`,
    [...preferences.parameters, queueId, queueId],
  );
  if (preferencesFor !== undefined) rememberPreferences(manager, preferencesFor, rows);
  return rows.map((row) => ({ id: Number(row.id), email: row.email as string | null, name: row.name as string, locale: row.locale as string, timeZone: row.timeZone as string }));
}

/** The people who work the request: its assignee, or everyone active in its queue while nobody is assigned; to be sent template `code`. */
export async function staffOf(manager: EntityManager, request: Pick<CustomerRequest, 'assigneeId' | 'queueId'>, code: string): Promise<NotificationRecipient[]> {
  if (request.assigneeId !== null) return usersAsRecipients(manager, [request.assigneeId], 'assignee');
  return request.queueId === null ? [] : (await queueUsers(manager, request.queueId, code)).map((user) => fromUser(user, 'queue'));
}

/**
 * The customer's contact person, at their first e-mail address. Contact persons have no language of their
 * own; they are written to in the language of the operator who registered the request, who spoke with them.
 */
export async function customerOf(manager: EntityManager, request: Pick<CustomerRequest, 'contactPersonId' | 'createdById'>): Promise<NotificationRecipient[]> {
  if (request.contactPersonId === null) return [];
  const person = await manager.findOneBy(ContactPerson, { id: request.contactPersonId, active: true });
  const point = person ? await manager.findOne(ContactPoint, { where: { ownerType: 'person', ownerId: person.id, kind: 'email' }, order: { id: 'ASC' } }) : null;
  if (!person || !point) return [];
  const operator = request.createdById === null ? null : await manager.findOneBy(User, { id: request.createdById });
  return [{ userId: null, email: point.value, name: person.name, language: templateLanguageOf(operator?.locale), timeZone: operator?.timeZone ?? 'UTC', role: 'customer' }];
}

/**
 * A route's notify action names addresses: the users among them get their own language and in-app copy, the
 * others `fallback`'s language (asked only when someone is not a user). `known`: users the caller found the
 * addresses through, by lower-cased address; the rest are looked up.
 */
export async function addressesAsRecipients(manager: EntityManager, emails: readonly string[], fallback: () => Promise<TemplateLanguage>, known: ReadonlyMap<string, KnownUser> = new Map()): Promise<NotificationRecipient[]> {
  if (!emails.length) return [];
  const unknown = emails.filter((email) => !known.has(email.toLowerCase()));
  const found = unknown.length ? await manager.find(User, { where: { email: In(unknown), active: true } }) : [];
  let language: TemplateLanguage | undefined;
  const recipients: NotificationRecipient[] = [];
  for (const email of emails) {
    const user = known.get(email.toLowerCase()) ?? found.find((candidate) => candidate.email?.toLowerCase() === email.toLowerCase());
    recipients.push(user ? fromUser(user, 'user') : { userId: null, email, name: email, language: (language ??= await fallback()), timeZone: 'UTC', role: 'customer' });
  }
  return recipients;
}
