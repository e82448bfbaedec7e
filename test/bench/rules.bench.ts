/**
 * Rule evaluation speed: 1,000 generated transition/queue conditions over 100,000 contexts of 30
 * request attributes, for json-logic-js `apply` (the baseline), json-logic-engine compiled (the
 * fastest public JSONLogic engine), Docket compiled (limits on), and hand-written JavaScript for five
 * of the rules (the physical limit). All figures come from the same run.
 */
import jsonLogic from 'json-logic-js';
import { LogicEngine } from 'json-logic-engine';
import { compile, evaluate } from '../../rules';

const RULES = 1_000;
const CONTEXTS = 100_000;
const WINDOW = 1_000;
const BASELINE_WINDOW = 100;
const FEW_WINDOW = 40_000;
const ROUNDS = 4;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(2026);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

const CITIES = ['Moscow', 'Pskov', 'Tver', 'Kazan', 'Samara', 'Omsk', 'Perm', 'Ufa'];
const CATEGORIES = ['BIS', 'VIP', 'MASS', 'GOV', 'SMB'];
const REGIONS = ['NW', 'C', 'S', 'V', 'U', 'SIB', 'FE'];
const CHANNELS = ['phone', 'email', 'visit', 'portal', 'chat'];
const STATUSES = ['new', 'assigned', 'in_progress', 'waiting', 'resolved'];
const TYPES = ['incident', 'request', 'complaint', 'question'];
const GROUPS = ['L1', 'L2', 'L3', 'billing', 'field', 'vip-desk'];

type AttributeKind = 'city' | 'amount' | 'date' | 'flag' | 'code';
const ATTRIBUTES: { code: string; kind: AttributeKind }[] = Array.from({ length: 30 }, (_, index) => ({
  code: `A${String(index + 1).padStart(2, '0')}`,
  kind: (['city', 'amount', 'date', 'flag', 'code'] as const)[index % 5],
}));

function attributeValue(kind: AttributeKind): unknown {
  if (random() < 0.1) return null;
  if (kind === 'city') return pick(CITIES);
  if (kind === 'amount') return int(0, 10_000);
  if (kind === 'date') return `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  if (kind === 'flag') return random() < 0.5;
  return `C${int(1, 40)}`;
}

function context(): unknown {
  return {
    request: {
      priority: int(1, 4),
      type: pick(TYPES),
      status: pick(STATUSES),
      topic: `T${int(1, 20)}`,
      attributes: Object.fromEntries(ATTRIBUTES.map((attribute) => [attribute.code, attributeValue(attribute.kind)])),
    },
    client: { category: pick(CATEGORIES), priority: int(1, 3), region: pick(REGIONS), group: `G${int(1, 10)}` },
    contact: { channel: pick(CHANNELS), direction: random() < 0.7 ? 'in' : 'out', place: pick(CITIES) },
    user: { login: `user${int(1, 50)}`, groups: [pick(GROUPS), pick(GROUPS)], roles: ['operator'] },
    step: { id: int(1, 12), name: pick(STATUSES) },
  };
}

const attributeVar = (code: string) => ({ var: `request.attributes.${code}` });

function clause(): unknown {
  const roll = random();
  if (roll < 0.2) return { '==': [{ var: pick(['client.category', 'contact.channel', 'request.type', 'request.status']) }, pick([...CATEGORIES, ...CHANNELS, ...TYPES])] };
  if (roll < 0.3) return { '!=': [{ var: 'client.region' }, pick(REGIONS)] };
  if (roll < 0.4) return { '>=': [{ var: 'request.priority' }, int(1, 4)] };
  const attribute = pick(ATTRIBUTES);
  const value = attributeVar(attribute.code);
  if (attribute.kind === 'city') return { in: [value, [pick(CITIES), pick(CITIES), pick(CITIES)]] };
  if (attribute.kind === 'amount') return random() < 0.5 ? { '>': [value, int(0, 9_000)] } : { '<=': [value, int(1_000, 10_000)] };
  if (attribute.kind === 'date') return { '<': [value, `2026-${String(int(2, 12)).padStart(2, '0')}-01`] };
  if (attribute.kind === 'flag') return random() < 0.5 ? { '!!': [value] } : { '!': [value] };
  return { '==': [value, `C${int(1, 40)}`] };
}

function rule(): unknown {
  const clauses = Array.from({ length: int(3, 7) }, clause);
  if (random() < 0.25) return { or: [{ and: clauses.slice(0, 2) }, { and: clauses.slice(2) }] };
  return { and: clauses };
}

/** Five rules written by hand both as JSONLogic and as plain JavaScript (with the same safe navigation). */
type Context = { request?: { priority?: number; type?: string; attributes?: Record<string, unknown> }; client?: { category?: string; region?: string }; contact?: { channel?: string } };
const HAND_WRITTEN: { rule: unknown; js: (context: Context) => boolean }[] = [
  {
    rule: { and: [{ '==': [{ var: 'client.category' }, 'BIS'] }, { '>=': [{ var: 'request.priority' }, 2] }, { in: [attributeVar('A01'), ['Moscow', 'Tver']] }, { '!!': [attributeVar('A04')] }, { '>': [attributeVar('A02'), 1000] }] },
    js: (c) => c.client?.category === 'BIS' && (c.request?.priority ?? null)! >= 2 && ['Moscow', 'Tver'].includes(c.request?.attributes?.A01 as string) && !!c.request?.attributes?.A04 && (c.request?.attributes?.A02 as number) > 1000,
  },
  {
    rule: { and: [{ '!=': [{ var: 'client.region' }, 'NW'] }, { '==': [{ var: 'contact.channel' }, 'phone'] }, { '<': [attributeVar('A03'), '2026-06-01'] }] },
    js: (c) => c.client?.region !== 'NW' && c.contact?.channel === 'phone' && (c.request?.attributes?.A03 as string) < '2026-06-01',
  },
  {
    rule: { or: [{ '==': [{ var: 'request.type' }, 'complaint'] }, { and: [{ '==': [{ var: 'client.category' }, 'VIP'] }, { '<=': [attributeVar('A07'), 5000] }] }] },
    js: (c) => c.request?.type === 'complaint' || (c.client?.category === 'VIP' && (c.request?.attributes?.A07 as number) <= 5000),
  },
  {
    rule: { and: [{ in: [attributeVar('A06'), ['Pskov', 'Omsk', 'Perm']] }, { '!': [attributeVar('A09')] }, { '==': [attributeVar('A10'), 'C7'] }, { '>=': [{ var: 'request.priority' }, 3] }] },
    js: (c) => ['Pskov', 'Omsk', 'Perm'].includes(c.request?.attributes?.A06 as string) && !c.request?.attributes?.A09 && c.request?.attributes?.A10 === 'C7' && (c.request?.priority as number) >= 3,
  },
  {
    rule: { and: [{ '==': [{ var: 'client.category' }, 'MASS'] }, { '!=': [{ var: 'client.region' }, 'FE'] }, { '>': [attributeVar('A12'), 200] }, { '<': [attributeVar('A08'), '2026-10-01'] }, { '!!': [attributeVar('A14')] }] },
    js: (c) => c.client?.category === 'MASS' && c.client?.region !== 'FE' && (c.request?.attributes?.A12 as number) > 200 && (c.request?.attributes?.A08 as string) < '2026-10-01' && !!c.request?.attributes?.A14,
  },
];

type Evaluator = (ruleIndex: number, data: unknown) => unknown;
interface Contender {
  window: number;
  run: Evaluator;
}

/** One pass: each rule over its own window of contexts, so all rules together touch the whole pool. */
function pass(ruleCount: number, round: number, contexts: unknown[], { window, run }: Contender): { seconds: number; hits: number } {
  let hits = 0;
  const started = process.hrtime.bigint();
  for (let ruleIndex = 0; ruleIndex < ruleCount; ruleIndex++) {
    const first = (ruleIndex * 100 + round * 7919) % (contexts.length - window);
    for (let index = first; index < first + window; index++) if (run(ruleIndex, contexts[index]) === true) hits++;
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, hits };
}

/**
 * Best evaluations per second of each contender over the rounds. Contenders take turns within each
 * round, so a busy machine slows them alike; round 0 warms up.
 */
function measure<Name extends string>(ruleCount: number, contexts: unknown[], contenders: Record<Name, Contender>): Record<Name, number> {
  const best = Object.fromEntries(Object.keys(contenders).map((name) => [name, 0])) as Record<Name, number>;
  for (let round = 0; round <= ROUNDS; round++) {
    for (const name of Object.keys(contenders) as Name[]) {
      const { seconds } = pass(ruleCount, round, contexts, contenders[name]);
      if (round > 0) best[name] = Math.max(best[name], (ruleCount * contenders[name].window) / seconds);
    }
  }
  return best;
}

/** Evaluations per second of one rule over a few contexts that stay in the CPU cache (best of the rounds). */
function hot(contexts: unknown[], runs: Record<string, (data: unknown) => unknown>, evaluations: Record<string, number>): Record<string, number> {
  const best: Record<string, number> = {};
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [name, run] of Object.entries(runs)) {
      let hits = 0;
      const started = process.hrtime.bigint();
      for (let index = 0; index < evaluations[name]; index++) if (run(contexts[index & 15]) === true) hits++;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (hits < 0) throw new Error('unreachable: keeps the loop from being optimised away');
      if (round > 0) best[name] = Math.max(best[name] ?? 0, evaluations[name] / seconds);
    }
  }
  return best;
}

test('rule evaluation: json-logic-js, json-logic-engine compiled, Docket compiled, hand-written', () => {
  const contexts = Array.from({ length: CONTEXTS }, context);
  const rules = [...HAND_WRITTEN.map((entry) => entry.rule), ...Array.from({ length: RULES - HAND_WRITTEN.length }, rule)];
  const engine = new LogicEngine();
  const engineRules = rules.map((entry) => engine.build(entry) as (data: unknown) => unknown);
  const compileStarted = performance.now();
  const docketRules = rules.map((entry) => compile(entry));
  const compileMs = performance.now() - compileStarted;
  const handWritten = HAND_WRITTEN.map((entry) => entry.js);

  for (let index = 0; index < 2_000; index++) {
    const [ruleIndex, data] = [index % RULES, contexts[(index * 37) % CONTEXTS]];
    const expected = jsonLogic.apply(rules[ruleIndex] as jsonLogic.RulesLogic, data);
    expect(docketRules[ruleIndex](data)).toEqual(expected);
    expect(evaluate(rules[ruleIndex], data)).toEqual(expected);
  }
  for (let index = 0; index < HAND_WRITTEN.length * 1_000; index++) {
    const data = contexts[index];
    expect(handWritten[index % HAND_WRITTEN.length](data as Context)).toBe(docketRules[index % HAND_WRITTEN.length](data));
  }

  const all = measure(RULES, contexts, {
    baseline: { window: BASELINE_WINDOW, run: (ruleIndex, data) => jsonLogic.apply(rules[ruleIndex] as jsonLogic.RulesLogic, data) },
    engine: { window: WINDOW, run: (ruleIndex, data) => engineRules[ruleIndex](data) },
    docket: { window: WINDOW, run: (ruleIndex, data) => docketRules[ruleIndex](data) },
  });
  const few = HAND_WRITTEN.length;
  const five = measure(few, contexts, {
    baseline: { window: FEW_WINDOW / 20, run: (ruleIndex, data) => jsonLogic.apply(rules[ruleIndex] as jsonLogic.RulesLogic, data) },
    engine: { window: FEW_WINDOW, run: (ruleIndex, data) => engineRules[ruleIndex](data) },
    docket: { window: FEW_WINDOW, run: (ruleIndex, data) => docketRules[ruleIndex](data) },
    hand: { window: FEW_WINDOW, run: (ruleIndex, data) => handWritten[ruleIndex](data as Context) },
  });

  const hotContexts = contexts.slice(0, 16);
  const single = hot(
    hotContexts,
    {
      baseline: (data) => jsonLogic.apply(rules[0] as jsonLogic.RulesLogic, data),
      engine: (data) => engineRules[0](data),
      docket: (data) => docketRules[0](data),
      hand: (data) => handWritten[0](data as Context),
    },
    { baseline: 20_000, engine: 500_000, docket: 5_000_000, hand: 5_000_000 },
  );

  const millions = (value: number) => `${(value / 1e6).toFixed(2).padStart(8)} M/s`;
  const line = (name: string, perSecond: number, base: number, hand?: number) =>
    `${name.padEnd(34)} ${millions(perSecond)}   ×${(perSecond / base).toFixed(1).padStart(6)} json-logic-js${hand ? `   ${(hand / perSecond).toFixed(2).padStart(6)}× the time of hand-written` : ''}`;
  process.stdout.write(
    [
      '',
      `Rules: ${RULES} generated conditions (3–7 clauses) over ${CONTEXTS.toLocaleString('en')} contexts of 30 attributes; compiled in ${compileMs.toFixed(0)} ms`,
      line('json-logic-js apply (baseline)', all.baseline, all.baseline),
      line('json-logic-engine compiled', all.engine, all.baseline),
      line('Docket compiled (limits on)', all.docket, all.baseline),
      `Docket compiled / json-logic-engine compiled: ${(all.docket / all.engine).toFixed(2)}×`,
      '',
      `The ${few} hand-written rules (3–5 clauses):`,
      line('json-logic-js apply (baseline)', five.baseline, five.baseline, five.hand),
      line('json-logic-engine compiled', five.engine, five.baseline, five.hand),
      line('Docket compiled (limits on)', five.docket, five.baseline, five.hand),
      line('hand-written JavaScript', five.hand, five.baseline, five.hand),
      '',
      'The first (5-clause) rule over 16 contexts that stay in the CPU cache:',
      line('json-logic-js apply (baseline)', single.baseline, single.baseline, single.hand),
      line('json-logic-engine compiled', single.engine, single.baseline, single.hand),
      line('Docket compiled (limits on)', single.docket, single.baseline, single.hand),
      line('hand-written JavaScript', single.hand, single.baseline, single.hand),
      '',
    ].join('\n'),
  );
  expect(all.docket).toBeGreaterThanOrEqual(all.engine);
  expect(five.hand / five.docket).toBeLessThanOrEqual(4);
  expect(single.docket).toBeGreaterThanOrEqual(single.engine);
});
