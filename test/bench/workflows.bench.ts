/**
 * The route interpreter: 100,000 user transitions along a 50-step route whose transitions, queue
 * selections and enter handlers are rules — against the same walk on the same route with every rule
 * already evaluated (conditions dropped, queues fixed), which measures the interpreter alone. The
 * difference is the time spent in the rule engine.
 */
import { contextAfter, initialState, interpret, parseRoute, type RouteContext, type RouteDefinition, type RouteState, type RouteStep, type Transition } from '../../workflows';

const STEPS = 50;
const TRANSITIONS = Number(process.env.BENCH_TRANSITIONS ?? 100_000);
/** The two walks alternate in rounds so that a busy machine slows both alike. */
const ROUNDS = 5;
const NOW = new Date('2026-03-02T09:00:00Z');

jest.setTimeout(10 * 60 * 1000);

const step = (index: number) => `S${index}`;
const forward = {
  and: [
    { in: [{ var: 'client.category' }, ['BIS', 'VIP']] },
    { '>=': [{ var: 'request.priority' }, 1] },
    { '!=': [{ var: 'request.attributes.STATE' }, 'blocked'] },
  ],
};

/** Every step: "next" (condition holds), "back" and "close" (conditions never hold for this client), a rule-chosen queue. */
function benchRoute(withRules: boolean): RouteDefinition {
  const steps: RouteStep[] = [{ id: 'Start', name: 'Start', kind: 'start' }, { id: 'Closed', name: 'Closed', kind: 'end', resolution: 'resolved' }];
  const transitions: Transition[] = [{ id: 'Flow_Start', name: '', from: 'Start', to: step(1) }];
  for (let index = 1; index <= STEPS; index++) {
    steps.push({
      id: step(index),
      name: `Step ${index}`,
      kind: 'userTask',
      queues: withRules
        ? { rules: [{ queue: 'Pskov region', when: { '==': [{ var: 'client.region' }, 'Pskov'] } }, { queue: `Q${index}`, when: { '!=': [{ var: 'client.region' }, 'Pskov'] } }], default: 'Fallback' }
        : { rules: [], default: `Q${index}` },
      handlers: { onEnter: [{ kind: 'setAttribute', attribute: 'LAST_STEP', value: index }] },
    });
    const next = index === STEPS ? step(1) : step(index + 1);
    transitions.push(
      { id: `Next${index}`, name: 'Next', from: step(index), to: next, ...(withRules ? { condition: forward } : {}) },
      { id: `Back${index}`, name: 'Back', from: step(index), to: step(Math.max(1, index - 1)), ...(withRules ? { condition: { '==': [{ var: 'client.region' }, 'Pskov'] } } : {}) },
      { id: `Close${index}`, name: 'Close', from: step(index), to: 'Closed', ...(withRules ? { condition: { and: [{ '==': [{ var: 'request.attributes.STATE' }, 'done'] }, { '>': [{ var: 'request.priority' }, 3] }] } } : {}) },
    );
  }
  return parseRoute({ code: 'BENCH', name: 'Bench', version: 1, steps, transitions });
}

function walk(route: RouteDefinition, transitions: number): { milliseconds: number; state: RouteState; queues: Set<string> } {
  let context: RouteContext = { data: { request: { priority: 2, attributes: { STATE: 'open' } }, client: { category: 'BIS', region: 'Moscow' } } };
  let { state, effects } = interpret(route, initialState(route), { type: 'start' }, context, NOW);
  context = contextAfter(context, effects);
  const queues = new Set<string>();
  const started = performance.now();
  for (let count = 0; count < transitions; count++) {
    const at = Number(state.tokens[0].stepId.slice(1));
    ({ state, effects } = interpret(route, state, { type: 'transition', transitionId: `Next${at}` }, context, NOW));
    context = contextAfter(context, effects);
    for (const effect of effects) if (effect.type === 'assignQueue') queues.add(effect.queue);
  }
  return { milliseconds: performance.now() - started, state, queues };
}

test('interpreting 100,000 transitions on a 50-step route with rule conditions', () => {
  const full = benchRoute(true);
  const baseline = benchRoute(false);
  walk(full, TRANSITIONS / ROUNDS);
  walk(baseline, TRANSITIONS / ROUNDS);
  const rounds = Array.from({ length: ROUNDS }, () => ({ withRules: walk(full, TRANSITIONS / ROUNDS), interpreterOnly: walk(baseline, TRANSITIONS / ROUNDS) }));
  const total = (pick: (round: (typeof rounds)[number]) => { milliseconds: number }) => rounds.reduce((sum, round) => sum + pick(round).milliseconds, 0);
  const withRules = { ...rounds[0].withRules, milliseconds: total((round) => round.withRules) };
  const interpreterOnly = { ...rounds[0].interpreterOnly, milliseconds: total((round) => round.interpreterOnly) };
  const rate = (milliseconds: number) => Math.round(TRANSITIONS / (milliseconds / 1000));
  const share = Math.max(0, 1 - interpreterOnly.milliseconds / withRules.milliseconds);
  process.stdout.write(
    [
      '',
      `Route interpreter, ${STEPS}-step route, ${TRANSITIONS.toLocaleString('en')} transitions per walk in ${ROUNDS} alternating rounds (each: condition, leave, enter handler, queue rules, audit explanation)`,
      `with rule conditions             ${withRules.milliseconds.toFixed(0).padStart(7)} ms  ${rate(withRules.milliseconds).toLocaleString('en').padStart(9)} transitions/s`,
      `rules pre-evaluated (baseline)   ${interpreterOnly.milliseconds.toFixed(0).padStart(7)} ms  ${rate(interpreterOnly.milliseconds).toLocaleString('en').padStart(9)} transitions/s`,
      `share of time in rules           ${(share * 100).toFixed(1).padStart(7)} %`,
      '',
    ].join('\n'),
  );
  // Both walks visit the same steps and pick the same queues, so they measure the same work.
  expect(withRules.state.tokens.map((token) => token.stepId)).toEqual(interpreterOnly.state.tokens.map((token) => token.stepId));
  expect([...withRules.queues].sort()).toEqual([...interpreterOnly.queues].sort());
  expect(withRules.queues.size).toBe(STEPS);
  expect(rate(withRules.milliseconds)).toBeGreaterThan(1000);
});
