import { bpmnToRoute } from '../bpmn/bpmn-to-route';
import { routeToBpmn } from '../bpmn/route-to-bpmn';
import { parseRoute } from '../model/parse-route';
import type { RouteDefinition } from '../model/route.types';
import { RouteError } from '../route-error';
import { initialState, interpret } from './interpret';
import type { RouteContext, RouteEvent, RouteState } from './interpreter.types';
import { reopen, reopenStepOf } from './reopen';

const NOW = new Date('2026-03-02T09:00:00Z');
const LATER = new Date('2026-03-05T09:00:00Z');
const context: RouteContext = { data: { request: { priority: 2, attributes: {} }, client: { region: 'Pskov' } } };

/** Dispatch → Engineer (→ Expert, a hand-off) → solved or refused. */
const helpdesk = (reopenStepId?: string): RouteDefinition =>
  parseRoute({
    code: 'HELPDESK',
    name: 'Help desk',
    version: 1,
    steps: [
      { id: 'Start', name: '', kind: 'start' },
      { id: 'Dispatch', name: 'Dispatch', kind: 'userTask', queues: { rules: [], default: 'FIRST' } },
      { id: 'Engineer', name: 'Engineer', kind: 'userTask', queues: { rules: [{ queue: 'PSKOV', when: { '==': [{ var: 'client.region' }, 'Pskov'] } }], default: 'SECOND' }, handlers: { onEnter: [{ kind: 'notify', template: 'engineer-in', recipients: ['queue'] }] } },
      { id: 'Expert', name: 'Expert', kind: 'userTask', queues: { rules: [], default: 'THIRD' } },
      { id: 'Solved', name: 'Solved', kind: 'end', resolution: 'resolved', ...(reopenStepId ? { reopenStepId } : {}) },
      { id: 'Refused', name: 'Refused', kind: 'end', resolution: 'rejected' },
    ],
    transitions: [
      { id: 'toDispatch', name: '', from: 'Start', to: 'Dispatch' },
      { id: 'assign', name: 'Assign', from: 'Dispatch', to: 'Engineer' },
      { id: 'refuse', name: 'Refuse', from: 'Dispatch', to: 'Refused' },
      { id: 'escalate', name: 'Escalate', from: 'Engineer', to: 'Expert' },
      { id: 'solve', name: 'Solve', from: 'Engineer', to: 'Solved' },
      { id: 'expertSolve', name: 'Solve', from: 'Expert', to: 'Solved' },
    ],
  });

function drive(route: RouteDefinition, events: RouteEvent[]): RouteState {
  return events.reduce((state, event) => interpret(route, state, event, context, NOW).state, initialState(route));
}
const transition = (transitionId: string): RouteEvent => ({ type: 'transition', transitionId });

function refusal(work: () => unknown): RouteError {
  try {
    work();
  } catch (error) {
    if (error instanceof RouteError) return error;
    throw error;
  }
  throw new Error('it was accepted');
}

describe('the reopen step of an end step', () => {
  it('must name a user task of the route', () => {
    for (const target of ['Start', 'Refused', 'Nowhere']) {
      const error = refusal(() => helpdesk(target));
      expect(error).toMatchObject({ code: 'invalid_route', details: [{ path: '/steps/4/reopenStepId', message: `reopen step '${target}' is not a user task of this route` }] });
    }
    expect(helpdesk('Dispatch').steps[4]).toMatchObject({ reopenStepId: 'Dispatch' });
  });

  it('travels through BPMN as docket:reopenStep and comes back unchanged; absent stays absent', async () => {
    const xml = await routeToBpmn(helpdesk('Dispatch'));
    expect(xml).toContain('<bpmn:endEvent id="Solved" name="Solved" docket:resolution="resolved" docket:reopenStep="Dispatch">');
    expect(xml).toContain('<bpmn:endEvent id="Refused" name="Refused" docket:resolution="rejected">');
    const { route } = await bpmnToRoute(xml);
    expect(route.steps.find((step) => step.id === 'Solved')).toEqual({ id: 'Solved', name: 'Solved', kind: 'end', resolution: 'resolved', reopenStepId: 'Dispatch' });
    expect(route.steps.find((step) => step.id === 'Refused')).not.toHaveProperty('reopenStepId');
  });

  it('is refused on import when it names something other than a user task', async () => {
    const xml = (await routeToBpmn(helpdesk('Dispatch'))).replace('docket:reopenStep="Dispatch"', 'docket:reopenStep="Refused"');
    const error = await bpmnToRoute(xml).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RouteError);
    expect(JSON.stringify((error as RouteError).details)).toContain("reopen step 'Refused' is not a user task");
  });
});

describe('reopening an ended route', () => {
  it('remembers the user task a request last left, also through a hand-back', () => {
    const state = drive(helpdesk(), [{ type: 'start' }, transition('assign'), transition('escalate'), { type: 'handBack', reason: 'not mine' }, transition('solve')]);
    expect(state).toMatchObject({ status: 'ended', resolution: 'resolved', endStep: 'Solved', lastUserTask: 'Engineer' });
    expect(reopenStepOf(helpdesk(), state)).toBe('Engineer');
    expect(reopenStepOf(helpdesk('Dispatch'), state)).toBe('Dispatch');
    expect(reopenStepOf(helpdesk(), state, 'Expert')).toBe('Expert');
    expect(reopenStepOf(helpdesk(), state, 'Solved')).toBeUndefined();
  });

  it('defaults to the last user task: the queue is chosen again and the enter handlers run', () => {
    const route = helpdesk();
    const ended = drive(route, [{ type: 'start' }, transition('assign'), transition('solve')]);
    const frozen = JSON.stringify(ended);
    const { state, effects } = reopen(route, ended, context, LATER, { reason: 'still broken' });
    expect(JSON.stringify(ended)).toBe(frozen);
    expect(state).toMatchObject({ status: 'running', joins: {}, tokens: [{ stepId: 'Engineer', queue: 'PSKOV', enteredAt: LATER.toISOString() }] });
    expect(state).not.toHaveProperty('resolution');
    expect(state).not.toHaveProperty('endStep');
    expect(state).not.toHaveProperty('endedAt');
    expect(state.tokens[0]).not.toHaveProperty('via');
    expect(effects).toEqual(
      expect.arrayContaining([
        { type: 'audit', action: 'reopened', stepId: 'Engineer', detail: 'still broken' },
        expect.objectContaining({ type: 'assignQueue', stepId: 'Engineer', queue: 'PSKOV' }),
        { type: 'notify', template: 'engineer-in', recipients: ['queue'], event: 'onEnter', stepId: 'Engineer' },
      ]),
    );
    // The reopened route runs on as before: it can be solved again.
    expect(interpret(route, state, transition('solve'), context, LATER).state).toMatchObject({ status: 'ended', resolution: 'resolved' });
  });

  it('goes to the end step’s reopen step, or to the one asked for', () => {
    const route = helpdesk('Dispatch');
    const ended = drive(route, [{ type: 'start' }, transition('assign'), transition('solve')]);
    expect(reopen(route, ended, context, LATER).state.tokens.map((token) => token.stepId)).toEqual(['Dispatch']);
    expect(reopen(route, ended, context, LATER, { stepId: 'Expert' }).state.tokens.map((token) => token.stepId)).toEqual(['Expert']);
  });

  it('reopens a route ended by cancellation at the user task it was cancelled from', () => {
    const route = helpdesk();
    const cancelled = drive(route, [{ type: 'start' }, transition('assign'), { type: 'cancel', resolution: 'resolved', reason: 'problem fixed' }]);
    expect(cancelled).toMatchObject({ status: 'ended', resolution: 'resolved', lastUserTask: 'Engineer' });
    expect(reopen(route, cancelled, context, LATER).state.tokens.map((token) => token.stepId)).toEqual(['Engineer']);
  });

  it('refuses a running route, a step that is not a user task, and a route with nothing to go back to', () => {
    const route = helpdesk();
    const running = drive(route, [{ type: 'start' }]);
    expect(refusal(() => reopen(route, running, context, LATER)).code).toBe('route_running');
    const ended = drive(route, [{ type: 'start' }, transition('assign'), transition('solve')]);
    expect(refusal(() => reopen(route, ended, context, LATER, { stepId: 'Refused' }))).toMatchObject({ code: 'no_reopen_step', details: [{ path: 'stepId' }] });
    const { lastUserTask: _forgotten, ...withoutHistory } = ended;
    expect(refusal(() => reopen(route, withoutHistory, context, LATER)).code).toBe('no_reopen_step');
    expect(refusal(() => reopen({ ...route, version: 2 }, ended, context, LATER)).code).toBe('wrong_version');
  });
});
