/** The text of SLA warning and breach mails, in the recipient's language (ru or en). Pure. */
import type { BreachKind } from './entities/sla-breach.entity';

export interface BreachMailFacts {
  kind: BreachKind;
  requestNumber: string;
  subject: string;
  clock: string;
  deadline: Date;
  role: 'assignee' | 'manager';
}

const CLOCK_NAMES: Record<string, Record<string, string>> = {
  en: { reaction: 'reaction', resolution: 'resolution' },
  ru: { reaction: 'реакции', resolution: 'решения' },
};

function clockName(locale: string, clock: string): string {
  const step = clock.startsWith('step:') ? clock.slice(5) : null;
  if (step) return locale === 'ru' ? `этапа ${step}` : `step ${step}`;
  return CLOCK_NAMES[locale][clock] ?? clock;
}

export function breachMail(facts: BreachMailFacts, locale: string): { subject: string; text: string } {
  const language = locale === 'ru' ? 'ru' : 'en';
  const deadline = facts.deadline.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const clock = clockName(language, facts.clock);
  if (language === 'ru') {
    const what = facts.kind === 'warning' ? `Приближается срок ${clock}` : `Нарушен срок ${clock}`;
    const why = facts.role === 'assignee' ? 'Вы исполнитель этого обращения.' : 'Вы руководитель группы исполнителя.';
    return { subject: `${what}: ${facts.requestNumber}`, text: `${what} по обращению ${facts.requestNumber} «${facts.subject}».\nСрок: ${deadline}.\n${why}` };
  }
  const what = facts.kind === 'warning' ? `The ${clock} deadline is near` : `The ${clock} deadline was missed`;
  const why = facts.role === 'assignee' ? 'You are assigned to this request.' : "You manage the assignee's workgroup.";
  return { subject: `${what}: ${facts.requestNumber}`, text: `${what} on request ${facts.requestNumber} "${facts.subject}".\nDeadline: ${deadline}.\n${why}` };
}
