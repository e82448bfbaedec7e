import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextAfter } from '../interpreter/context-updates';
import { initialState, interpret } from '../interpreter/interpret';
import type { RouteContext, RouteEvent, RouteState } from '../interpreter/interpreter.types';
import { parseRoute } from '../model/parse-route';
import type { RouteDefinition } from '../model/route.types';
import { planMigration } from './migration';
import { simulate } from './simulation';

const load = (name: string): RouteDefinition => parseRoute(JSON.parse(readFileSync(join(__dirname, '../fixtures', name), 'utf8')));
const NOW = new Date('2026-03-02T09:00:00Z');
const context = (client: Record<string, unknown>, attributes: Record<string, unknown> = {}): RouteContext => ({ data: { request: { priority: 2, attributes }, client } });

function stateAfter(route: RouteDefinition, start: RouteContext, events: RouteEvent[]): RouteState {
  let state = initialState(route);
  let current = start;
  for (const event of events) {
    const result = interpret(route, state, event, current, NOW);
    state = result.state;
    current = contextAfter(current, result.effects);
  }
  return state;
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** Version 3: the check step is renamed, and the notice period becomes a user task. */
function version3(v2: RouteDefinition): RouteDefinition {
  const rename = (id: string) => (id === 'CheckContract' ? 'ReviewContract' : id);
  return parseRoute({
    ...copy(v2),
    version: 3,
    steps: v2.steps.map((step) =>
      step.id === 'NoticePeriod' ? { id: 'NoticePeriod', name: 'Confirm the notice', kind: 'userTask', queues: { rules: [], default: 'CP' } } : { ...copy(step), id: rename(step.id) },
    ),
    transitions: v2.transitions.map((transition) => ({ ...copy(transition), from: rename(transition.from), to: rename(transition.to) })),
  });
}

describe('migration of in-flight requests', () => {
  const v2 = load('contract-termination.route.json');
  const v3 = version3(v2);
  const client = context({ category: 'BIS', region: 'Moscow' });
  const handOff: RouteEvent = { type: 'transition', transitionId: 'Flow_HandOff', changes: { TERMINATION_DATE: '2026-04-01' } };
  const atRegister = stateAfter(v2, client, [{ type: 'start' }]);
  const atCheck = stateAfter(v2, client, [{ type: 'start' }, handOff]);
  const inNotice = stateAfter(v2, client, [{ type: 'start' }, handOff, { type: 'transition', transitionId: 'Flow_Notice' }]);
  const ended = stateAfter(v2, client, [{ type: 'start' }, handOff, { type: 'transition', transitionId: 'Flow_Immediate' }]);

  it('lists every request it would move and every one it cannot, with why', () => {
    const dryRun = planMigration(v2, v3, { stepMap: { CheckContract: 'ReviewContract' } }, [
      { requestId: 'R1', state: atRegister },
      { requestId: 'R2', state: atCheck },
      { requestId: 'R3', state: inNotice },
      { requestId: 'R4', state: ended },
      { requestId: 'R5', state: { ...atRegister, version: 1 } },
    ]);
    expect(dryRun.movable.map((request) => [request.requestId, request.moves.map((move) => `${move.from}→${move.to}`)])).toEqual([
      ['R1', ['Register→Register']],
      ['R2', ['CheckContract→ReviewContract']],
    ]);
    expect(dryRun.blocked).toEqual([
      { requestId: 'R3', reasons: ["a request waiting at timer 'NoticePeriod' cannot wait at userTask 'NoticePeriod'"] },
      { requestId: 'R4', reasons: ['it has already reached the end of its route'] },
      { requestId: 'R5', reasons: ['it is on CONTRACT_TERMINATION v1, not v2'] },
    ]);
  });

  it('gives the moved state, pinned to the new version, that the new version then runs', () => {
    const [moved] = planMigration(v2, v3, { stepMap: { CheckContract: 'ReviewContract' } }, [{ requestId: 'R2', state: atCheck }]).movable;
    expect(moved.before).toEqual(atCheck);
    expect(moved.state).toMatchObject({ version: 3, tokens: [{ stepId: 'ReviewContract', via: 'Flow_HandOff' }] });
    expect(moved.effects).toEqual([{ type: 'audit', action: 'migrated', stepId: 'ReviewContract', detail: "v2 'CheckContract' → v3 'ReviewContract'" }]);
    const next = interpret(v3, moved.state, { type: 'transition', transitionId: 'Flow_Immediate' }, client, NOW);
    expect(next.state.resolution).toBe('resolved');
    expect(interpret(v3, moved.state, { type: 'handBack' }, client, NOW).state.tokens[0].stepId).toBe('Register');
  });

  it('blocks a step without counterpart, and a plan that merges parallel branches or catches a waiting join', () => {
    const service = load('service-request.route.json');
    const start = context({}, { LOGIN: 'x' });
    const split = stateAfter(service, start, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_Approve' }]);
    const merged = planMigration(service, service, { stepMap: { Laptop: 'Account' } }, [{ requestId: 'S1', state: split }]);
    expect(merged.blocked).toEqual([{ requestId: 'S1', reasons: ["two of its parallel branches would both wait at 'Account'"] }]);
    const accountKey = split.tokens.find((token) => token.stepId === 'Account')?.children?.[0].key as string;
    const half = stateAfter(service, start, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_Approve' }, { type: 'childClosed', childKey: accountKey, resolution: 'resolved' }]);
    expect(planMigration(service, service, { stepMap: {} }, [{ requestId: 'S2', state: half }]).blocked[0].reasons).toEqual(['it has parallel branches waiting at Join; move it once they have joined']);
    const withoutRegister = parseRoute({ ...v3, steps: v3.steps.map((step) => (step.id === 'Register' ? { ...step, id: 'Intake' } : step)), transitions: v3.transitions.map((t) => ({ ...t, from: t.from === 'Register' ? 'Intake' : t.from, to: t.to === 'Register' ? 'Intake' : t.to })) });
    expect(planMigration(v2, withoutRegister, { stepMap: {} }, [{ requestId: 'R1', state: atRegister }]).blocked[0].reasons).toEqual([
      "step 'Register' (Register the termination) has no counterpart in v3; map it in the plan",
    ]);
  });

  it('refuses a plan naming steps that do not exist', () => {
    expect(() => planMigration(v2, v3, { stepMap: { Nope: 'ReviewContract', Register: 'Missing' } }, [])).toThrow(expect.objectContaining({
      code: 'invalid_migration_plan',
      details: [
        { path: 'stepMap.Nope', message: "v2 has no step 'Nope'" },
        { path: 'stepMap.Register', message: "v3 has no step 'Missing'" },
      ],
    }));
  });
});

describe('simulation', () => {
  const contract = load('contract-termination.route.json');

  it('reports the path, the queues and the flags at each step', () => {
    const report = simulate(contract, {
      context: { ...context({ category: 'BIS', region: 'Pskov' }), attributeFlags: { NOTE: { hidden: { '==': [{ var: 'client.region' }, 'Pskov'] } } } },
      now: NOW,
      choices: [{ transitionId: 'Flow_HandOff', changes: { TERMINATION_DATE: '2026-05-01' } }, { transitionId: 'Flow_Notice' }],
    });
    expect(report.resolution).toBe('resolved');
    expect(report.stopped).toBeUndefined();
    expect(report.path.map((step) => [step.stepId, step.queue, step.taken])).toEqual([
      ['Start', undefined, undefined],
      ['Register', 'Pskov region', 'Flow_HandOff'],
      ['CheckContract', 'Pskov region', 'Flow_Notice'],
      ['NoticePeriod', undefined, undefined],
      ['Terminate', undefined, undefined],
      ['Terminated', undefined, undefined],
    ]);
    const check = report.path[2];
    expect(check.flags).toEqual({
      NOTE: { hidden: true, readOnly: false, required: false },
      TERMINATION_DATE: { hidden: false, readOnly: true, required: false },
      REFUSAL_REASON: { hidden: false, readOnly: false, required: false },
    });
    expect(check.offered).toEqual(['Flow_Immediate', 'Flow_Notice', 'Flow_Refuse']);
    expect(report.path[4].at).toBe('2026-03-16T09:00:00.000Z');
    expect(report.path[1].decision).toBe('Pskov region: no rule holds; the default queue');
  });

  it('takes the first offered transition when unscripted, filling prompts with placeholders', () => {
    const report = simulate(load('itil-incident.route.json'), { context: context({}), now: NOW });
    expect(report.path.map((step) => step.stepId)).toEqual(['Start', 'FirstLine', 'Resolved']);
    expect(report.effects).toContainEqual({ type: 'setAttribute', attribute: 'SOLUTION', value: '«simulated»', source: 'prompt' });
  });

  it('runs parallel child requests and reports where a route stops', () => {
    const service = load('service-request.route.json');
    const done = simulate(service, { context: context({}, { LOGIN: 'x' }), now: NOW });
    expect(done.resolution).toBe('resolved');
    expect(done.path.map((step) => step.stepId)).toEqual(['Start', 'Approve', 'Split', 'Account', 'Laptop', 'Join', 'Join', 'Outcome', 'Confirm', 'Done']);
    const failed = simulate(service, { context: context({}, { LOGIN: 'x' }), now: NOW, childResolution: 'rejected', maxEvents: 20 });
    expect(failed.stopped).toBe('stopped after 20 events: the route may loop');
    const blocked = simulate(contract, { context: context({ category: 'X', region: 'Pskov' }), now: NOW, choices: [{ transitionId: 'Flow_HandOff' }, { transitionId: 'Flow_Immediate' }] });
    expect(blocked.stopped).toBe("'Terminate at once (BIS clients)' cannot be taken now: its condition does not hold");
    expect(blocked.path.map((step) => step.stepId)).toEqual(['Start', 'Register', 'CheckContract']);
  });
});
