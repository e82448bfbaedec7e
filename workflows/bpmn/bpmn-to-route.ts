import { HANDLER_EVENTS, stepHandlerEvents, TRANSITION_HANDLER_EVENTS, type Bounds, type Point, type RouteDefinition, type RouteDiagram, type RouteStep, type StepKind, type Transition } from '../model/route.types';
import { parseRoute } from '../model/parse-route';
import { RouteGraph } from '../model/route-graph';
import { RouteError, type RouteIssue } from '../route-error';
import { guardBpmnText } from './bpmn-guard';
import { ExtensionReader, splitList } from './extension-codec';
import { describeElement, JSONLOGIC_LANGUAGE, moddle, type ModdleElement } from './moddle';
import { mappingOf, stepKindOf } from './step-mapping';

export interface BpmnImport {
  route: RouteDefinition;
  /** What was read but ignored (foreign attributes, artifacts); nothing here changes behaviour. */
  warnings: RouteIssue[];
}

const IGNORED_FLOW_ELEMENTS = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);
const HINTS: Record<string, string> = {
  'bpmn:SubProcess': 'draw the work as child requests (a call activity with <docket:childRequest>)',
  'bpmn:BoundaryEvent': 'model the deadline as a regulation or a timer step instead',
  'bpmn:InclusiveGateway': 'use an exclusive gateway, or a parallel gateway with conditions downstream',
  'bpmn:EventBasedGateway': 'use a user task with transitions for the possible events',
  'bpmn:ScriptTask': 'Docket runs no scripts; use an automatic (service) task with actions',
};

const refusal = (issues: RouteIssue[]) =>
  new RouteError('bpmn_refused', `The BPMN file cannot be used as a route (${issues.length} problem${issues.length === 1 ? '' : 's'})`, issues);

const firstLine = (message: string) => message.split('\n').map((line) => line.trim()).filter(Boolean).join('; ');

async function parseDefinitions(text: string): Promise<ModdleElement> {
  try {
    const { rootElement, warnings } = await moddle().fromXML(text, 'bpmn:Definitions');
    if (warnings.length > 0) throw refusal(warnings.map((warning) => ({ path: 'file', message: firstLine(warning.message) })));
    return rootElement;
  } catch (error) {
    if (error instanceof RouteError) throw error;
    throw refusal([{ path: 'file', message: `not a readable BPMN 2.0 document: ${firstLine((error as Error).message)}` }]);
  }
}

function foreignAttributeWarnings(element: ModdleElement, warnings: RouteIssue[]): void {
  const foreign = Object.keys(element.$attrs ?? {}).filter((name) => !name.startsWith('xmlns'));
  if (foreign.length > 0) warnings.push({ path: String(element.id ?? element.$type), message: `${describeElement(element)}: ignored attributes ${foreign.join(', ')}` });
}

function readStep(element: ModdleElement, kind: StepKind, issues: RouteIssue[]): RouteStep {
  const mapping = mappingOf(kind);
  const reader = new ExtensionReader(element, issues);
  const reason = mapping.refusal?.(element);
  if (reason) reader.refuse(reason);
  const handlers = reader.handlers(stepHandlerEvents(kind));
  const specifics = mapping.fromBpmn(element, reader);
  reader.finish();
  return {
    id: String(element.id),
    name: element.name ?? '',
    kind,
    ...(element.regulation !== undefined ? { regulation: String(element.regulation) } : {}),
    ...(handlers ? { handlers } : {}),
    ...specifics,
  } as RouteStep;
}

function readCondition(flow: ModdleElement, reader: ExtensionReader): unknown {
  const expression = flow.conditionExpression as ModdleElement | undefined;
  if (!expression) return undefined;
  const language = expression.language as string | undefined;
  if (language !== undefined && language !== JSONLOGIC_LANGUAGE) {
    reader.refuse(`the condition is written in '${language}'; Docket conditions are JSONLogic rules (language="${JSONLOGIC_LANGUAGE}")`);
    return undefined;
  }
  const body = String(expression.body ?? '').trim();
  try {
    return JSON.parse(body);
  } catch {
    reader.refuse(`the condition '${body.slice(0, 80)}' is not a JSONLogic rule; Docket does not evaluate expression languages such as JUEL or FEEL`);
    return undefined;
  }
}

function readTransition(flow: ModdleElement, issues: RouteIssue[]): Transition {
  const reader = new ExtensionReader(flow, issues);
  const condition = readCondition(flow, reader);
  const prompt = reader.takeOne('docket:Prompt');
  const mustPrompt = splitList(prompt?.mustPrompt as string | undefined);
  const mustChange = splitList(prompt?.mustChange as string | undefined);
  const handlers = reader.handlers(TRANSITION_HANDLER_EVENTS);
  reader.finish();
  return {
    id: String(flow.id),
    name: flow.name ?? '',
    from: String((flow.sourceRef as ModdleElement | undefined)?.id ?? ''),
    to: String((flow.targetRef as ModdleElement | undefined)?.id ?? ''),
    ...(condition !== undefined ? { condition } : {}),
    ...(mustPrompt ? { mustPrompt } : {}),
    ...(mustChange ? { mustChange } : {}),
    ...(handlers ? { handlers } : {}),
  };
}

function readDiagram(definitions: ModdleElement, elementIds: Set<string>): RouteDiagram | undefined {
  const plane = ((definitions.diagrams as ModdleElement[] | undefined)?.[0]?.plane as ModdleElement | undefined) ?? undefined;
  const shapes: Record<string, Bounds> = {};
  const edges: Record<string, Point[]> = {};
  for (const item of (plane?.planeElement as ModdleElement[] | undefined) ?? []) {
    const id = (item.bpmnElement as ModdleElement | undefined)?.id;
    if (!id || !elementIds.has(id)) continue;
    if (item.$type === 'bpmndi:BPMNShape' && item.bounds) {
      const { x, y, width, height } = item.bounds as unknown as Bounds;
      shapes[id] = { x, y, width, height };
    }
    if (item.$type === 'bpmndi:BPMNEdge') edges[id] = ((item.waypoint as ModdleElement[] | undefined) ?? []).map((point) => ({ x: Number(point.x), y: Number(point.y) }));
  }
  return Object.keys(shapes).length > 0 ? { shapes, edges } : undefined;
}

/** Schema problems point into the JSON; say instead which BPMN element they concern. */
function inElementTerms(error: RouteError, route: RouteDefinition): RouteError {
  const details = error.details.map((issue) => {
    const match = /^\/(steps|transitions)\/(\d+)(.*)$/.exec(issue.path);
    const element = match ? route[match[1] as 'steps' | 'transitions'][Number(match[2])] : undefined;
    if (!match || !element) return issue;
    const label = element.name ? ` ('${element.name}')` : '';
    return { path: element.id, message: `${element.id}${label}${match[3] ? ` ${match[3].slice(1)}` : ''}: ${issue.message}` };
  });
  return refusal(details);
}

/**
 * Reads a BPMN file (from Docket, bpmn.io or Camunda Modeler) into a route version. Anything Docket
 * could not execute faithfully is refused, naming the element and the reason; nothing throws otherwise.
 */
export async function bpmnToRoute(input: string | Buffer, defaults: { code?: string; version?: number } = {}): Promise<BpmnImport> {
  const definitions = await parseDefinitions(guardBpmnText(input));
  const issues: RouteIssue[] = [];
  const warnings: RouteIssue[] = [];
  const processes = ((definitions.rootElements as ModdleElement[] | undefined) ?? []).filter((element) => element.$type === 'bpmn:Process');
  if (processes.length !== 1) throw refusal([{ path: 'file', message: `a route is one BPMN process; the file has ${processes.length}` }]);
  const [process] = processes;
  const steps: RouteStep[] = [];
  const transitions: Transition[] = [];
  for (const element of (process.flowElements as ModdleElement[] | undefined) ?? []) {
    foreignAttributeWarnings(element, warnings);
    if (element.$type === 'bpmn:SequenceFlow') {
      transitions.push(readTransition(element, issues));
      continue;
    }
    if (IGNORED_FLOW_ELEMENTS.has(element.$type)) {
      warnings.push({ path: String(element.id), message: `${describeElement(element)}: ${element.$type} ignored (data has no effect on a route)` });
      continue;
    }
    const kind = stepKindOf(element.$type);
    if (!kind) {
      const hint = HINTS[element.$type] ? `; ${HINTS[element.$type]}` : '';
      issues.push({ path: String(element.id), message: `${describeElement(element)}: ${element.$type} is not supported by Docket routes${hint}` });
      continue;
    }
    steps.push(readStep(element, kind, issues));
  }
  const processReader = new ExtensionReader(process, issues);
  const handlers = processReader.handlers(HANDLER_EVENTS);
  processReader.finish();
  foreignAttributeWarnings(process, warnings);
  if (issues.length > 0) throw refusal(issues);

  const diagram = readDiagram(definitions, new Set([...steps, ...transitions].map((element) => element.id)));
  const code = (process.code as string | undefined) ?? defaults.code ?? String(process.id);
  const topics = splitList(process.topics as string | undefined);
  const draft: RouteDefinition = {
    code,
    name: process.name ?? code,
    version: (process.version as number | undefined) ?? defaults.version ?? 1,
    ...(topics ? { topics } : {}),
    ...(process.regulation !== undefined ? { regulation: String(process.regulation) } : {}),
    ...(handlers ? { handlers } : {}),
    steps,
    transitions,
    ...(diagram ? { diagram } : {}),
  };
  let route: RouteDefinition;
  try {
    route = parseRoute(draft);
  } catch (error) {
    throw error instanceof RouteError ? inElementTerms(error, draft) : error;
  }
  const trapped = new RouteGraph(route).trappedInCycles();
  if (trapped.length > 0) {
    throw refusal(trapped.map((step) => ({ path: step.id, message: `${describeElement(step)}: caught in a cycle with no way to an end event` })));
  }
  return { route, warnings };
}
