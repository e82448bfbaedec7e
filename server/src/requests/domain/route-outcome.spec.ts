import { initialState, interpret, type RouteDefinition } from '../../../../workflows/index';
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
    expect(positionOf(ROUTE, solved.state, 'SECOND')).toEqual({ status: 'closed', isOpen: false, currentSteps: null, awaitingAcceptance: false });
  });

  it('journals the effects it cannot carry out instead of dropping them', () => {
    const plan = planEffects([{ type: 'webhook', url: 'https://example.com/hook', method: 'POST', body: {}, event: 'onEnter' }]);
    expect(plan.skipped).toEqual([{ action: 'actionSkipped', detail: 'webhook POST https://example.com/hook on onEnter is not sent by this server yet' }]);
  });
});
