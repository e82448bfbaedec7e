import { escalationMail } from './escalation-mail';

describe('escalationMail', () => {
  const facts = { requestNumber: 'REQ-2026-000001', subject: 'No network', reason: 'Two days without an answer', raisedBy: 'olga' };

  it('names the request, the reason and who raised it', () => {
    expect(escalationMail(facts, 'en')).toEqual({
      subject: 'Escalated to you: REQ-2026-000001',
      text: 'olga asks for your attention on request REQ-2026-000001 "No network".\nReason: Two days without an answer\nYou manage a workgroup responsible for this request.',
    });
  });

  it('speaks Russian to Russian readers', () => {
    expect(escalationMail(facts, 'ru').subject).toBe('Эскалация: REQ-2026-000001');
  });
});
