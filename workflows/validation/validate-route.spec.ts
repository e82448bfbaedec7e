import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RouteDefinition } from '../model/route.types';
import type { ContextSchema } from '../rules-port';
import { validateRouteForPublishing } from './validate-route';
import type { PublishReferences } from './validation.types';

const load = (name: string): RouteDefinition => JSON.parse(readFileSync(join(__dirname, '../fixtures', name), 'utf8'));

const attributes = ['TERMINATION_DATE', 'REFUSAL_REASON', 'CONTRACT_STATE', 'REJECTIONS', 'CATEGORY', 'SOLUTION', 'DIAGNOSIS', 'LOGIN'];
const schema: ContextSchema = {
  'client.category': { type: 'string', dictionary: 'CLIENT_CATEGORIES' },
  'client.region': { type: 'string' },
  'request.status': { type: 'string' },
  'request.priority': { type: 'number' },
  'request.attributes': { type: 'object' },
  ...Object.fromEntries(attributes.map((code) => [`request.attributes.${code}`, { type: code === 'REJECTIONS' ? 'number' : 'string' } as const])),
};
const references: PublishReferences = {
  schema,
  queues: new Set(['CP', 'Pskov region', 'Service desk', 'Network', 'Applications', 'Managers', 'Major incidents']),
  attributes: new Set(attributes),
  templates: new Set(['request-progress', 'handed-off', 'hand-off-rejected', 'incident-escalated', 'escalation-refused']),
  topics: new Set(['CONTRACT_TERMINATION', 'INCIDENT', 'NEW_EMPLOYEE', 'ACCOUNT', 'HARDWARE', 'PROBLEM']),
  regulations: new Set(['CONTRACTS', 'CONTRACTS_REACTION', 'INCIDENT_1ST_LINE', 'INCIDENT_2ND_LINE']),
  dictionaries: new Set(['CLIENT_CATEGORIES']),
};

const messages = (route: RouteDefinition, refs: PublishReferences = references) => validateRouteForPublishing(route, refs).errors.map((issue) => issue.message);

describe('validation before publishing', () => {
  it.each(['contract-termination.route.json', 'itil-incident.route.json', 'service-request.route.json'])('passes the seed example %s', (name) => {
    expect(validateRouteForPublishing(load(name), references)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('names unreachable steps and steps with no way out', () => {
    const route = load('itil-incident.route.json');
    route.steps.push({ id: 'Orphan', name: 'Forgotten', kind: 'userTask', queues: { rules: [], default: 'Network' } });
    route.transitions = route.transitions.filter((transition) => transition.from !== 'SecondLine' || transition.id === 'Flow_HandBack');
    const result = validateRouteForPublishing(route, references);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { path: 'Unresolvable', message: "Unresolvable ('Cannot be resolved'): cannot be reached from the start" },
      { path: 'Orphan', message: "Orphan ('Forgotten'): cannot be reached from the start" },
      { path: 'Orphan', message: "Orphan ('Forgotten'): has no way out: add an outgoing transition" },
    ]);
  });

  it('finds loops that never reach an end', () => {
    const route = load('itil-incident.route.json');
    route.transitions = route.transitions.filter((transition) => !['Flow_Resolve2', 'Flow_GiveUp'].includes(transition.id));
    route.transitions = route.transitions.filter((transition) => !['Flow_Resolve1', 'Flow_Error'].includes(transition.id));
    expect(messages(route)).toEqual([
      "Start ('Incident reported'): every way out of it loops without ever reaching an end",
      "FirstLine ('1st line'): every way out of it loops without ever reaching an end",
      "SecondLine ('2nd line'): every way out of it loops without ever reaching an end",
      "Resolved ('Resolved'): cannot be reached from the start",
      "Unresolvable ('Cannot be resolved'): cannot be reached from the start",
      "Erroneous ('Logged in error'): cannot be reached from the start",
    ]);
  });

  it('requires conditions or a default on gateway flows and no conditions on parallel branches', () => {
    const route = load('service-request.route.json');
    route.steps = route.steps.map((step) => (step.id === 'Outcome' ? { id: 'Outcome', name: 'Did everything arrive?', kind: 'exclusiveGateway' } : step));
    route.transitions = route.transitions.map((transition) => (transition.id === 'Flow_ToLaptop' ? { ...transition, condition: true } : transition));
    const result = validateRouteForPublishing(route, references);
    expect(result.errors.map((issue) => issue.message)).toEqual([
      "Flow_ToLaptop: leaves parallel gateway 'Split', whose branches all run: a condition here is never evaluated",
      "Flow_Confirm: leaves gateway 'Outcome' without a condition and is not its default",
    ]);
    expect(result.warnings.map((issue) => issue.message)).toEqual(["Outcome ('Did everything arrive?'): has no default flow: a request for which no condition holds will stop here with an error"]);
  });

  it('requires parallel branches to join, and no branch to end on its own', () => {
    const route = load('service-request.route.json');
    route.transitions = route.transitions.map((transition) => (transition.id === 'Flow_LaptopDone' ? { ...transition, to: 'Done' } : transition));
    expect(messages(route)).toEqual(["Split ('Set up in parallel'): its parallel branches never meet at a joining parallel gateway"]);
    const leaking = load('service-request.route.json');
    leaking.transitions.push({ id: 'Flow_Shortcut', name: 'Give up', from: 'Laptop', to: 'Failed', condition: { '==': [{ var: 'route.outcomes.Laptop' }, 'cancelled'] } });
    expect(messages(leaking)).toEqual(["Flow_ToLaptop: this parallel branch can reach end 'Failed' without passing join 'Join', which would then wait for ever"]);
  });

  it('checks every rule against the context schema, naming the element and the place', () => {
    const route = load('contract-termination.route.json');
    route.transitions[2].condition = { '==': [{ var: 'client.categroy' }, 'BIS'] };
    const errors = messages(route);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Flow_Immediate \('Terminate at once \(BIS clients\)'\): condition: .*client\.categroy/);
  });

  it('lets escalation rules read the SLA facts, and only escalation rules', () => {
    const route = load('itil-incident.route.json');
    const bySla = { '==': [{ var: 'sla.clock' }, 'resolution'] };
    route.handlers = { onSlaBreach: [{ kind: 'setPriority', priority: 1, when: bySla }], onEnter: [{ kind: 'assignQueue', queue: 'Network', when: bySla }] };
    route.steps = route.steps.map((step) => (step.kind === 'userTask' && step.id === 'FirstLine' ? { ...step, handlers: { onSlaWarning: [{ kind: 'assignQueue', queue: 'Major incidents', when: { '==': [{ var: 'sla.kind' }, 'warning'] } }] } } : step));
    const errors = messages(route);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe("ITIL_INCIDENT ('Incident (ITIL)'): onEnter action 1 (assignQueue) condition: Unknown context field 'sla.clock' at /==/0/var");
  });

  it('reports queues, attributes, templates, topics, regulations and dictionaries that do not exist', () => {
    const refs: PublishReferences = {
      ...references,
      queues: new Set(['CP']),
      attributes: new Set(attributes.filter((code) => code !== 'TERMINATION_DATE')),
      templates: new Set(['handed-off', 'hand-off-rejected']),
      regulations: new Set(['CONTRACTS']),
      dictionaries: new Set(),
    };
    expect(messages(load('contract-termination.route.json'), refs)).toEqual([
      "Flow_Immediate ('Terminate at once (BIS clients)'): condition reads client.category, whose dictionary 'CLIENT_CATEGORIES' does not exist",
      "CheckContract ('Check the contract'): onEnter action 1 (setPriority) reads client.category, whose dictionary 'CLIENT_CATEGORIES' does not exist",
      "Register ('Register the termination'): regulation 'CONTRACTS_REACTION' does not exist",
      "Register ('Register the termination'): queue 'Pskov region' does not exist",
      "Register ('Register the termination'): attribute 'TERMINATION_DATE' does not exist",
      "CheckContract ('Check the contract'): queue 'Pskov region' does not exist",
      "CheckContract ('Check the contract'): attribute 'TERMINATION_DATE' does not exist",
      "Flow_HandOff ('Hand off to contracts'): attribute 'TERMINATION_DATE' does not exist",
      "CONTRACT_TERMINATION ('Contract termination'): template 'request-progress' does not exist",
    ]);
  });

  it('requires a queue on every user task and a known child rejection outcome', () => {
    const route = load('service-request.route.json');
    route.steps = route.steps.map((step) => (step.id === 'Approve' ? { id: 'Approve', name: 'Approve', kind: 'userTask' } : step.id === 'Account' ? { ...step, onChildRejection: 'retry' } : step));
    expect(messages(route)).toEqual([
      "Approve ('Approve'): a user task needs a queue selection (at least a default queue)",
      "Account ('Create the account'): child rejection rule gives 'retry'; expected one of continue, respawn, cancel",
    ]);
  });

  it('throws for input that is not a route', () => {
    expect(() => validateRouteForPublishing({ code: 'X' }, references)).toThrow('The route does not match the route schema');
  });
});
