import { initialState, interpret, type RouteDefinition, type RouteEffect } from '../../../../workflows/index';
import { planEffects, positionOf } from './route-outcome';

/** Triage (first line) hands off to Repair (second line), which solves or hands back. */
const ROUTE: RouteDefinition = {
  code: 'REPAIR',
  name: 'Repair',
  version: 1,
  steps: [
    { id: 'Start', name: 'Start', kind: 'start' },
    { id: 'Triage', name: 'Triage', kind: 'userTask', queues: { rules: [{ queue: 'VIP', when: { '==': [{ var: 'client.category' }, 'VIP'] } }], default: 'FIRST' } },
    { id: 'Repair', name: 'Repair', kind: 'userTask', queues: { rules: [], default: 'SECOND' }, handlers: { onEnter: [{ kind: 'notify', template: 'assigned', recipients: ['queue'] }] } },
    { id: 'Wait', name: 'Wait', kind: 'timer', duration: 'PT4H' },
    { id: 'Done', name: 'Done', kind: 'end', resolution: 'resolved' },
  ],
  transitions: [
    { id: 'toTriage', name: '', from: 'Start', to: 'Triage' },
    { id: 'escalate', name: 'Escalate', from: 'Triage', to: 'Repair' },
    { id: 'park', name: 'Park', from: 'Triage', to: 'Wait' },
    { id: 'wake', name: '', from: 'Wait', to: 'Triage' },
    { id: 'solve', name: 'Solve', from: 'Repair', to: 'Done' },
  ],
};
const NOW = new Date('2026-03-02T10:00:00Z');
const context = (category: string) => ({ data: { client: { category }, request: { attributes: {} } } });

describe('carrying out the interpreter effects', () => {
  it('assigns the queue its rule chose, with the explanation, and places the request at the step', () => {
    const started = interpret(ROUTE, initialState(ROUTE), { type: 'start' }, context('VIP'), NOW);
    const plan = planEffects(started.effects);
    expect(plan.queueCode).toBe('VIP');
    const selected = plan.audit.find((line) => line.action === 'queueSelected');
    expect(selected?.explanation?.inputs).toEqual({ 'client.category': 'VIP' });
    expect(positionOf(ROUTE, started.state, undefined)).toEqual({ status: 'in_progress', isOpen: true, currentSteps: 'Triage', queueCode: 'VIP', awaitingAcceptance: false });
  });

  it('notifies on entering a step and waits for the receiver to accept a hand-off to another queue', () => {
    const started = interpret(ROUTE, initialState(ROUTE), { type: 'start' }, context('BIS'), NOW);
    const escalated = interpret(ROUTE, started.state, { type: 'transition', transitionId: 'escalate' }, context('BIS'), NOW);
    const plan = planEffects(escalated.effects);
    expect(plan.queueCode).toBe('SECOND');
    expect(plan.notifications).toEqual([expect.objectContaining({ template: 'assigned', recipients: ['queue'], stepId: 'Repair' })]);
    expect(positionOf(ROUTE, escalated.state, 'FIRST')).toMatchObject({ currentSteps: 'Repair', awaitingAcceptance: true });

    const handedBack = interpret(ROUTE, escalated.state, { type: 'handBack', reason: 'not ours' }, context('BIS'), NOW);
    expect(planEffects(handedBack.effects).audit.find((line) => line.action === 'handedBack')?.detail).toBe('not ours');
    expect(positionOf(ROUTE, handedBack.state, 'SECOND')).toMatchObject({ currentSteps: 'Triage', queueCode: 'FIRST', awaitingAcceptance: false });
  });

  it('starts timers and closes at the end', () => {
    const started = interpret(ROUTE, initialState(ROUTE), { type: 'start' }, context('BIS'), NOW);
    const parked = planEffects(interpret(ROUTE, started.state, { type: 'transition', transitionId: 'park' }, context('BIS'), NOW).effects);
    expect(parked.timersToStart).toEqual([expect.objectContaining({ stepId: 'Wait', firesAt: '2026-03-02T14:00:00.000Z' })]);

    const escalated = interpret(ROUTE, started.state, { type: 'transition', transitionId: 'escalate' }, context('BIS'), NOW);
    const solved = interpret(ROUTE, escalated.state, { type: 'transition', transitionId: 'solve' }, context('BIS'), NOW);
    expect(planEffects(solved.effects).close).toBe('resolved');
    // Resolved waits for the customer's confirmation, still open; other resolutions close at once.
    expect(positionOf(ROUTE, solved.state, 'SECOND')).toEqual({ status: 'resolved', isOpen: true, currentSteps: null, awaitingAcceptance: false });
    expect(positionOf(ROUTE, { ...solved.state, resolution: 'rejected' }, 'SECOND')).toEqual({ status: 'closed', isOpen: false, currentSteps: null, awaitingAcceptance: false });
  });

  it('plans child requests, their cancellation and webhooks, in the order the interpreter gave them', () => {
    const plan = planEffects([
      { type: 'spawnChildren', stepId: 'Split', tokenId: 't3', children: [{ key: 't3.child4', topic: 'ACCOUNT', title: 'Account', values: { LOGIN: 'ivan' } }, { key: 't3.child5', topic: 'LAPTOP', title: 'Laptop', values: {} }] },
      { type: 'spawnChildren', stepId: 'Work', children: [{ key: 'c6', topic: 'PROBLEM', title: 'Problem record', values: {} }] },
      { type: 'cancelChildren', stepId: 'Split', keys: ['t3.child4'] },
      { type: 'webhook', url: 'https://example.com/hook', method: 'POST', body: { a: 1 }, event: 'onEnter' },
    ]);
    expect(plan.childrenToSpawn).toEqual([
      { key: 't3.child4', topic: 'ACCOUNT', title: 'Account', values: { LOGIN: 'ivan' }, stepId: 'Split', tokenId: 't3' },
      { key: 't3.child5', topic: 'LAPTOP', title: 'Laptop', values: {}, stepId: 'Split', tokenId: 't3' },
      { key: 'c6', topic: 'PROBLEM', title: 'Problem record', values: {}, stepId: 'Work' },
    ]);
    expect(plan.childrenToCancel).toEqual([{ stepId: 'Split', keys: ['t3.child4'] }]);
    expect(plan.webhooks).toEqual([{ url: 'https://example.com/hook', method: 'POST', body: { a: 1 }, event: 'onEnter' }]);
  });

  it('leaves no effect type without a place in the plan', () => {
    const effects: RouteEffect[] = [
      { type: 'assignQueue', tokenId: 't1', stepId: 'A', queue: 'Q' },
      { type: 'notify', template: 'x', recipients: ['queue'], event: 'onEnter' },
      { type: 'spawnChildren', stepId: 'A', children: [{ key: 'c1', topic: 'T', title: 'x', values: {} }] },
      { type: 'cancelChildren', stepId: 'A', keys: ['c0'] },
      { type: 'startTimer', timerId: 'timer1', stepId: 'A', firesAt: NOW.toISOString() },
      { type: 'startTimer', timerId: 'timer2', stepId: 'A', firesAt: NOW.toISOString() },
      { type: 'stopTimer', timerId: 'timer2', stepId: 'A' },
      { type: 'setAttribute', attribute: 'X', value: 1, source: 'action' },
      { type: 'setPriority', priority: 2 },
      { type: 'webhook', url: 'https://example.com/', method: 'PUT', body: null, event: 'run' },
      { type: 'close', resolution: 'resolved' },
      { type: 'audit', action: 'ended' },
    ];
    // Every effect type the interpreter has is in the list above, so a new one fails here until it is planned.
    expect(new Set(effects.map((effect) => effect.type)).size).toBe(11);
    const plan = planEffects(effects);
    expect([plan.queueCode, plan.notifications.length, plan.childrenToSpawn.length, plan.childrenToCancel.length, plan.timersToStart.length, plan.attributeChanges.X, plan.priority, plan.webhooks.length, plan.close, plan.audit.length]).toEqual(['Q', 1, 1, 1, 1, 1, 2, 1, 'resolved', 2]);
  });
});
