/** The text of a vertical escalation mail to a manager. Pure. */
export interface EscalationFacts {
  requestNumber: string;
  subject: string;
  reason: string;
  raisedBy: string;
}

export function escalationMail(facts: EscalationFacts, locale: string): { subject: string; text: string } {
  if (locale === 'ru') {
    return {
      subject: `Эскалация: ${facts.requestNumber}`,
      text: `${facts.raisedBy} просит вашего внимания к обращению ${facts.requestNumber} «${facts.subject}».\nПричина: ${facts.reason}\nВы руководитель группы, отвечающей за обращение.`,
    };
  }
  return {
    subject: `Escalated to you: ${facts.requestNumber}`,
    text: `${facts.raisedBy} asks for your attention on request ${facts.requestNumber} "${facts.subject}".\nReason: ${facts.reason}\nYou manage a workgroup responsible for this request.`,
  };
}
