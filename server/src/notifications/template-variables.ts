/** The events Docket notifies about and the variables their templates may use. Pure. */

export const NOTIFICATION_EVENTS = ['request.created', 'request.assigned', 'request.status_changed', 'comment.added', 'sla.warning', 'sla.breach', 'request.resolved', 'request.closed'] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENTS)[number];

export const TEMPLATE_LANGUAGES = ['en', 'ru'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export const CHANNELS = ['email', 'inApp'] as const;

export function isNotificationEvent(value: string): value is NotificationEventType {
  return (NOTIFICATION_EVENTS as readonly string[]).includes(value);
}

/** `ru`, `ru-RU` → ru; anything else → en. */
export function templateLanguageOf(locale: string | null | undefined): TemplateLanguage {
  return (locale ?? '').slice(0, 2).toLowerCase() === 'ru' ? 'ru' : 'en';
}

/**
 * Every template sees every variable; one an event does not have renders empty (and a section over it is
 * skipped), so one template shape fits all events and a route's own templates alike.
 */
export const TEMPLATE_VARIABLES: Record<string, string> = {
  event: 'the event code, e.g. request.assigned',
  'request.id': 'the request id',
  'request.number': 'the request number, e.g. REQ-2026-000042',
  'request.subject': 'the subject line',
  'request.status': 'the current status code',
  'request.previousStatus': 'the status before this change (status events)',
  'request.priority': 'priority, 1 is the highest',
  'request.type': 'incident, service request, …',
  'request.queue': 'the name of the queue',
  'request.assignee': 'the name of the assignee',
  'request.resolution': 'the resolution of a closed request',
  'request.client': 'the client name',
  'request.contactPerson': 'the name of the customer contact person',
  'recipient.name': 'who receives this notification',
  'recipient.email': 'their e-mail address',
  'recipient.role': 'assignee, queue, manager, customer or user',
  'recipient.isAssignee': 'true for the assignee',
  'recipient.isManager': 'true for a manager up the workgroup chain (SLA events)',
  'recipient.isCustomer': 'true for the customer contact person',
  'actor.name': 'who caused the event (empty for the system)',
  deadline: "the SLA deadline, in the recipient's time zone (SLA events)",
  'clock.code': 'reaction, resolution or step:<id> (SLA events)',
  'clock.name': "the clock's name in the recipient's language (SLA events)",
  'comment.text': 'the comment as plain text (comment events)',
  'comment.author': 'who wrote the comment',
  'comment.discussion': 'the title of the discussion',
  'solution.problem': 'the number of the problem whose known solution resolved the request (resolved events)',
  'solution.text': 'that known solution (or workaround) as plain text',
  autoCloseAt: "when a resolved request closes without the customer's answer, in the recipient's time zone",
  'attributes.<code>': 'the value of the request attribute <code>',
};

const ATTRIBUTE = /^attributes\.[A-Za-z][A-Za-z0-9_.-]*$/;

export function isTemplateVariable(path: string): boolean {
  return Object.hasOwn(TEMPLATE_VARIABLES, path) && path !== 'attributes.<code>' ? true : ATTRIBUTE.test(path);
}
