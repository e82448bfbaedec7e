import type { EntityManager } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { STATUS_RESOLVED } from '../requests/domain/route-outcome';
import type { CustomerRequest } from '../requests/entities/customer-request.entity';
import { clockName, deadlineText } from '../sla/breach-mail';
import { DEFAULT_TEMPLATES, type TemplateText } from './default-templates';
import { NotificationTemplate } from './entities/notification-template.entity';
import { Notification } from './entities/notification.entity';
import { cached, insertInApp, type NotificationBatch } from './notification-batch';
import { preferencesOf } from './channel-preferences';
import { enqueueMails, messageIdFor, type OutgoingMail } from './outbox';
import { addressesAsRecipients, customerOf, staffOf, usersAsRecipients, type KnownUser, type NotificationRecipient } from './recipients';
import { requestFacts, type NotifiedRequest, type RequestFacts } from './request-facts';
import { renderTemplate, type TemplateContext } from './template-renderer';
import { isNotificationEvent, templateLanguageOf, type NotificationEventType, type TemplateLanguage } from './template-variables';
import { cachedConfiguration } from '../database/configuration-cache';

export interface NotificationEvent {
  type: NotificationEventType;
  requestId: number;
  /** Tells repeated events of one type on one request apart (a request version, a comment id, the SLA timer that fired); none for once-only events. */
  key?: string;
  /** Who caused it: not told about their own doing, and named as `actor.name`. */
  actorId?: number | null;
  /** The actor's name when the caller knows it (then it is not read). */
  actorName?: string;
  previousStatus?: string;
  comment?: { text: string; author: string; discussion: string; customerVisible: boolean };
  /** A resolved request: the known solution (of its problem) and when it closes without an answer. */
  resolved?: { solution: { problem: string; text: string } | null; autoCloseAt: Date };
  /** SLA events name their recipients (the escalation chain) themselves. */
  sla?: { clock: string; deadline: Date; recipients: NotificationRecipient[] };
  /** The request's row as the caller holds it, current in its transaction: then it is not read again. */
  request?: NotifiedRequest;
}

/** The events the customer's contact person hears of (comments only in discussions the customer sees). */
const CUSTOMER_EVENTS = new Set<NotificationEventType>(['request.created', 'request.resolved', 'request.closed']);

export const eventKeyOf = (event: Pick<NotificationEvent, 'type' | 'requestId' | 'key'>) => `request:${event.requestId}:${event.type}${event.key ? `:${event.key}` : ''}`;

async function recipientsOf(manager: EntityManager, event: NotificationEvent, request: NotifiedRequest, cache?: NotificationBatch): Promise<NotificationRecipient[]> {
  if (event.sla) return event.sla.recipients;
  const staff = event.type === 'request.assigned' ? (request.assigneeId === null ? [] : await usersAsRecipients(manager, [request.assigneeId], 'assignee', cache)) : await staffOf(manager, request, event.type);
  const others = staff.filter((recipient) => recipient.userId !== (event.actorId ?? null));
  const customerFacing = CUSTOMER_EVENTS.has(event.type) || (event.type === 'comment.added' && event.comment?.customerVisible === true);
  return customerFacing ? [...others, ...(await customerOf(manager, request))] : others;
}

/** The template of one code in each language: an edited row wins, a switched-off row sends nothing, a missing row falls back to the built-in words. */
export async function templatesFor(manager: EntityManager, code: string): Promise<(language: TemplateLanguage) => TemplateText | null> {
  const all = await cachedConfiguration(manager, 'notificationTemplates', () => manager.find(NotificationTemplate, { order: { id: 'ASC' } }));
  const rows = all.filter((row) => row.code === code);
  const builtIn = isNotificationEvent(code) ? DEFAULT_TEMPLATES[code] : null;
  const inLanguage = (language: TemplateLanguage): TemplateText | null | undefined => {
    const row = rows.find((candidate) => candidate.language === language);
    if (row) return row.active ? row : null;
    return builtIn?.[language];
  };
  return (language) => {
    const own = inLanguage(language);
    if (own !== undefined) return own;
    return inLanguage('en') ?? rows.find((row) => row.active) ?? null;
  };
}


interface Delivery {
  /** The template code; also the key of the recipients' channel preferences. */
  code: string;
  eventKey: string;
  facts: RequestFacts;
  recipients: NotificationRecipient[];
  context: (recipient: NotificationRecipient) => TemplateContext;
  /** When no template of the code exists at all (a route naming one nobody wrote). */
  fallback?: TemplateText;
}

async function deliver(manager: EntityManager, delivery: Delivery, now: Date, mailDomain: string, cache?: NotificationBatch): Promise<void> {
  const { facts, eventKey, code } = delivery;
  const template = await cached(cache, `templates:${code}`, () => templatesFor(manager, code));
  const userIds = delivery.recipients.map((recipient) => recipient.userId).filter((id): id is number => id !== null);
  const preferences = await preferencesOf(manager, code, userIds, cache);
  const threadRoot = eventKeyOf({ type: 'request.created', requestId: facts.row.id });
  const seen = new Set<string>();
  const mails: OutgoingMail[] = [];
  const inApp: Partial<Notification>[] = [];
  for (const recipient of delivery.recipients) {
    const identity = recipient.userId === null ? `mail:${recipient.email?.toLowerCase()}` : `user:${recipient.userId}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    const words = template(recipient.language) ?? delivery.fallback;
    if (!words) continue;
    const context = delivery.context(recipient);
    const subject = renderTemplate(words.subject, context, 'line');
    // The mail's text is also the in-app body.
    const text = renderTemplate(words.text, context, 'text');
    const preference = recipient.userId === null ? undefined : preferences.get(recipient.userId);
    if (recipient.email && (preference?.email ?? true)) {
      const references = eventKey === threadRoot ? [] : [messageIdFor(threadRoot, recipient.email.toLowerCase(), mailDomain)];
      mails.push({ eventKey, recipient: recipient.email, subject, text, html: renderTemplate(words.html, context, 'html'), references });
    }
    if (recipient.userId !== null && (preference?.inApp ?? true)) {
      inApp.push({ userId: recipient.userId, event: code.slice(0, 64), eventKey, requestId: facts.row.id, title: subject.slice(0, 255), body: text, readAt: null, createdAt: now });
    }
  }
  if (cache) return cache.write(mails, inApp);
  await enqueueMails(manager, mails, now, mailDomain);
  await insertInApp(manager, inApp);
}

function baseContext(facts: RequestFacts, event: string, recipient: NotificationRecipient, actorName: string): TemplateContext {
  return {
    event,
    request: facts.variables,
    attributes: facts.attributes,
    recipient: { name: recipient.name, email: recipient.email ?? '', role: recipient.role, isAssignee: recipient.role === 'assignee', isManager: recipient.role === 'manager', isCustomer: recipient.role === 'customer' },
    actor: { name: actorName },
  };
}

async function actorName(manager: EntityManager, { actorId, actorName: known }: NotificationEvent, cache?: NotificationBatch): Promise<string> {
  if (actorId === null || actorId === undefined) return '';
  if (known !== undefined) return known;
  return cached(cache, `name:User:${actorId}`, async () => (await manager.findOne(User, { where: { id: actorId }, select: { id: true, name: true } }))?.name ?? '');
}

/**
 * Tells everyone concerned about one request event, in the event's transaction: a mail in the outbox and an
 * in-app notification per recipient, in their language, as their preferences allow. The event key makes each
 * (event, recipient) happen at most once however often the event is replayed. Free of Nest, so the SLA
 * handlers and the route runner call it directly. Many events in one transaction (a batch of timers) pass
 * one `cache`, so what they share is read once and their rows are written together when it is flushed.
 */
export async function dispatchNotification(manager: EntityManager, event: NotificationEvent, now: Date, mailDomain: string, cache?: NotificationBatch): Promise<void> {
  const facts = await requestFacts(manager, event.requestId, cache, event.request);
  if (!facts) return;
  const recipients = await recipientsOf(manager, event, facts.row, cache);
  if (!recipients.length) return;
  const actor = await actorName(manager, event, cache);
  const request = { ...facts.variables, previousStatus: event.previousStatus ?? '' };
  await deliver(
    manager,
    {
      code: event.type,
      eventKey: eventKeyOf(event),
      facts,
      recipients,
      context: (recipient) => ({
        ...baseContext(facts, event.type, recipient, actor),
        request,
        comment: event.comment ?? {},
        ...(event.resolved ? { solution: event.resolved.solution ?? {}, autoCloseAt: deadlineText(event.resolved.autoCloseAt, recipient.timeZone) } : {}),
        ...(event.sla ? { deadline: deadlineText(event.sla.deadline, recipient.timeZone), clock: { code: event.sla.clock, name: clockName(recipient.language, event.sla.clock) } } : {}),
      }),
    },
    now,
    mailDomain,
    cache,
  );
}

export type RequestState = Pick<CustomerRequest, 'id' | 'assigneeId' | 'status' | 'isOpen' | 'version'>;

/**
 * After a change to a request row: a new assignee, a new status, resolution or closure, each told once per request
 * version. An `after` holding the whole row, current in the transaction, is not read again; nor is a named actor.
 */
export async function notifyRequestChanged(manager: EntityManager, before: RequestState, after: RequestState | CustomerRequest, actor: { userId: number; name?: string } | null, now: Date, mailDomain: string): Promise<void> {
  const common = { requestId: after.id, key: String(after.version), actorId: actor?.userId ?? null, actorName: actor?.name, request: 'number' in after ? after : undefined };
  if (after.assigneeId !== null && after.assigneeId !== before.assigneeId) await dispatchNotification(manager, { ...common, type: 'request.assigned' }, now, mailDomain);
  if (before.isOpen && !after.isOpen) await dispatchNotification(manager, { ...common, type: 'request.closed', previousStatus: before.status }, now, mailDomain);
  // Resolution is told by the closure step (requests/closure/awaiting-confirmation.ts), which knows the solution and the auto-close time.
  else if (after.status !== before.status && after.status !== STATUS_RESOLVED) await dispatchNotification(manager, { ...common, type: 'request.status_changed', previousStatus: before.status }, now, mailDomain);
}

export interface RouteNotice {
  request: CustomerRequest;
  /** The template code the route's notify action names. */
  template: string;
  /** The route event (enter, leave, transition, …). */
  event: string;
  emails: string[];
  /** The users among the addresses, by lower-cased address, when the caller found them. */
  users?: ReadonlyMap<string, KnownUser>;
  eventKey: string;
}

/** A route's notify action: the addresses it resolved, told through the template it names. */
export async function dispatchRouteNotice(manager: EntityManager, notice: RouteNotice, now: Date, mailDomain: string): Promise<void> {
  const facts = await requestFacts(manager, notice.request.id, undefined, notice.request);
  if (!facts || !notice.emails.length) return;
  // Addresses of no user are written to in the language of the operator who registered the request.
  const operatorLanguage = async () => templateLanguageOf(notice.request.createdById === null ? undefined : (await manager.findOneBy(User, { id: notice.request.createdById }))?.locale);
  const recipients = await addressesAsRecipients(manager, notice.emails, operatorLanguage, notice.users);
  // Braces dropped: the names become template text, and must not read as tags.
  const [name, on] = [notice.template, notice.event].map((text) => text.replace(/[{}<>&]/g, ''));
  const fallback: TemplateText = { name, subject: `[{{request.number}}] ${name}: {{request.subject}}`, text: `Request {{request.number}} (${on}): {{request.subject}}`, html: `<p>Request {{request.number}} (${on}): {{request.subject}}</p>` };
  await deliver(manager, { code: notice.template, eventKey: notice.eventKey, facts, recipients, context: (recipient) => baseContext(facts, notice.event, recipient, ''), fallback }, now, mailDomain);
}
