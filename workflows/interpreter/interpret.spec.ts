import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRoute } from '../model/parse-route';
import type { RouteDefinition } from '../model/route.types';
import { RouteError } from '../route-error';
import { contextAfter } from './context-updates';
import { checkTransitions, effectiveFlags, escalates, initialState, interpret, offeredTransitions } from './interpret';
import type { RouteContext, RouteEffect, RouteEvent, RouteState, RuleExplanation } from './interpreter.types';
import { explainDecision } from './rule-runner';

const load = (name: string): RouteDefinition => parseRoute(JSON.parse(readFileSync(join(__dirname, '../fixtures', name), 'utf8')));
const contract = load('contract-termination.route.json');
const incident = load('itil-incident.route.json');
const service = load('service-request.route.json');
const NOW = new Date('2026-03-02T09:00:00Z');

const context = (client: Record<string, unknown>, attributes: Record<string, unknown> = {}, priority = 2): RouteContext => ({
  data: { request: { priority, attributes }, client, user: { login: 'op', groups: [], roles: [] } },
});

/** Applies events in turn, carrying attribute and priority effects into the next context, as the server would. */
function drive(route: RouteDefinition, start: RouteContext, events: RouteEvent[], state: RouteState = initialState(route)) {
  let current = { state, context: start, effects: [] as RouteEffect[] };
  for (const event of events) {
    const result = interpret(route, current.state, event, current.context, NOW);
    current = { state: result.state, context: contextAfter(current.context, result.effects), effects: result.effects };
  }
  return current;
}
const of = <T extends RouteEffect['type']>(effects: RouteEffect[], type: T) => effects.filter((effect): effect is Extract<RouteEffect, { type: T }> => effect.type === type);
const steps = (state: RouteState) => state.tokens.map((token) => token.stepId).sort();

async function refusal(work: () => unknown): Promise<RouteError> {
  try {
    work();
  } catch (error) {
    if (error instanceof RouteError) return error;
    throw error;
  }
  throw new Error('it was accepted');
}

describe('contract termination (version 2)', () => {
  const moscowBis = context({ category: 'BIS', region: 'Moscow' });
  const pskovPrivate = context({ category: 'PRIVATE', region: 'Pskov' });

  it('picks queue CP for a client not from Pskov, explaining the rule', () => {
    const { state, effects } = drive(contract, moscowBis, [{ type: 'start' }]);
    expect(steps(state)).toEqual(['Register']);
    const [assign] = of(effects, 'assignQueue');
    expect(assign).toMatchObject({ stepId: 'Register', queue: 'CP', explanation: { value: true, rule: { '!=': [{ var: 'client.region' }, 'Pskov'] } } });
    expect(assign.explanation?.inputs).toEqual({ 'client.region': 'Moscow' });
    const { value, trace } = explainDecision(assign.explanation as RuleExplanation, NOW);
    expect(value).toBe(true);
    expect(trace).toMatchObject({ operator: '!=', value: true });
    expect(of(effects, 'audit').find((entry) => entry.action === 'queueSelected')?.detail).toBe('CP: rule 1 (clients not from Pskov) holds');
  });

  it('picks "Pskov region" for a client from Pskov', () => {
    const { effects } = drive(contract, pskovPrivate, [{ type: 'start' }]);
    expect(of(effects, 'assignQueue').map((effect) => effect.queue)).toEqual(['Pskov region']);
  });

  it('offers the hand-off although the prompted date is still empty, but refuses to take it without the date', async () => {
    const { state, context: now } = drive(contract, moscowBis, [{ type: 'start' }]);
    expect(offeredTransitions(contract, state, now, NOW).map((offer) => offer.transitionId)).toEqual(['Flow_HandOff']);
    const error = await refusal(() => interpret(contract, state, { type: 'transition', transitionId: 'Flow_HandOff' }, now, NOW));
    expect(error).toMatchObject({ code: 'transition_refused', details: [{ path: 'attributes.TERMINATION_DATE', message: 'TERMINATION_DATE is required at this step and is empty' }] });
  });

  it('runs hand-off handlers (the transition\'s and the route\'s) and the next step\'s enter handler', () => {
    const vip = context({ category: 'VIP', region: 'Moscow' });
    const { state, effects } = drive(contract, vip, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_HandOff', changes: { TERMINATION_DATE: '2026-04-01' } }]);
    expect(steps(state)).toEqual(['CheckContract']);
    expect(effects.filter((effect) => effect.type !== 'audit')).toEqual([
      { type: 'setAttribute', attribute: 'TERMINATION_DATE', value: '2026-04-01', source: 'prompt' },
      { type: 'notify', template: 'handed-off', recipients: ['queue'], event: 'onHandOff', stepId: 'Register', transitionId: 'Flow_HandOff' },
      { type: 'notify', template: 'request-progress', recipients: ['client'], event: 'onHandOff', stepId: 'Register', transitionId: 'Flow_HandOff' },
      { type: 'assignQueue', tokenId: state.tokens[0].id, stepId: 'CheckContract', queue: 'CP', explanation: expect.objectContaining({ value: true }) },
      { type: 'setPriority', priority: 1 },
    ]);
  });

  const atCheck = (start: RouteContext) => drive(contract, start, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_HandOff', changes: { TERMINATION_DATE: '2026-04-01' } }]);

  it('allows "terminate at once" only for BIS clients', async () => {
    const bis = atCheck(moscowBis);
    expect(offeredTransitions(contract, bis.state, bis.context, NOW).map((offer) => offer.transitionId)).toEqual(['Flow_Immediate', 'Flow_Notice', 'Flow_Refuse']);
    const other = atCheck(pskovPrivate);
    expect(offeredTransitions(contract, other.state, other.context, NOW).map((offer) => offer.transitionId)).toEqual(['Flow_Notice', 'Flow_Refuse']);
    expect(checkTransitions(contract, other.state, other.context, NOW).find((check) => check.transitionId === 'Flow_Immediate')).toMatchObject({ offered: false, reasons: ['its condition does not hold'] });
    const error = await refusal(() => interpret(contract, other.state, { type: 'transition', transitionId: 'Flow_Immediate' }, other.context, NOW));
    expect(error.details).toEqual([{ path: 'Flow_Immediate', message: 'its condition does not hold' }]);
  });

  it('terminates a BIS contract at once through the automatic step and ends resolved', () => {
    const at = atCheck(moscowBis);
    const { state, effects } = drive(contract, at.context, [{ type: 'transition', transitionId: 'Flow_Immediate' }], at.state);
    expect(of(effects, 'setAttribute')).toEqual([{ type: 'setAttribute', attribute: 'CONTRACT_STATE', value: 'terminated', source: 'action' }]);
    expect(of(effects, 'webhook')).toEqual([
      { type: 'webhook', url: 'https://billing.example.org/contracts/terminate', method: 'POST', body: { TERMINATION_DATE: '2026-04-01', CONTRACT_STATE: 'terminated' }, event: 'run' },
    ]);
    expect(of(effects, 'close')).toEqual([{ type: 'close', resolution: 'resolved', stepId: 'Terminated' }]);
    expect(state).toMatchObject({ status: 'ended', resolution: 'resolved', endStep: 'Terminated', endedAt: NOW.toISOString(), tokens: [] });
    expect(of(effects, 'audit').find((entry) => entry.action === 'transition')?.explanation).toMatchObject({ value: true });
  });

  it('waits out the notice period on a UTC timer, then terminates', () => {
    const at = atCheck(pskovPrivate);
    const waiting = drive(contract, at.context, [{ type: 'transition', transitionId: 'Flow_Notice' }], at.state);
    const [timer] = of(waiting.effects, 'startTimer');
    expect(timer).toEqual({ type: 'startTimer', timerId: expect.any(String), stepId: 'NoticePeriod', firesAt: '2026-03-16T09:00:00.000Z' });
    const stale = interpret(contract, waiting.state, { type: 'timerFired', timerId: 'timer-unknown' }, waiting.context, NOW);
    expect(stale.state).toEqual(waiting.state);
    expect(stale.effects).toEqual([{ type: 'audit', action: 'staleTimer', detail: 'timer timer-unknown is no longer running; ignored' }]);
    const done = drive(contract, waiting.context, [{ type: 'timerFired', timerId: timer.timerId }], waiting.state);
    expect(done.state).toMatchObject({ status: 'ended', resolution: 'resolved' });
  });

  it('hands the request back on rejection, running the rejection handlers, and only once', async () => {
    const at = atCheck(context({ category: 'BIS', region: 'Moscow' }, { REJECTIONS: 0 }));
    const back = drive(contract, at.context, [{ type: 'handBack', reason: 'wrong department' }], at.state);
    expect(steps(back.state)).toEqual(['Register']);
    expect(back.effects.filter((effect) => effect.type !== 'audit' && effect.type !== 'assignQueue')).toEqual([
      { type: 'notify', template: 'hand-off-rejected', recipients: ['assignee'], event: 'onRejection', stepId: 'CheckContract', transitionId: 'Flow_HandOff' },
      { type: 'setAttribute', attribute: 'REJECTIONS', value: 1, source: 'action' },
    ]);
    expect(of(back.effects, 'audit').find((entry) => entry.action === 'handedBack')?.detail).toBe('wrong department');
    expect((await refusal(() => interpret(contract, back.state, { type: 'handBack' }, back.context, NOW))).code).toBe('nothing_to_hand_back');
  });

  it('refuses a refusal whose reason did not change, and a change to a read-only attribute', async () => {
    const at = atCheck(moscowBis);
    const unchanged = await refusal(() => interpret(contract, at.state, { type: 'transition', transitionId: 'Flow_Refuse', changes: { REFUSAL_REASON: '' } }, at.context, NOW));
    expect(unchanged.details.map((detail) => detail.message)).toEqual(["REFUSAL_REASON must be filled for 'Refuse'", "REFUSAL_REASON must change for 'Refuse'"]);
    const locked = await refusal(() =>
      interpret(contract, at.state, { type: 'transition', transitionId: 'Flow_Refuse', changes: { REFUSAL_REASON: 'debts', TERMINATION_DATE: '2027-01-01' } }, at.context, NOW),
    );
    expect(locked.details).toEqual([{ path: 'attributes.TERMINATION_DATE', message: 'TERMINATION_DATE is read-only at this step' }]);
    const refused = drive(contract, at.context, [{ type: 'transition', transitionId: 'Flow_Refuse', changes: { REFUSAL_REASON: 'debts' } }], at.state);
    expect(refused.state).toMatchObject({ status: 'ended', resolution: 'rejected' });
  });

  it('gives the effective flags of a step: topic flags with the step overrides', () => {
    const topic: RouteContext = { ...moscowBis, attributeFlags: { TERMINATION_DATE: { required: true }, REFUSAL_REASON: { hidden: true }, NOTE: { readOnly: { '==': [1, 1] } } } };
    expect(effectiveFlags(contract, 'CheckContract', topic, NOW)).toEqual({
      TERMINATION_DATE: { hidden: false, readOnly: true, required: true },
      REFUSAL_REASON: { hidden: false, readOnly: false, required: false },
      NOTE: { hidden: false, readOnly: true, required: false },
    });
  });

  it('changes neither the state nor the context it is given', () => {
    const at = atCheck(moscowBis);
    const frozenState = structuredClone(at.state);
    const frozenContext = structuredClone(at.context);
    interpret(contract, at.state, { type: 'transition', transitionId: 'Flow_Immediate' }, at.context, NOW);
    expect(at.state).toEqual(frozenState);
    expect(at.context).toEqual(frozenContext);
  });

  it('refuses events for another version, after the end, and a second start', async () => {
    const { state } = drive(contract, moscowBis, [{ type: 'start' }]);
    expect((await refusal(() => interpret(incident, state, { type: 'start' }, moscowBis, NOW))).code).toBe('wrong_version');
    expect((await refusal(() => interpret(contract, state, { type: 'start' }, moscowBis, NOW))).code).toBe('already_started');
    expect((await refusal(() => interpret(contract, state, { type: 'transition', transitionId: 'Nope' }, moscowBis, NOW))).code).toBe('unknown_transition');
    const cancelled = interpret(contract, state, { type: 'cancel', resolution: 'rejected', reason: 'withdrawn' }, moscowBis, NOW);
    expect(cancelled.state.status).toBe('ended');
    expect((await refusal(() => interpret(contract, cancelled.state, { type: 'transition', transitionId: 'Flow_HandOff' }, moscowBis, NOW))).code).toBe('route_ended');
  });
});

describe('ITIL incident: 1st line → 2nd line and back', () => {
  const start = context({ category: 'VIP' }, { CATEGORY: '' }, 2);

  it('escalates to the 2nd-line queue chosen by category and hands back with a diagnosis', () => {
    const escalated = drive(incident, start, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_Escalate', changes: { CATEGORY: 'network' } }]);
    expect(steps(escalated.state)).toEqual(['SecondLine']);
    expect(of(escalated.effects, 'assignQueue').map((effect) => effect.queue)).toEqual(['Network']);
    expect(of(escalated.effects, 'notify').map((effect) => effect.template)).toEqual(['incident-escalated']);
    const checks = checkTransitions(incident, escalated.state, escalated.context, NOW);
    expect(checks.find((check) => check.transitionId === 'Flow_Resolve2')).toMatchObject({ offered: false, reasons: ['DIAGNOSIS is required at this step and is empty'] });
    expect(checks.find((check) => check.transitionId === 'Flow_HandBack')?.offered).toBe(true);
    const back = drive(incident, escalated.context, [{ type: 'transition', transitionId: 'Flow_HandBack', changes: { DIAGNOSIS: 'needs the customer' } }], escalated.state);
    expect(steps(back.state)).toEqual(['FirstLine']);
    expect(of(back.effects, 'assignQueue').map((effect) => effect.queue)).toEqual(['Service desk']);
    const resolved = drive(incident, back.context, [{ type: 'transition', transitionId: 'Flow_Resolve1', changes: { SOLUTION: 'restarted' } }], back.state);
    expect(resolved.state).toMatchObject({ status: 'ended', resolution: 'resolved' });
  });

  it('lets the 2nd line refuse the escalation: back to the 1st line with the rejection handler', () => {
    const refused = drive(incident, start, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_Escalate', changes: { CATEGORY: 'apps' } }, { type: 'handBack' }]);
    expect(steps(refused.state)).toEqual(['FirstLine']);
    expect(of(refused.effects, 'notify')).toEqual([{ type: 'notify', template: 'escalation-refused', recipients: ['assignee', 'manager'], event: 'onRejection', stepId: 'SecondLine', transitionId: 'Flow_Escalate' }]);
  });

  it('sends a priority-1 incident to the major incident queue after the rule-chosen one', () => {
    const major = drive(incident, context({}, {}, 1), [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_Escalate', changes: { CATEGORY: 'network' } }]);
    expect(of(major.effects, 'assignQueue').map((effect) => effect.queue)).toEqual(['Network', 'Major incidents']);
    expect(major.state.tokens[0].queue).toBe('Major incidents');
  });

  it('ends erroneous, or unresolvable with a problem record created as a child', () => {
    expect(drive(incident, start, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_Error' }]).state.resolution).toBe('erroneous');
    const escalated = drive(incident, start, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_Escalate', changes: { CATEGORY: 'apps' } }]);
    const stuck = drive(incident, escalated.context, [{ type: 'transition', transitionId: 'Flow_GiveUp', changes: { DIAGNOSIS: 'vendor bug' } }], escalated.state);
    expect(stuck.state.resolution).toBe('unresolvable');
    expect(of(stuck.effects, 'spawnChildren')).toEqual([
      { type: 'spawnChildren', stepId: 'SecondLine', children: [{ key: expect.any(String), topic: 'PROBLEM', title: 'Problem record for an unresolvable incident', attributes: { INCIDENT_CATEGORY: { var: 'request.attributes.CATEGORY' } }, values: { INCIDENT_CATEGORY: 'apps' } }] },
    ]);
  });
});

describe('SLA escalation handlers', () => {
  const escalating = parseRoute({
    ...incident,
    handlers: {
      onSlaBreach: [
        { kind: 'setPriority', priority: 1, when: { '==': [{ var: 'sla.clock' }, 'resolution'] } },
        { kind: 'assignQueue', queue: 'Major incidents' },
        { kind: 'notify', template: 'sla-breached', recipients: ['assignee', 'manager'] },
      ],
    },
    steps: incident.steps.map((step) =>
      step.id === 'FirstLine' ? { ...step, handlers: { onSlaWarning: [{ kind: 'setAttribute', attribute: 'WARNED_AT', value: { cat: [{ var: 'step.id' }, ':', { var: 'sla.kind' }] } }] } } : step,
    ),
  });
  const start = context({ category: 'VIP' }, { CATEGORY: '' }, 3);
  const atFirstLine = () => drive(escalating, start, [{ type: 'start' }]);

  it('runs the route\'s breach handlers for the branch holding the queue, with the SLA facts in their rules, and moves no token', () => {
    const before = atFirstLine();
    const { state, effects } = interpret(escalating, before.state, { type: 'slaEvent', kind: 'breach', clock: 'resolution' }, before.context, NOW);
    expect(state.tokens.map(({ id, stepId }) => ({ id, stepId }))).toEqual(before.state.tokens.map(({ id, stepId }) => ({ id, stepId })));
    expect(state.tokens[0].queue).toBe('Major incidents');
    expect(state.sequence).toBe(before.state.sequence + 1);
    expect(effects.filter((effect) => effect.type !== 'audit')).toEqual([
      { type: 'setPriority', priority: 1 },
      { type: 'assignQueue', tokenId: state.tokens[0].id, stepId: 'FirstLine', queue: 'Major incidents' },
      { type: 'notify', template: 'sla-breached', recipients: ['assignee', 'manager'], event: 'onSlaBreach', stepId: 'FirstLine', transitionId: undefined },
    ]);
    const journal = of(effects, 'audit');
    expect(journal.map((entry) => [entry.action, entry.detail])).toEqual([
      ['slaEscalation', 'onSlaBreach (breach of resolution): setPriority'],
      ['slaEscalation', 'onSlaBreach (breach of resolution): assignQueue'],
      ['slaEscalation', 'onSlaBreach (breach of resolution): notify'],
    ]);
    expect(journal[0].explanation).toEqual({ rule: { '==': [{ var: 'sla.clock' }, 'resolution'] }, value: true, inputs: { 'sla.clock': 'resolution' } });
  });

  it('explains why a conditional escalation action was skipped', () => {
    const before = atFirstLine();
    const { effects } = interpret(escalating, before.state, { type: 'slaEvent', kind: 'breach', clock: 'reaction' }, before.context, NOW);
    expect(of(effects, 'setPriority')).toEqual([]);
    expect(of(effects, 'audit')[0]).toMatchObject({ action: 'actionSkipped', stepId: 'FirstLine', detail: 'onSlaBreach: setPriority skipped, its condition does not hold', explanation: { value: false, inputs: { 'sla.clock': 'reaction' } } });
  });

  it('runs the handlers of the user task a token waits at, in that step\'s context', () => {
    const before = atFirstLine();
    const { state, effects } = interpret(escalating, before.state, { type: 'slaEvent', kind: 'warning', clock: 'resolution' }, before.context, NOW);
    expect(effects.filter((effect) => effect.type !== 'audit')).toEqual([{ type: 'setAttribute', attribute: 'WARNED_AT', value: 'FirstLine:warning', source: 'action' }]);
    expect(of(effects, 'audit')).toEqual([{ type: 'audit', action: 'slaEscalation', stepId: 'FirstLine', transitionId: undefined, detail: 'onSlaWarning (warning of resolution): setAttribute' }]);
    expect(steps(state)).toEqual(['FirstLine']);
  });

  it('tells, without running anything, whether an SLA event escalates: for the route, and for a request where it stands', () => {
    expect([escalates(escalating, 'breach'), escalates(escalating, 'warning'), escalates(incident, 'breach')]).toEqual([true, true, false]);
    const first = atFirstLine();
    const second = drive(escalating, start, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_Escalate', changes: { CATEGORY: 'network' } }]);
    const ended = drive(escalating, start, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_Error' }]);
    expect([escalates(escalating, 'warning', first.state), escalates(escalating, 'warning', second.state), escalates(escalating, 'breach', second.state), escalates(escalating, 'breach', ended.state)]).toEqual([true, false, true, false]);
  });

  it('does nothing, without an error, when no handler is for the event or the route has ended', () => {
    const plain = drive(incident, start, [{ type: 'start' }]);
    expect(interpret(incident, plain.state, { type: 'slaEvent', kind: 'breach', clock: 'resolution' }, plain.context, NOW)).toEqual({ state: plain.state, effects: [] });
    const second = drive(escalating, start, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_Escalate', changes: { CATEGORY: 'network' } }]);
    expect(interpret(escalating, second.state, { type: 'slaEvent', kind: 'warning', clock: 'resolution' }, second.context, NOW)).toEqual({ state: second.state, effects: [] });
    const ended = drive(escalating, start, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_Error' }]);
    expect(ended.state.status).toBe('ended');
    expect(interpret(escalating, ended.state, { type: 'slaEvent', kind: 'breach', clock: 'resolution' }, ended.context, NOW)).toEqual({ state: ended.state, effects: [] });
  });
});

describe('service request: a parallel branch of two child requests', () => {
  const start = context({ category: 'BIS' }, { LOGIN: 'jdoe' });
  const split = () => drive(service, start, [{ type: 'start' }, { type: 'transition', transitionId: 'Flow_Approve' }]);
  const keysOf = (effects: RouteEffect[]) => of(effects, 'spawnChildren').flatMap((effect) => effect.children.map((child) => child.key));

  it('spawns both children in parallel, the parent waiting in both branches', () => {
    const { state, effects } = split();
    expect(steps(state)).toEqual(['Account', 'Laptop']);
    expect(of(effects, 'spawnChildren').map((effect) => [effect.stepId, effect.children.map((child) => [child.topic, child.values])])).toEqual([
      ['Account', [['ACCOUNT', { LOGIN: 'jdoe' }]]],
      ['Laptop', [['HARDWARE', {}]]],
    ]);
  });

  it('joins when both children are resolved and continues by the default flow', () => {
    const parent = split();
    const [account, laptop] = keysOf(parent.effects);
    const half = drive(service, parent.context, [{ type: 'childClosed', childKey: account, resolution: 'resolved' }], parent.state);
    expect(steps(half.state)).toEqual(['Laptop']);
    expect(half.state.joins).toEqual({ Join: ['Flow_AccountDone'] });
    expect(interpret(service, parent.state, { type: 'childClosed', childKey: account, resolution: 'resolved' }, parent.context, NOW).state.tokens).toHaveLength(1);
    const joined = drive(service, half.context, [{ type: 'childClosed', childKey: laptop, resolution: 'resolved' }], half.state);
    expect(steps(joined.state)).toEqual(['Confirm']);
    expect(joined.state.joins).toEqual({});
    expect(of(joined.effects, 'audit').find((entry) => entry.action === 'gateway')?.detail).toBe('no condition held; default taken');
  });

  it('ignores a child closed twice while its step still waits', () => {
    const parent = split();
    const [account] = keysOf(parent.effects);
    const once = interpret(service, parent.state, { type: 'childClosed', childKey: account, resolution: 'rejected' }, parent.context, NOW);
    const twice = interpret(service, once.state, { type: 'childClosed', childKey: account, resolution: 'rejected' }, parent.context, NOW);
    expect(twice).toEqual({ state: once.state, effects: [] });
  });

  it('respawns a rejected account child, as its rule says', () => {
    const parent = split();
    const [account] = keysOf(parent.effects);
    const respawned = drive(service, parent.context, [{ type: 'childClosed', childKey: account, resolution: 'rejected' }], parent.state);
    expect(steps(respawned.state)).toEqual(['Account', 'Laptop']);
    expect(of(respawned.effects, 'spawnChildren')).toHaveLength(1);
    expect(keysOf(respawned.effects)[0]).not.toBe(account);
  });

  it('fails the set-up when the laptop child is rejected, once the other branch is done', () => {
    const parent = split();
    const [account, laptop] = keysOf(parent.effects);
    const rejected = drive(service, parent.context, [{ type: 'childClosed', childKey: laptop, resolution: 'rejected' }], parent.state);
    expect(rejected.state.outcomes).toEqual({ Laptop: 'cancelled' });
    const done = drive(service, rejected.context, [{ type: 'childClosed', childKey: account, resolution: 'resolved' }], rejected.state);
    expect(done.state).toMatchObject({ status: 'ended', resolution: 'unresolvable', endStep: 'Failed' });
  });

  it('carries on when the laptop child is unresolvable (the rule says continue)', () => {
    const parent = split();
    const [account, laptop] = keysOf(parent.effects);
    const done = drive(service, parent.context, [{ type: 'childClosed', childKey: laptop, resolution: 'unresolvable' }, { type: 'childClosed', childKey: account, resolution: 'resolved' }], parent.state);
    expect(steps(done.state)).toEqual(['Confirm']);
  });

  it('cancels open children when the request is withdrawn', () => {
    const parent = split();
    const cancelled = interpret(service, parent.state, { type: 'cancel', resolution: 'rejected', reason: 'withdrawn' }, parent.context, NOW);
    expect(of(cancelled.effects, 'cancelChildren').map((effect) => effect.stepId)).toEqual(['Account', 'Laptop']);
    expect(cancelled.state).toMatchObject({ status: 'ended', resolution: 'rejected', tokens: [] });
  });

  it('refuses an unknown child and an ambiguous or wrong branch', async () => {
    const parent = split();
    expect((await refusal(() => interpret(service, parent.state, { type: 'childClosed', childKey: 'nope', resolution: 'resolved' }, parent.context, NOW))).code).toBe('unknown_child');
    expect((await refusal(() => interpret(service, parent.state, { type: 'transition', transitionId: 'Flow_Confirmed' }, parent.context, NOW))).code).toBe('not_at_step');
  });
});

describe('routes that cannot go on', () => {
  const base = (steps: unknown[], transitions: unknown[]) => parseRoute({ code: 'R', name: 'R', version: 1, steps: [{ id: 'S', name: '', kind: 'start' }, { id: 'E', name: '', kind: 'end', resolution: 'resolved' }, ...steps], transitions });

  it('stops an endless automatic loop with a clear error', async () => {
    const route = base(
      [{ id: 'A', name: 'Count', kind: 'automatic', actions: [{ kind: 'setAttribute', attribute: 'N', value: 1 }] }, { id: 'G', name: 'Again?', kind: 'exclusiveGateway', default: 'F3' }],
      [{ id: 'F1', name: '', from: 'S', to: 'A' }, { id: 'F2', name: '', from: 'A', to: 'G' }, { id: 'F3', name: '', from: 'G', to: 'A' }, { id: 'F4', name: '', from: 'G', to: 'E', condition: false }],
    );
    const error = await refusal(() => interpret(route, initialState(route), { type: 'start' }, context({}), NOW));
    expect(error).toMatchObject({ code: 'route_loop', details: [{ path: expect.any(String), message: 'endless automatic loop' }] });
  });

  it('reports a gateway where no condition holds and there is no default', async () => {
    const route = base([{ id: 'G', name: 'Which?', kind: 'exclusiveGateway' }], [{ id: 'F1', name: '', from: 'S', to: 'G' }, { id: 'F2', name: '', from: 'G', to: 'E', condition: { '==': [{ var: 'client.category' }, 'VIP'] } }]);
    const error = await refusal(() => interpret(route, initialState(route), { type: 'start' }, context({ category: 'BIS' }), NOW));
    expect(error).toMatchObject({ code: 'no_way_out', message: "Step G ('Which?') has no outgoing transition whose condition holds" });
  });
});
