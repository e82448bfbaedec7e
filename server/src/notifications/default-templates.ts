/**
 * The templates a fresh install sends: seeded into notification_templates at start-up, and used as they are
 * when a row is missing (before the seed, or in code that runs without the server). Pure.
 */
import type { NotificationEventType, TemplateLanguage } from './template-variables';

export interface TemplateText {
  name: string;
  subject: string;
  html: string;
  text: string;
}

/** A paragraph per line of text; the HTML version of the same words. */
const html = (...paragraphs: string[]) => paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('\n');
const text = (...lines: string[]) => lines.join('\n');

const EN_CARD = '{{request.number}} "{{request.subject}}"';
const RU_CARD = '{{request.number}} «{{request.subject}}»';
const EN_WHY = "{{#recipient.isAssignee}}You are assigned to this request.{{/recipient.isAssignee}}{{^recipient.isAssignee}}You manage the assignee's workgroup.{{/recipient.isAssignee}}";
const RU_WHY = '{{#recipient.isAssignee}}Вы исполнитель этого обращения.{{/recipient.isAssignee}}{{^recipient.isAssignee}}Вы руководитель группы исполнителя.{{/recipient.isAssignee}}';

function both(name: string, subject: string, lines: string[]): TemplateText {
  return { name, subject, html: html(...lines), text: text(...lines) };
}

export const DEFAULT_TEMPLATES: Record<NotificationEventType, Record<TemplateLanguage, TemplateText>> = {
  'request.created': {
    en: both('Request registered', 'Request {{request.number}} registered: {{request.subject}}', [`Hello, {{recipient.name}}.`, `Request ${EN_CARD} has been registered.`, '{{#request.queue}}Queue: {{request.queue}}.{{/request.queue}} Priority: {{request.priority}}.']),
    ru: both('Обращение зарегистрировано', 'Обращение {{request.number}} зарегистрировано: {{request.subject}}', ['Здравствуйте, {{recipient.name}}.', `Обращение ${RU_CARD} зарегистрировано.`, '{{#request.queue}}Очередь: {{request.queue}}.{{/request.queue}} Приоритет: {{request.priority}}.']),
  },
  'request.assigned': {
    en: both('Request assigned', 'Request {{request.number}} is assigned to you: {{request.subject}}', ['Hello, {{recipient.name}}.', `{{#actor.name}}{{actor.name}} assigned{{/actor.name}}{{^actor.name}}You have been assigned{{/actor.name}} request ${EN_CARD}{{#actor.name}} to you{{/actor.name}}.`, 'Status: {{request.status}}. Priority: {{request.priority}}.']),
    ru: both('Назначено обращение', 'Вам назначено обращение {{request.number}}: {{request.subject}}', ['Здравствуйте, {{recipient.name}}.', `Вам назначено обращение ${RU_CARD}{{#actor.name}} (назначил(а) {{actor.name}}){{/actor.name}}.`, 'Статус: {{request.status}}. Приоритет: {{request.priority}}.']),
  },
  'request.status_changed': {
    en: both('Status changed', 'Request {{request.number}}: {{request.status}}', ['Hello, {{recipient.name}}.', `Request ${EN_CARD} moved from {{request.previousStatus}} to {{request.status}}.`]),
    ru: both('Изменён статус', 'Обращение {{request.number}}: {{request.status}}', ['Здравствуйте, {{recipient.name}}.', `Обращение ${RU_CARD} перешло из статуса {{request.previousStatus}} в {{request.status}}.`]),
  },
  'comment.added': {
    en: both('New comment', 'New comment on {{request.number}}: {{request.subject}}', ['{{comment.author}} wrote in "{{comment.discussion}}":', '{{comment.text}}']),
    ru: both('Новый комментарий', 'Новый комментарий к {{request.number}}: {{request.subject}}', ['{{comment.author}} пишет в обсуждении «{{comment.discussion}}»:', '{{comment.text}}']),
  },
  'sla.warning': {
    en: both('SLA warning', 'The {{clock.name}} deadline is near: {{request.number}}', [`The {{clock.name}} deadline is near on request ${EN_CARD}.`, 'Deadline: {{deadline}}.', EN_WHY]),
    ru: both('Предупреждение SLA', 'Приближается срок {{clock.name}}: {{request.number}}', [`Приближается срок {{clock.name}} по обращению ${RU_CARD}.`, 'Срок: {{deadline}}.', RU_WHY]),
  },
  'sla.breach': {
    en: both('SLA breach', 'The {{clock.name}} deadline was missed: {{request.number}}', [`The {{clock.name}} deadline was missed on request ${EN_CARD}.`, 'Deadline: {{deadline}}.', EN_WHY]),
    ru: both('Нарушение SLA', 'Нарушен срок {{clock.name}}: {{request.number}}', [`Нарушен срок {{clock.name}} по обращению ${RU_CARD}.`, 'Срок: {{deadline}}.', RU_WHY]),
  },
  'request.resolved': {
    en: both('Request resolved', 'Request {{request.number}} is resolved: {{request.subject}}', ['Hello, {{recipient.name}}.', `Request ${EN_CARD} is resolved.`, '{{#solution.text}}Solution ({{solution.problem}}): {{solution.text}}{{/solution.text}}', '{{#recipient.isCustomer}}Please confirm the solution, or tell us if the problem remains. Without an answer the request closes on {{autoCloseAt}}.{{/recipient.isCustomer}}{{^recipient.isCustomer}}It waits for the customer to confirm.{{/recipient.isCustomer}}']),
    ru: both('Обращение решено', 'Обращение {{request.number}} решено: {{request.subject}}', ['Здравствуйте, {{recipient.name}}.', `Обращение ${RU_CARD} решено.`, '{{#solution.text}}Решение ({{solution.problem}}): {{solution.text}}{{/solution.text}}', '{{#recipient.isCustomer}}Пожалуйста, подтвердите решение или сообщите, если проблема осталась. Без ответа обращение закроется {{autoCloseAt}}.{{/recipient.isCustomer}}{{^recipient.isCustomer}}Ожидается подтверждение заказчика.{{/recipient.isCustomer}}']),
  },
  'request.closed': {
    en: both('Request closed', 'Request {{request.number}} is closed: {{request.subject}}', ['Hello, {{recipient.name}}.', `Request ${EN_CARD} is closed{{#request.resolution}} ({{request.resolution}}){{/request.resolution}}.`]),
    ru: both('Обращение закрыто', 'Обращение {{request.number}} закрыто: {{request.subject}}', ['Здравствуйте, {{recipient.name}}.', `Обращение ${RU_CARD} закрыто{{#request.resolution}} ({{request.resolution}}){{/request.resolution}}.`]),
  },
};
