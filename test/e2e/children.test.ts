import { startTestApp, TestApp } from '../helpers/app';
import { testDatabases } from '../helpers/databases';
import { apiAs, publishRoute } from '../helpers/request-data';
import { addQueue, addStaff } from '../helpers/staff';

/** Each child request is worked in IT: done, or rejected. */
const childRoute = () => ({
  code: 'CHILD_TASK',
  name: 'Child task',
  version: 1,
  topics: ['ACCOUNT', 'LAPTOP'],
  steps: [
    { id: 'Start', name: 'Start', kind: 'start' },
    { id: 'Work', name: 'Work', kind: 'userTask', queues: { rules: [], default: 'IT' } },
    { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved' },
    { id: 'Rejected', name: 'Rejected', kind: 'end', resolution: 'rejected' },
  ],
  transitions: [
    { id: 'toWork', name: '', from: 'Start', to: 'Work' },
    { id: 'done', name: 'Done', from: 'Work', to: 'Done' },
    { id: 'reject', name: 'Reject', from: 'Work', to: 'Rejected' },
  ],
});

/**
 * The seed's service request: a parallel branch of two child requests (account, laptop) beside a briefing the
 * desk does itself. A rejected laptop cancels the set-up; a rejected account is let go.
 */
const parentRoute = () => ({
  code: 'NEW_EMPLOYEE',
  name: 'New employee',
  version: 1,
  topics: ['NEW_EMPLOYEE'],
  steps: [
    { id: 'Start', name: 'Start', kind: 'start' },
    { id: 'Split', name: 'In parallel', kind: 'parallelGateway' },
    {
      id: 'SetUp',
      name: 'Set up',
      kind: 'childRequests',
      children: [
        { topic: 'ACCOUNT', title: 'Account for the new employee', attributes: { LOGIN: { var: 'request.attributes.LOGIN' } } },
        { topic: 'LAPTOP', title: 'Laptop for the new employee' },
      ],
      onChildRejection: { if: [{ '==': [{ var: 'child.topic' }, 'LAPTOP'] }, 'cancel', 'continue'] },
    },
    { id: 'Brief', name: 'Brief the employee', kind: 'userTask', queues: { rules: [], default: 'DESK' } },
    { id: 'Join', name: 'Both done', kind: 'parallelGateway' },
    { id: 'Outcome', name: 'Set up?', kind: 'exclusiveGateway', default: 'toConfirm' },
    { id: 'Confirm', name: 'Confirm', kind: 'userTask', queues: { rules: [], default: 'DESK' } },
    { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved' },
    { id: 'Failed', name: 'Failed', kind: 'end', resolution: 'unresolvable' },
  ],
  transitions: [
    { id: 'toSplit', name: '', from: 'Start', to: 'Split' },
    { id: 'toSetUp', name: '', from: 'Split', to: 'SetUp' },
    { id: 'toBrief', name: '', from: 'Split', to: 'Brief' },
    { id: 'setUpDone', name: '', from: 'SetUp', to: 'Join' },
    { id: 'briefed', name: 'Briefed', from: 'Brief', to: 'Join' },
    { id: 'joined', name: '', from: 'Join', to: 'Outcome' },
    { id: 'toFailed', name: 'Cancelled', from: 'Outcome', to: 'Failed', condition: { '==': [{ var: 'route.outcomes.SetUp' }, 'cancelled'] } },
    { id: 'toConfirm', name: '', from: 'Outcome', to: 'Confirm' },
    { id: 'confirm', name: 'Confirm', from: 'Confirm', to: 'Done' },
  ],
});

/** Each request of the topic starts a child of the same topic: only the depth limit stops it. */
const loopRoute = () => ({
  code: 'LOOP',
  name: 'Loop',
  version: 1,
  topics: ['LOOP'],
  steps: [
    { id: 'Start', name: 'Start', kind: 'start' },
    { id: 'Again', name: 'Again', kind: 'childRequests', children: [{ topic: 'LOOP', title: 'Once more' }] },
    { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved' },
  ],
  transitions: [
    { id: 'toAgain', name: '', from: 'Start', to: 'Again' },
    { id: 'done', name: '', from: 'Again', to: 'Done' },
  ],
});

interface Row {
  id: number;
  number: string;
  topicId: number;
  parentId: number | null;
  childKey: string | null;
  isOpen: boolean;
  resolution: string | null;
  currentSteps: string | null;
  version: number;
}

describe.each(testDatabases())('child requests on %s', (database) => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  const { as, ok } = apiAs(() => t, tokens);

  const childrenOf = async (parentId: number): Promise<Row[]> =>
    (await t.dataSource.query('SELECT id, number, topicId, parentId, childKey, isOpen, resolution, currentSteps, version FROM requests WHERE parentId = ? ORDER BY id', [parentId])).map((row: Row) => ({
      ...row,
      id: Number(row.id),
      topicId: Number(row.topicId),
      parentId: Number(row.parentId),
      isOpen: Boolean(Number(row.isOpen)),
      version: Number(row.version),
    }));
  const childOf = async (parentId: number, topic: string) => (await childrenOf(parentId)).find((row) => row.topicId === ids[topic])!;
  const actions = async (requestId: number) => (await t.dataSource.query("SELECT action FROM audit_entries WHERE entityType = 'request' AND entityId = ? ORDER BY id", [String(requestId)])).map((row: { action: string }) => row.action);
  const card = (who: string, id: number) => ok(who, 'GET', `/api/requests/${id}`, undefined, 200);
  const take = async (who: string, id: number, transitionId: string) => {
    const { request } = await card(who, id);
    return ok(who, 'POST', `/api/requests/${id}/transitions`, { transitionId, expectedVersion: request.version }, 200);
  };
  const register = async () => {
    const created = await ok('olga', 'POST', '/api/contacts', { requests: [{ topicId: ids.NEW_EMPLOYEE, type: 'work', impact: 2, urgency: 2, subject: 'Ivan starts on Monday', attributes: { LOGIN: 'ivan' } }] }, 201);
    return created.requests[0];
  };

  beforeAll(async () => {
    t = await startTestApp(database);
    await addStaff(t, ok, tokens, ids, [['olga', 'operator'], ['pavel', 'specialist']]);
    for (const [code, members] of [['DESK', ['olga']], ['IT', ['pavel']]] as const) await addQueue(ok, ids, code, code, { members });
    ids.GROUP = (await ok('admin', 'POST', '/api/topics', { code: 'STAFF', name: 'Staff', kind: 'group' }, 201)).id;
    for (const code of ['NEW_EMPLOYEE', 'ACCOUNT', 'LAPTOP', 'LOOP']) ids[code] = (await ok('admin', 'POST', '/api/topics', { code, name: code.toLowerCase(), kind: 'topic', parentId: ids.GROUP }, 201)).id;
    ids.LOGIN = (await ok('admin', 'POST', '/api/attributes', { code: 'LOGIN', name: 'Login', valueType: 'string' }, 201)).id;
    await ok('admin', 'POST', `/api/topics/${ids.GROUP}/attributes`, { attributeId: ids.LOGIN }, 201);
    await publishRoute(ok, 'CHILD_TASK', [ids.ACCOUNT, ids.LAPTOP], childRoute());
    await publishRoute(ok, 'NEW_EMPLOYEE', [ids.NEW_EMPLOYEE], parentRoute());
    await publishRoute(ok, 'LOOP', [ids.LOOP], loopRoute());
  });
  afterAll(() => t?.close());

  it('creates both children with the parent, linked to it, each on its own route, and shows them on both cards', async () => {
    const parent = await register();
    expect(parent.currentSteps.split(',').sort()).toEqual(['Brief', 'SetUp']);
    const children = await childrenOf(parent.id);
    expect(children.map((child) => [child.topicId, child.parentId, child.isOpen, child.currentSteps])).toEqual([
      [ids.ACCOUNT, parent.id, true, 'Work'],
      [ids.LAPTOP, parent.id, true, 'Work'],
    ]);
    const state = (await card('olga', parent.id)).route.state;
    const tracked = state.tokens.find((token: { stepId: string }) => token.stepId === 'SetUp').children;
    expect(tracked.map((child: { key: string; status: string }) => [child.key, child.status])).toEqual(children.map((child) => [child.childKey, 'open']));

    const parentCard = await card('olga', parent.id);
    expect(parentCard.parent).toBeNull();
    expect(parentCard.children).toEqual(children.map((child, index) => expect.objectContaining({ id: child.id, number: child.number, status: 'in_progress', topic: { code: ['ACCOUNT', 'LAPTOP'][index], name: ['account', 'laptop'][index] } })));
    const accountCard = await card('pavel', children[0].id);
    expect(accountCard.parent).toEqual(expect.objectContaining({ id: parent.id, number: parent.number, topic: { code: 'NEW_EMPLOYEE', name: 'new_employee' } }));
    expect(accountCard.request).toMatchObject({ parentId: parent.id, childKey: children[0].childKey, queueId: ids.IT, subject: 'Account for the new employee', contactId: parent.contactId });
    expect(accountCard.attributes).toEqual([expect.objectContaining({ code: 'LOGIN', value: 'ivan' })]);
    expect((await actions(parent.id)).filter((action: string) => action === 'child.created')).toHaveLength(2);
    expect(await actions(children[0].id)).toEqual(expect.arrayContaining(['create', 'route.start', 'route.started']));
  });

  it('waits for the second child before it moves on, then continues and closes', async () => {
    const parent = await register();
    const account = await childOf(parent.id, 'ACCOUNT');
    const laptop = await childOf(parent.id, 'LAPTOP');

    await take('pavel', account.id, 'done');
    const afterFirst = (await card('olga', parent.id)).request;
    expect(afterFirst.currentSteps.split(',').sort()).toEqual(['Brief', 'SetUp']);
    expect(afterFirst.version).toBe(parent.version + 1);
    expect(await actions(parent.id)).toEqual(expect.arrayContaining(['child.ended', 'route.child', 'route.childClosed']));
    expect(await actions(account.id)).toContain('child.reported');

    await take('olga', parent.id, 'briefed');
    expect((await card('olga', parent.id)).request.currentSteps).toBe('SetUp');

    await take('pavel', laptop.id, 'done');
    expect((await card('olga', parent.id)).request).toMatchObject({ currentSteps: 'Confirm', queueId: ids.DESK });
    const confirmed = await take('olga', parent.id, 'confirm');
    expect(confirmed).toMatchObject({ currentSteps: null, resolution: 'resolved' });
    expect((await card('olga', parent.id)).route.state).toMatchObject({ status: 'ended', endStep: 'Done', outcomes: { SetUp: 'completed' } });
  });

  it('cancels the other child when the laptop is rejected, as the route’s rule says, and the set-up fails', async () => {
    const parent = await register();
    const account = await childOf(parent.id, 'ACCOUNT');
    const laptop = await childOf(parent.id, 'LAPTOP');

    await take('pavel', laptop.id, 'reject');
    const cancelled = await childOf(parent.id, 'ACCOUNT');
    expect(cancelled).toMatchObject({ isOpen: false, resolution: 'cancelled', currentSteps: null });
    expect(await actions(account.id)).toEqual(expect.arrayContaining(['child.cancelled', 'route.cancelled']));
    expect(await actions(parent.id)).toEqual(expect.arrayContaining(['child.ended', 'child.cancelled']));
    // The cancelled child's timers and work are gone: it offers no transition any more.
    expect((await card('pavel', account.id)).transitions).toEqual([]);
    expect((await card('olga', parent.id)).request.currentSteps).toBe('Brief');

    const failed = await take('olga', parent.id, 'briefed');
    expect(failed).toMatchObject({ currentSteps: null, resolution: 'unresolvable' });
    expect((await card('olga', parent.id)).route.state).toMatchObject({ status: 'ended', endStep: 'Failed', outcomes: { SetUp: 'cancelled' } });
  });

  it('lets a rejected account go and keeps waiting for the laptop', async () => {
    const parent = await register();
    await take('pavel', (await childOf(parent.id, 'ACCOUNT')).id, 'reject');
    expect(await childOf(parent.id, 'LAPTOP')).toMatchObject({ isOpen: true, currentSteps: 'Work' });
    expect((await card('olga', parent.id)).request.currentSteps.split(',').sort()).toEqual(['Brief', 'SetUp']);
    await take('olga', parent.id, 'briefed');
    await take('pavel', (await childOf(parent.id, 'LAPTOP')).id, 'done');
    expect((await card('olga', parent.id)).request.currentSteps).toBe('Confirm');
  });

  it('keeps the parent consistent when both children end at the same moment: the loser retries', async () => {
    const parent = await register();
    const children = await childrenOf(parent.id);
    const answers = await Promise.all(children.map((child) => as('pavel', 'POST', `/api/requests/${child.id}/transitions`, { transitionId: 'done', expectedVersion: child.version })));
    for (const [index, answer] of answers.entries()) {
      if (answer.status === 200) continue;
      // Only the parent's version check may refuse one; nothing of that child's transition was kept.
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 409, code: 'parent_changed' });
      expect((await childrenOf(parent.id))[index]).toMatchObject({ isOpen: true, currentSteps: 'Work', version: children[index].version });
      await take('pavel', children[index].id, 'done');
    }
    const state = (await card('olga', parent.id)).route.state;
    expect(state.tokens.map((token: { stepId: string }) => token.stepId)).toEqual(['Brief']);
    expect(state.outcomes).toEqual({ SetUp: 'completed' });
  });

  it('refuses a route that keeps creating children of children, and registers nothing', async () => {
    const before = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM requests'))[0].n);
    const refused = await as('olga', 'POST', '/api/contacts', { requests: [{ topicId: ids.LOOP, type: 'work', impact: 2, urgency: 2, subject: 'Loop' }] });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'child_depth', details: [{ path: expect.stringMatching(/^children\./), message: 'too deep' }] });
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM requests'))[0].n)).toBe(before);
  });

  it('refuses a transition whose child request cannot be created, and changes nothing', async () => {
    await ok('admin', 'POST', `/api/topics/${ids.LAPTOP}/deactivate`, undefined, 200);
    try {
      const before = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM requests'))[0].n);
      const refused = await as('olga', 'POST', '/api/contacts', { requests: [{ topicId: ids.NEW_EMPLOYEE, type: 'work', impact: 2, urgency: 2, subject: 'Nobody', attributes: { LOGIN: 'x' } }] });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'child_request_invalid', details: [expect.objectContaining({ path: expect.stringMatching(/^children\..+\.topicId$/) })] });
      expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM requests'))[0].n)).toBe(before);
    } finally {
      await ok('admin', 'POST', `/api/topics/${ids.LAPTOP}/activate`, undefined, 200);
    }
  });
});
