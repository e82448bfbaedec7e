import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs, publishRoute } from '../helpers/request-data';
import { addQueue, addStaff } from '../helpers/staff';

/** A call is called back (when a number was left), a mail answered by mail: the route tells them apart by the channel the contact came in by. */
const replyRoute = () => ({
  code: 'REPLY',
  name: 'Reply the way they came',
  version: 1,
  topics: ['QUESTION'],
  steps: [
    { id: 'Start', name: 'Start', kind: 'start' },
    { id: 'Work', name: 'Work', kind: 'userTask', queues: { rules: [], default: 'DESK' } },
    { id: 'Called', name: 'Called back', kind: 'end', resolution: 'resolved' },
    { id: 'Mailed', name: 'Answered by mail', kind: 'end', resolution: 'resolved' },
  ],
  transitions: [
    { id: 'toWork', name: '', from: 'Start', to: 'Work' },
    { id: 'callBack', name: 'Call back', from: 'Work', to: 'Called', condition: { and: [{ '==': [{ var: 'contact.channel' }, 'PHONE'] }, { '!!': [{ var: 'request.attributes.NUMBER' }] }] } },
    { id: 'mail', name: 'Answer by mail', from: 'Work', to: 'Mailed', condition: { '!=': [{ var: 'contact.channel' }, 'PHONE'] } },
  ],
});

describe.each(testDatabases())('route rules about how the contact came in and what the request holds, on %s', (database) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const { as, ok } = apiAs(() => t, tokens);

  const register = async (channel: string | null, attributes: Record<string, string> = { NUMBER: '+7 495 000-00-00' }) => {
    const created = await ok('olga', 'POST', '/api/contacts', { ...(channel ? { channelId: ids[channel] } : {}), requests: [{ topicId: ids.QUESTION, type: 'incident', impact: 2, urgency: 2, subject: `By ${channel}`, attributes }] }, 201);
    return created.requests[0] as { id: number; version: number };
  };
  const offered = async (id: number) =>
    ((await ok('olga', 'GET', `/api/requests/${id}/transitions`, undefined, 200)) as { transitionId: string; offered: boolean }[])
      .filter((transition) => transition.offered)
      .map((transition) => transition.transitionId);

  beforeAll(async () => {
    t = await startTestApp(database);
    await addStaff(t, ok, tokens, ids, [['olga', 'operator']]);
    await addQueue(ok, ids, 'DESK', 'Desk', { members: ['olga'] });
    for (const code of ['PHONE', 'EMAIL']) ids[code] = (await ok('admin', 'POST', '/api/channels', { code, name: code.toLowerCase() }, 201)).id;
    ids.QUESTION = (await ok('admin', 'POST', '/api/topics', { code: 'QUESTION', name: 'Question', kind: 'topic' }, 201)).id;
    ids.NUMBER = (await ok('admin', 'POST', '/api/attributes', { code: 'NUMBER', name: 'Number to call back', valueType: 'string' }, 201)).id;
    await ok('admin', 'POST', `/api/topics/${ids.QUESTION}/attributes`, { attributeId: ids.NUMBER }, 201);
    await publishRoute(ok, 'REPLY', [ids.QUESTION], replyRoute());
  });

  afterAll(() => t?.close());

  it('offers and takes only the transitions the contact’s channel and the request’s values allow', async () => {
    const call = await register('PHONE');
    const mail = await register('EMAIL');
    const unknown = await register(null);
    const silent = await register('PHONE', {});
    expect(await offered(call.id)).toEqual(['callBack']);
    expect(await offered(mail.id)).toEqual(['mail']);
    expect(await offered(unknown.id)).toEqual(['mail']);
    expect(await offered(silent.id)).toEqual([]);
    const noNumber = await as('olga', 'POST', `/api/requests/${silent.id}/transitions`, { transitionId: 'callBack', expectedVersion: silent.version });
    expect(noNumber.status).toBeGreaterThanOrEqual(400);
    expect(noNumber.status).toBeLessThan(500);

    const refused = await as('olga', 'POST', `/api/requests/${call.id}/transitions`, { transitionId: 'mail', expectedVersion: call.version });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    const taken = await ok('olga', 'POST', `/api/requests/${call.id}/transitions`, { transitionId: 'callBack', expectedVersion: call.version }, 200);
    expect(taken).toMatchObject({ status: 'resolved', currentSteps: null, version: call.version + 1 });
    const answered = await ok('olga', 'POST', `/api/requests/${mail.id}/transitions`, { transitionId: 'mail', expectedVersion: mail.version }, 200);
    expect(answered).toMatchObject({ status: 'resolved', currentSteps: null, version: mail.version + 1 });
  });
});
