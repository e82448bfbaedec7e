import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RouteError } from '../route-error';
import { parseRoute } from './parse-route';
import { RouteGraph } from './route-graph';

const contract = () => JSON.parse(readFileSync(join(__dirname, '../fixtures/contract-termination.route.json'), 'utf8'));

function issues(input: unknown): RouteError {
  try {
    parseRoute(input);
  } catch (error) {
    if (error instanceof RouteError) return error;
    throw error;
  }
  throw new Error('the route was accepted');
}

describe('parseRoute', () => {
  it('accepts the seed route and returns it unchanged', () => {
    expect(parseRoute(contract())).toEqual(contract());
  });

  it.each([
    ['not an object', 42, [{ path: '/', message: 'must be object' }]],
    ['an unknown step kind', { ...contract(), steps: [{ id: 'A', name: '', kind: 'subProcess' }] }, [{ path: '/steps/0/kind', message: 'must be equal to one of the allowed values' }]],
    ['a user task with a timer field', { ...contract(), steps: [...contract().steps.slice(0, 1), { id: 'U', name: 'U', kind: 'userTask', duration: 'P1D' }] }, [{ path: '/steps/1', message: "must NOT have additional properties 'duration'" }]],
    ['an end without a resolution kind', { ...contract(), steps: [{ id: 'E', name: '', kind: 'end', resolution: 'done' }] }, [{ path: '/steps/0/resolution', message: 'must be equal to one of the allowed values' }]],
    ['a bad timer duration', { ...contract(), steps: [{ id: 'T', name: '', kind: 'timer', duration: '14 days' }] }, [{ path: '/steps/0/duration', message: 'must match pattern "^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$"' }]],
    ['an action of unknown kind', { ...contract(), handlers: { onEnter: [{ kind: 'sendFax', number: '1' }] } }, [{ path: '/handlers/onEnter/0/kind', message: 'must be equal to one of the allowed values' }]],
    ['a webhook to a non-HTTP address', { ...contract(), handlers: { onLeave: [{ kind: 'webhook', url: 'file:///etc/passwd', method: 'POST' }] } }, [{ path: '/handlers/onLeave/0/url', message: 'must match pattern "^https?://"' }]],
    ['a handler event a transition does not have', { ...contract(), transitions: [{ id: 'F', name: '', from: 'Start', to: 'Register', handlers: { onEnter: [] } }] }, [{ path: '/transitions/0/handlers', message: "must NOT have additional properties 'onEnter'" }]],
    ['an SLA handler on a step that is not a user task', { ...contract(), steps: [{ id: 'S', name: '', kind: 'start', handlers: { onSlaBreach: [] } }] }, [{ path: '/steps/0/handlers', message: "must NOT have additional properties 'onSlaBreach'" }]],
    ['an SLA handler on a transition', { ...contract(), transitions: [{ id: 'F', name: '', from: 'Start', to: 'Register', handlers: { onSlaWarning: [] } }] }, [{ path: '/transitions/0/handlers', message: "must NOT have additional properties 'onSlaWarning'" }]],
    ['a malformed SLA escalation action', { ...contract(), handlers: { onSlaBreach: [{ kind: 'setPriority' }] } }, [{ path: '/handlers/onSlaBreach/0', message: "must have required property 'priority'" }]],
    ['a prompted attribute code with a comma', { ...contract(), transitions: [{ id: 'F', name: '', from: 'Start', to: 'Register', mustPrompt: ['A,B'] }] }, [{ path: '/transitions/0/mustPrompt/0', message: 'must match pattern "^[^,\\s]{1,128}$"' }]],
  ])('refuses %s', (_label, input, expected) => {
    expect(issues(input)).toMatchObject({ code: 'invalid_route', details: expected });
  });

  it('accepts SLA escalation handlers on the route and on user tasks', () => {
    const route = contract();
    route.handlers = { ...route.handlers, onSlaBreach: [{ kind: 'setPriority', priority: 1 }], onSlaWarning: [{ kind: 'notify', template: 'SLA_WARN', recipients: ['manager'] }] };
    const task = route.steps.find((step: { kind: string }) => step.kind === 'userTask');
    task.handlers = { onSlaWarning: [{ kind: 'assignQueue', queue: 'SENIOR', when: { '==': [{ var: 'sla.clock' }, 'resolution'] } }] };
    expect(parseRoute(route)).toEqual(route);
  });

  it('refuses broken links: duplicate ids, missing steps, no start, a default that is not the gateway\'s', () => {
    const route = contract();
    route.steps.push({ id: 'Register', name: 'again', kind: 'userTask' }, { id: 'G', name: '', kind: 'exclusiveGateway', default: 'Flow_Done' });
    route.steps = route.steps.filter((step: { kind: string }) => step.kind !== 'start');
    route.transitions.push({ id: 'Flow_X', name: '', from: 'Nowhere', to: 'Register' });
    expect(issues(route).details).toEqual([
      { path: '/steps/6/id', message: "id 'Register' is used twice" },
      { path: '/transitions/0/from', message: "transition 'Flow_Start' refers to a missing step 'Start'" },
      { path: '/transitions/7/from', message: "transition 'Flow_X' refers to a missing step 'Nowhere'" },
      { path: '/steps', message: 'a route has exactly one start step (found 0)' },
      { path: '/steps/7/default', message: "default 'Flow_Done' is not a transition leaving 'G'" },
    ]);
  });
});

describe('RouteGraph', () => {
  it('indexes transitions and finds reachable steps and cycles without exit', () => {
    const route = parseRoute(contract());
    const graph = new RouteGraph(route);
    expect(graph.outgoing('CheckContract').map((transition) => transition.id)).toEqual(['Flow_Immediate', 'Flow_Notice', 'Flow_Refuse']);
    expect(graph.incoming('Terminate').map((transition) => transition.id)).toEqual(['Flow_Immediate', 'Flow_NoticeOver']);
    expect([...graph.reachable()].sort()).toEqual(route.steps.map((step) => step.id).sort());
    expect(graph.trappedInCycles()).toEqual([]);
    expect(() => graph.step('Missing')).toThrow("route CONTRACT_TERMINATION v2 has no step 'Missing'");
  });
});
