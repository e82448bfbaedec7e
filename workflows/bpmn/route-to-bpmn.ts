import type { RouteDefinition, RouteStep, StepKind, Transition } from '../model/route.types';
import { parseRoute } from '../model/parse-route';
import { autoLayout } from './auto-layout';
import { encodeActions, encodeHandlers, encodeJson, joinList } from './extension-codec';
import { JSONLOGIC_LANGUAGE, moddle, type ModdleElement } from './moddle';
import { mappingOf } from './step-mapping';

const create = (type: string, properties?: Record<string, unknown>) => moddle().create(type, properties);
const withoutUndefined = (properties: Record<string, unknown>) => Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));

function extensionElements(values: ModdleElement[]): ModdleElement | undefined {
  return values.length > 0 ? create('bpmn:ExtensionElements', { values }) : undefined;
}

function stepElement(step: RouteStep): ModdleElement {
  const mapping = mappingOf<StepKind>(step.kind);
  const specific = mapping.toBpmn(step);
  const extensions = [...encodeHandlers(step.handlers), ...(specific.extensions ?? [])];
  return create(
    mapping.bpmnType,
    withoutUndefined({
      id: step.id,
      name: step.name || undefined,
      regulation: step.regulation,
      ...specific.properties,
      extensionElements: extensionElements(extensions),
    }),
  );
}

function flowElement(transition: Transition, nodes: Map<string, ModdleElement>): ModdleElement {
  const source = nodes.get(transition.from) as ModdleElement;
  const target = nodes.get(transition.to) as ModdleElement;
  const prompt =
    transition.mustPrompt || transition.mustChange
      ? [create('docket:Prompt', withoutUndefined({ mustPrompt: joinList(transition.mustPrompt), mustChange: joinList(transition.mustChange) }))]
      : [];
  const handlers = [...encodeActions('onHandOff', transition.handlers?.onHandOff), ...encodeActions('onRejection', transition.handlers?.onRejection)];
  const flow = create(
    'bpmn:SequenceFlow',
    withoutUndefined({
      id: transition.id,
      name: transition.name || undefined,
      sourceRef: source,
      targetRef: target,
      conditionExpression:
        transition.condition !== undefined ? create('bpmn:FormalExpression', { language: JSONLOGIC_LANGUAGE, body: encodeJson(transition.condition) }) : undefined,
      extensionElements: extensionElements([...prompt, ...handlers]),
    }),
  );
  (source.outgoing as ModdleElement[]).push(flow);
  (target.incoming as ModdleElement[]).push(flow);
  return flow;
}

function diagramOf(route: RouteDefinition, process: ModdleElement, elements: Map<string, ModdleElement>): ModdleElement {
  const layout = route.diagram ?? autoLayout(route);
  const shapes = Object.entries(layout.shapes).map(([id, bounds]) =>
    create('bpmndi:BPMNShape', { id: `${id}_di`, bpmnElement: elements.get(id), bounds: create('dc:Bounds', { ...bounds }) }),
  );
  const edges = Object.entries(layout.edges).map(([id, points]) =>
    create('bpmndi:BPMNEdge', { id: `${id}_di`, bpmnElement: elements.get(id), waypoint: points.map((point) => create('dc:Point', { ...point })) }),
  );
  const plane = create('bpmndi:BPMNPlane', { id: 'RoutePlane', bpmnElement: process, planeElement: [...shapes, ...edges] });
  return create('bpmndi:BPMNDiagram', { id: 'RouteDiagram', plane });
}

/** Writes a route version as a BPMN 2.0 file with Docket's extension; a route without a layout gets one. */
export async function routeToBpmn(input: RouteDefinition): Promise<string> {
  const route = parseRoute(input);
  const nodes = new Map(route.steps.map((step) => [step.id, stepElement(step)]));
  for (const node of nodes.values()) Object.assign(node, { incoming: [], outgoing: [] });
  const flows = new Map(route.transitions.map((transition) => [transition.id, flowElement(transition, nodes)]));
  for (const step of route.steps) {
    if (step.kind === 'exclusiveGateway' && step.default) (nodes.get(step.id) as ModdleElement).default = flows.get(step.default);
  }
  const process = create(
    'bpmn:Process',
    withoutUndefined({
      id: 'Route',
      name: route.name,
      isExecutable: true,
      code: route.code,
      version: route.version,
      topics: joinList(route.topics),
      regulation: route.regulation,
      flowElements: [...nodes.values(), ...flows.values()],
      extensionElements: extensionElements(encodeHandlers(route.handlers)),
    }),
  );
  const definitions = create('bpmn:Definitions', {
    id: 'RouteDefinitions',
    targetNamespace: 'http://docket.dev/routes',
    exporter: 'Docket',
    exporterVersion: '1.0',
    rootElements: [process],
    diagrams: [diagramOf(route, process, new Map([...nodes, ...flows]))],
  });
  const { xml } = await moddle().toXML(definitions, { format: true });
  return xml;
}
