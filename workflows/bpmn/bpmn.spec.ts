import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRoute } from '../model/parse-route';
import type { RouteDefinition } from '../model/route.types';
import { RouteError } from '../route-error';
import { autoLayout } from './auto-layout';
import { MAX_BPMN_BYTES, MAX_BPMN_DEPTH, MAX_BPMN_ELEMENTS } from './bpmn-guard';
import { bpmnToRoute } from './bpmn-to-route';
import { routeToBpmn } from './route-to-bpmn';
import { validateRouteForPublishing } from '../validation/validate-route';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures', name), 'utf8');
const route = (name: string): RouteDefinition => parseRoute(JSON.parse(fixture(name)));
const EXAMPLES = ['contract-termination.route.json', 'itil-incident.route.json', 'service-request.route.json'];

async function refusal(input: string | Buffer): Promise<RouteError> {
  try {
    await bpmnToRoute(input);
  } catch (error) {
    if (error instanceof RouteError) return error;
    throw error;
  }
  throw new Error('the file was accepted');
}

const minimal = (body: string, namespaces = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:docket="http://docket.dev/schema/bpmn/1.0" ${namespaces} id="D" targetNamespace="t">
  <bpmn:process id="P">${body}</bpmn:process>
</bpmn:definitions>`;

describe('route → BPMN → route', () => {
  it.each(EXAMPLES)('%s comes back identical when it carries its layout', async (name) => {
    const original = { ...route(name), diagram: autoLayout(route(name)) };
    const { route: back, warnings } = await bpmnToRoute(await routeToBpmn(original));
    expect(back).toEqual(original);
    expect(warnings).toEqual([]);
  });

  it.each(EXAMPLES)('%s without a layout comes back with the generated one', async (name) => {
    const original = route(name);
    const { route: back } = await bpmnToRoute(await routeToBpmn(original));
    expect(back).toEqual({ ...original, diagram: autoLayout(original) });
  });

  it('writes standard BPMN that keeps conditions, timers and the Docket extension readable', async () => {
    const xml = await routeToBpmn(route('contract-termination.route.json'));
    expect(xml).toContain('xmlns:docket="http://docket.dev/schema/bpmn/1.0"');
    expect(xml).toContain('<bpmn:userTask id="Register" name="Register the termination" docket:regulation="CONTRACTS_REACTION">');
    expect(xml).toContain('<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="jsonlogic">{"==":[{"var":"client.category"},"BIS"]}</bpmn:conditionExpression>');
    expect(xml).toContain('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P14D</bpmn:timeDuration>');
    expect(xml).toContain('<bpmn:endEvent id="Refused" name="Termination refused" docket:resolution="rejected">');
    expect(xml).toContain('<bpmndi:BPMNShape id="Register_di" bpmnElement="Register">');
  });

  it.each(['contract-termination', 'service-request'])('the sample %s.bpmn is what Docket writes, and reads back into the seed route', async (name) => {
    const original = route(`${name}.route.json`);
    expect(fixture(`${name}.bpmn`)).toBe(`${await routeToBpmn(original)}\n`);
    expect((await bpmnToRoute(fixture(`${name}.bpmn`))).route).toEqual({ ...original, diagram: autoLayout(original) });
  });

  it('keeps SLA escalation handlers of the route and of user tasks, one <docket:action> per action', async () => {
    const incident = route('itil-incident.route.json');
    const escalated: RouteDefinition = {
      ...incident,
      handlers: { onSlaBreach: [{ kind: 'setPriority', priority: 1 }, { kind: 'notify', template: 'SLA_BREACH', recipients: ['manager'] }] },
      steps: incident.steps.map((step) => (step.kind === 'userTask' && step.id === 'FirstLine' ? { ...step, handlers: { onSlaWarning: [{ kind: 'assignQueue', queue: 'Senior', when: { '==': [{ var: 'sla.clock' }, 'resolution'] } }] } } : step)),
    };
    const xml = await routeToBpmn(escalated);
    expect(xml).toContain('<docket:action event="onSlaBreach">{"kind":"setPriority","priority":1}</docket:action>');
    expect(xml).toContain('<docket:action event="onSlaWarning">{"kind":"assignQueue","queue":"Senior","when":{"==":[{"var":"sla.clock"},"resolution"]}}</docket:action>');
    const { route: back, warnings } = await bpmnToRoute(xml);
    expect(back).toEqual({ ...escalated, diagram: autoLayout(escalated) });
    expect(warnings).toEqual([]);
  });

  it('refuses to write a route that is not valid', async () => {
    const broken = { ...route('itil-incident.route.json'), transitions: [{ id: 'X', name: '', from: 'Start', to: 'Nowhere' }] };
    await expect(routeToBpmn(broken)).rejects.toMatchObject({ code: 'invalid_route' });
  });
});

describe('BPMN from other modellers', () => {
  it('converts the bpmn.io demo diagram, tasks as user tasks, keeping its layout', async () => {
    const { route: imported, warnings } = await bpmnToRoute(fixture('bpmn-io-demo.bpmn'));
    expect(imported.code).toBe('Process_1');
    expect(imported.steps.map((step) => [step.id, step.kind])).toEqual([
      ['StartEvent_1', 'start'],
      ['Activity_Check', 'userTask'],
      ['Gateway_Approved', 'exclusiveGateway'],
      ['Activity_Do', 'userTask'],
      ['Event_Done', 'end'],
      ['Event_Rejected', 'end'],
    ]);
    expect(imported.transitions.find((transition) => transition.id === 'Flow_No')).toEqual({ id: 'Flow_No', name: 'no', from: 'Gateway_Approved', to: 'Event_Rejected' });
    expect(imported.diagram?.shapes.Activity_Check).toEqual({ x: 240, y: 80, width: 100, height: 80 });
    expect(imported.diagram?.edges.Flow_No).toEqual([{ x: 420, y: 145 }, { x: 420, y: 212 }]);
    expect(warnings).toEqual([]);
  });

  it('a converted diagram is a draft: validation says what to configure before publishing', async () => {
    const { route: imported } = await bpmnToRoute(fixture('bpmn-io-demo.bpmn'));
    const result = validateRouteForPublishing(imported, { schema: {}, queues: new Set(), attributes: new Set(), templates: new Set() });
    expect(result.errors.map((issue) => issue.message)).toEqual([
      "Flow_Yes ('yes'): leaves gateway 'Gateway_Approved' without a condition and is not its default",
      "Flow_No ('no'): leaves gateway 'Gateway_Approved' without a condition and is not its default",
      "Activity_Check ('Check request'): a user task needs a queue selection (at least a default queue)",
      "Activity_Do ('Do the work'): a user task needs a queue selection (at least a default queue)",
    ]);
  });

  it('refuses a Camunda Modeler diagram whose condition is a JUEL expression, naming the flow', async () => {
    const error = await refusal(fixture('camunda-leave-request.bpmn'));
    expect(error.code).toBe('bpmn_refused');
    expect(error.details).toEqual([{ path: 'Flow_Yes', message: "Flow_Yes ('yes'): the condition '${approved}' is not a JSONLogic rule; Docket does not evaluate expression languages such as JUEL or FEEL" }]);
  });

  it('converts the same Camunda diagram once its condition is JSONLogic, reporting the Camunda attributes it ignores', async () => {
    const xml = fixture('camunda-leave-request.bpmn').replace('>${approved}<', ' language="jsonlogic">{"var":"request.attributes.APPROVED"}<');
    const { route: imported, warnings } = await bpmnToRoute(xml);
    expect(imported).toMatchObject({ code: 'LeaveRequest', name: 'Leave request', version: 1 });
    expect(imported.transitions.find((transition) => transition.id === 'Flow_Yes')?.condition).toEqual({ var: 'request.attributes.APPROVED' });
    expect(imported.steps.find((step) => step.id === 'Gateway_Ok')).toMatchObject({ kind: 'exclusiveGateway', default: 'Flow_No' });
    expect(warnings.map((warning) => warning.path)).toEqual(['StartEvent_1', 'Task_Approve', 'LeaveRequest']);
    expect(warnings[1].message).toBe("Task_Approve ('Approve leave'): ignored attributes camunda:assignee, camunda:candidateGroups");
  });

  it('refuses Camunda extension elements it does not understand', async () => {
    const xml = minimal(
      `<bpmn:startEvent id="S"/><bpmn:serviceTask id="Call" name="Call ERP"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="x">1</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>`,
      'xmlns:camunda="http://camunda.org/schema/1.0/bpmn"',
    );
    expect((await refusal(xml)).details).toEqual([{ path: 'Call', message: "Call ('Call ERP'): extension element <camunda:inputOutput> is not understood by Docket" }]);
  });

  it('refuses elements Docket cannot execute, with a hint', async () => {
    const xml = minimal('<bpmn:startEvent id="S"/><bpmn:subProcess id="Sub" name="Inner work"/><bpmn:inclusiveGateway id="G"/>');
    const { details } = await refusal(xml);
    expect(details).toEqual([
      { path: 'Sub', message: "Sub ('Inner work'): bpmn:SubProcess is not supported by Docket routes; draw the work as child requests (a call activity with <docket:childRequest>)" },
      { path: 'G', message: 'G: bpmn:InclusiveGateway is not supported by Docket routes; use an exclusive gateway, or a parallel gateway with conditions downstream' },
    ]);
  });

  it('reports schema problems in terms of the element', async () => {
    const xml = minimal('<bpmn:startEvent id="S"/><bpmn:intermediateCatchEvent id="Wait" name="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>two days</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>');
    const { details } = await refusal(xml);
    expect(details).toEqual([{ path: 'Wait', message: expect.stringMatching(/^Wait \('Wait'\) duration: must match pattern/) }]);
  });
});

describe('bad BPMN is refused with a clear message', () => {
  it.each([
    ['an empty file', '', 'The BPMN file is empty'],
    ['text that is not XML', 'hello, world', 'The file is not XML: it does not start with "<"'],
  ])('%s', async (_label, input, message) => {
    expect(await refusal(input)).toMatchObject({ code: 'bpmn_refused', message });
  });

  it('malformed XML', async () => {
    const error = await refusal('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="P">');
    expect(error.details[0].message).toMatch(/^not a readable BPMN 2.0 document|unclosed|missing/);
  });

  it('an XML bomb (entity expansion) without expanding anything', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>${minimal('<bpmn:startEvent id="S" name="&lol2;"/>')}`;
    expect((await refusal(bomb)).message).toMatch(/declares a DTD or entities/);
  });

  it('an external entity', async () => {
    expect((await refusal('<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]><x>&secret;</x>')).message).toMatch(/DTD/);
  });

  it('a diagram over 10 MB, before parsing it', async () => {
    const padding = `<!--${'x'.repeat(MAX_BPMN_BYTES)}-->`;
    const started = Date.now();
    expect((await refusal(minimal(padding))).message).toMatch(/^The BPMN file is 10\.0 MB; the limit is 10 MB$/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('too many elements, before parsing them', async () => {
    const tasks = Array.from({ length: MAX_BPMN_ELEMENTS }, (_, index) => `<bpmn:userTask id="T${index}" name="a > b"/>`).join('');
    const started = Date.now();
    expect((await refusal(minimal(`<!-- <x/> --><bpmn:startEvent id="S"/>${tasks}`))).message).toBe('The BPMN file has more than 50,000 XML elements');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('elements nested too deep, before parsing them', async () => {
    const depth = MAX_BPMN_DEPTH;
    const nested = `${'<x:a xmlns:x="urn:x">'.repeat(depth)}${'</x:a>'.repeat(depth)}`;
    expect((await refusal(minimal(`<bpmn:extensionElements>${nested}</bpmn:extensionElements>`))).message).toBe('The BPMN file nests XML elements deeper than 64 levels');
    const shallow = `${'<x:a xmlns:x="urn:x">'.repeat(depth - 5)}${'</x:a>'.repeat(depth - 5)}`;
    expect((await refusal(minimal(`<bpmn:extensionElements>${shallow}</bpmn:extensionElements>`))).details[0].message).toMatch(/extension element <x:a> is not understood/);
  });

  it('an unknown Docket extension element', async () => {
    const xml = minimal('<bpmn:startEvent id="S"><bpmn:extensionElements><docket:bogus/></bpmn:extensionElements></bpmn:startEvent>');
    expect((await refusal(xml)).details[0].message).toMatch(/unknown type <docket:Bogus>/);
  });

  it('a Docket extension element on the wrong element', async () => {
    const xml = minimal('<bpmn:startEvent id="S"><bpmn:extensionElements><docket:queueSelection default="Q"/></bpmn:extensionElements></bpmn:startEvent>');
    expect((await refusal(xml)).details).toEqual([{ path: 'S', message: 'S: <docket:QueueSelection> does not belong on this element' }]);
  });

  it('an SLA handler on a step that is not a user task', async () => {
    const xml = minimal('<bpmn:startEvent id="S"><bpmn:extensionElements><docket:action event="onSlaBreach">{"kind":"setPriority","priority":1}</docket:action></bpmn:extensionElements></bpmn:startEvent>');
    expect((await refusal(xml)).details).toEqual([{ path: 'S', message: "S: <docket:Action> for event 'onSlaBreach' does not belong on this element" }]);
  });

  it('action bodies that are not JSON', async () => {
    const xml = minimal('<bpmn:startEvent id="S"><bpmn:extensionElements><docket:action event="onLeave">{kind:</docket:action></bpmn:extensionElements></bpmn:startEvent>');
    expect((await refusal(xml)).details[0].message).toMatch(/^S: the onLeave action is not valid JSON/);
  });

  it('a cycle with no exit', async () => {
    const xml = minimal(`
      <bpmn:startEvent id="S"/><bpmn:userTask id="A" name="Ping"/><bpmn:userTask id="B" name="Pong"/><bpmn:endEvent id="E"/>
      <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="A"/><bpmn:sequenceFlow id="F2" sourceRef="A" targetRef="B"/><bpmn:sequenceFlow id="F3" sourceRef="B" targetRef="A"/>`);
    expect((await refusal(xml)).details).toEqual([
      { path: 'S', message: 'S: caught in a cycle with no way to an end event' },
      { path: 'A', message: "A ('Ping'): caught in a cycle with no way to an end event" },
      { path: 'B', message: "B ('Pong'): caught in a cycle with no way to an end event" },
    ]);
  });

  it('a file with two processes', async () => {
    const xml = minimal('').replace('</bpmn:definitions>', '<bpmn:process id="Q"/></bpmn:definitions>');
    expect((await refusal(xml)).details[0].message).toBe('a route is one BPMN process; the file has 2');
  });

  it('input that is not text at all', async () => {
    expect((await refusal(42 as unknown as string)).message).toBe('A BPMN file must be given as text');
  });
});
