import type { EntityManager } from 'typeorm';
import { calendarIssues } from '../../../../rules/index';
import { NotificationTemplate } from '../../notifications/entities/notification-template.entity';
import { templateIssues } from '../../notifications/template-renderer';
import { isTemplateVariable, TEMPLATE_LANGUAGES } from '../../notifications/template-variables';
import { PriorityCell } from '../../requests/entities/priority-cell.entity';
import { SlaCalendar } from '../../sla/entities/sla-calendar.entity';
import { SlaPolicy } from '../../sla/entities/sla-policy.entity';
import { policyIssues } from '../../sla/policy-rules';
import type { ConfigDocument, SlaPolicyDoc } from '../config-document';
import type { ImportSession } from '../import-session';

const TEMPLATE_SOURCES = ['subject', 'html', 'text'] as const;

export async function exportServiceLevels(manager: EntityManager): Promise<Pick<ConfigDocument, 'slaCalendars' | 'slaPolicies' | 'notificationTemplates' | 'priorityMatrix'>> {
  const [calendars, policies, templates, cells] = await Promise.all([
    manager.find(SlaCalendar, { order: { code: 'ASC' } }),
    manager.find(SlaPolicy, { order: { code: 'ASC' } }),
    manager.find(NotificationTemplate, { order: { code: 'ASC', language: 'ASC' } }),
    manager.find(PriorityCell, { order: { impact: 'ASC', urgency: 'ASC' } }),
  ]);
  const calendarCode = new Map(calendars.map((calendar) => [calendar.id, calendar.code]));
  return {
    slaCalendars: calendars.map((calendar) => ({ code: calendar.code, name: calendar.name, definition: calendar.definition })),
    slaPolicies: policies.map(
      (policy): SlaPolicyDoc => ({
        code: policy.code, name: policy.name, active: policy.active, rank: policy.rank, condition: policy.condition, calendarCode: calendarCode.get(policy.calendarId)!,
        targets: policy.targets, stepLimits: policy.stepLimits, clockRules: policy.clockRules, warningPercent: policy.warningPercent,
      }),
    ),
    notificationTemplates: templates.map((template) => ({ code: template.code, language: template.language, name: template.name, subject: template.subject, html: template.html, text: template.text, active: template.active })),
    priorityMatrix: cells.map((cell) => ({ impact: cell.impact, urgency: cell.urgency, priority: cell.priority })),
  };
}

/** Calendars, policies, templates and the priority matrix, each checked as its own API checks it. */
export async function importServiceLevels(session: ImportSession, document: ConfigDocument): Promise<void> {
  const stamps = { onCreate: { createdAt: session.now, updatedAt: session.now }, onUpdate: { updatedAt: session.now } };
  for (const [index, { code, ...fields }] of document.slaCalendars.entries()) {
    session.refuseAll(`slaCalendars.${index}.definition`, calendarIssues(fields.definition));
    await session.upsert('slaCalendars', code, SlaCalendar, { code }, fields, stamps);
  }
  const calendarIds = new Map((await session.manager.find(SlaCalendar)).map((calendar) => [calendar.code, calendar.id]));
  for (const [index, { code, calendarCode, ...fields }] of document.slaPolicies.entries()) {
    const calendarId = calendarIds.get(calendarCode);
    if (calendarId === undefined) session.refuse(`slaPolicies.${index}.calendarCode`, `unknown calendar "${calendarCode}"`);
    session.refuseAll(`slaPolicies.${index}`, policyIssues(fields as Pick<SlaPolicy, 'condition' | 'targets' | 'stepLimits' | 'clockRules'>));
    if (calendarId !== undefined) await session.upsert('slaPolicies', code, SlaPolicy, { code }, { ...fields, condition: fields.condition as SlaPolicy['condition'], calendarId }, stamps);
  }
  for (const [index, { code, language, ...fields }] of document.notificationTemplates.entries()) {
    const path = `notificationTemplates.${index}`;
    if (!(TEMPLATE_LANGUAGES as readonly string[]).includes(language)) session.refuse(`${path}.language`, `must be one of ${TEMPLATE_LANGUAGES.join(', ')}`);
    for (const source of TEMPLATE_SOURCES) for (const issue of templateIssues(fields[source], isTemplateVariable)) session.refuse(`${path}.${source}`, `line ${issue.line}: ${issue.message}`);
    await session.upsert('notificationTemplates', `${code} (${language})`, NotificationTemplate, { code, language }, fields, { ...stamps, onCreate: { ...stamps.onCreate, builtIn: false } });
  }
  for (const { impact, urgency, priority } of document.priorityMatrix) {
    await session.upsert('priorityMatrix', `${impact}×${urgency}`, PriorityCell, { impact, urgency }, { priority });
  }
}
