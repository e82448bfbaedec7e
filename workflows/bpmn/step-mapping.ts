import type { AttributeFlagOverride, ChildRequestSpec, QueueSelection, ResolutionKind, StepKind, StepOfKind } from '../model/route.types';
import { encodeActions, encodeJson, RUN_EVENT, type ExtensionReader } from './extension-codec';
import { moddle, type ModdleElement } from './moddle';

/** What a step kind adds to the common step fields (id, name, kind, handlers, regulation). */
type StepSpecifics<K extends StepKind> = Omit<StepOfKind<K>, 'id' | 'name' | 'kind' | 'handlers' | 'regulation'>;

export interface StepMapping<K extends StepKind> {
  /** The BPMN type written for this kind. */
  bpmnType: string;
  /** Other BPMN types read as this kind (diagrams from other modellers). */
  alsoReads?: string[];
  /** Why an element of a readable type still cannot be this kind (e.g. a start event with a message trigger). */
  refusal?: (element: ModdleElement) => string | undefined;
  toBpmn(step: StepOfKind<K>): { properties?: Record<string, unknown>; extensions?: ModdleElement[] };
  fromBpmn(element: ModdleElement, reader: ExtensionReader): StepSpecifics<K>;
}

const create = (type: string, properties?: Record<string, unknown>) => moddle().create(type, properties);
const definitionTypes = (element: ModdleElement) => ((element.eventDefinitions as ModdleElement[] | undefined) ?? []).map((definition) => definition.$type);
const noEventDefinitions = (element: ModdleElement) =>
  definitionTypes(element).length > 0 ? `event definitions (${definitionTypes(element).join(', ')}) are not supported here` : undefined;

const FLAG_NAMES = ['hidden', 'readOnly', 'required'] as const;

function encodeQueues(queues: QueueSelection | undefined): ModdleElement[] {
  if (!queues) return [];
  const rules = queues.rules.map((rule) => create('docket:QueueRule', { queue: rule.queue, label: rule.label, body: encodeJson(rule.when) }));
  return [create('docket:QueueSelection', { default: queues.default, rules })];
}

function decodeQueues(reader: ExtensionReader): QueueSelection | undefined {
  const selection = reader.takeOne('docket:QueueSelection');
  if (!selection) return undefined;
  const rules = ((selection.rules as ModdleElement[] | undefined) ?? []).map((rule) => ({
    queue: String(rule.queue ?? ''),
    when: reader.json(rule.body, `the rule of queue '${String(rule.queue)}'`),
    ...(rule.label !== undefined ? { label: String(rule.label) } : {}),
  }));
  return { rules, default: String(selection.default ?? '') };
}

function encodeFlags(flags: Record<string, AttributeFlagOverride> | undefined): ModdleElement[] {
  return Object.entries(flags ?? {}).map(([attribute, override]) =>
    create('docket:AttributeFlag', {
      attribute,
      ...Object.fromEntries(FLAG_NAMES.filter((flag) => override[flag] !== undefined).map((flag) => [flag, encodeJson(override[flag])])),
    }),
  );
}

function decodeFlags(reader: ExtensionReader): Record<string, AttributeFlagOverride> | undefined {
  const elements = reader.take('docket:AttributeFlag');
  if (elements.length === 0) return undefined;
  return Object.fromEntries(
    elements.map((element) => {
      const attribute = String(element.attribute ?? '');
      const override: AttributeFlagOverride = {};
      for (const flag of FLAG_NAMES) if (element[flag] !== undefined) override[flag] = reader.json(element[flag], `flag ${flag} of attribute '${attribute}'`);
      return [attribute, override];
    }),
  );
}

function encodeChild(child: ChildRequestSpec): ModdleElement {
  return create('docket:ChildRequest', { topic: child.topic, title: child.title, body: child.attributes ? encodeJson(child.attributes) : undefined });
}

function decodeChild(element: ModdleElement, reader: ExtensionReader): ChildRequestSpec {
  const child: ChildRequestSpec = { topic: String(element.topic ?? ''), title: String(element.title ?? '') };
  if (element.body !== undefined) child.attributes = reader.json(element.body, `the attributes of child '${child.title}'`) as ChildRequestSpec['attributes'];
  return child;
}

const timerDuration = (element: ModdleElement): string | undefined =>
  ((element.eventDefinitions as ModdleElement[] | undefined)?.[0]?.timeDuration as ModdleElement | undefined)?.body as string | undefined;

/** One entry per step kind: everything BPMN conversion knows about it. */
export const STEP_MAPPINGS: { [K in StepKind]: StepMapping<K> } = {
  start: { bpmnType: 'bpmn:StartEvent', refusal: noEventDefinitions, toBpmn: () => ({}), fromBpmn: () => ({}) },
  userTask: {
    bpmnType: 'bpmn:UserTask',
    alsoReads: ['bpmn:Task', 'bpmn:ManualTask'],
    toBpmn: (step) => ({ extensions: [...encodeQueues(step.queues), ...encodeFlags(step.attributeFlags)] }),
    fromBpmn: (_element, reader) => {
      const queues = decodeQueues(reader);
      const attributeFlags = decodeFlags(reader);
      return { ...(queues ? { queues } : {}), ...(attributeFlags ? { attributeFlags } : {}) };
    },
  },
  automatic: {
    bpmnType: 'bpmn:ServiceTask',
    toBpmn: (step) => ({ extensions: encodeActions(RUN_EVENT, step.actions) }),
    fromBpmn: (_element, reader) => ({ actions: reader.actions(RUN_EVENT) }),
  },
  timer: {
    bpmnType: 'bpmn:IntermediateCatchEvent',
    refusal: (element) => {
      const types = definitionTypes(element);
      if (types.length !== 1 || types[0] !== 'bpmn:TimerEventDefinition') return `only timer catch events are supported (found ${types.join(', ') || 'no trigger'})`;
      return timerDuration(element) ? undefined : 'the timer has no duration (timeDate and timeCycle are not supported)';
    },
    toBpmn: (step) => ({
      properties: { eventDefinitions: [create('bpmn:TimerEventDefinition', { timeDuration: create('bpmn:FormalExpression', { body: step.duration }) })] },
    }),
    fromBpmn: (element) => ({ duration: String(timerDuration(element)).trim() }),
  },
  exclusiveGateway: {
    bpmnType: 'bpmn:ExclusiveGateway',
    // The default flow is a reference to a sequence flow; it is linked once the flows exist.
    toBpmn: () => ({}),
    fromBpmn: (element) => {
      const fallback = (element.default as ModdleElement | undefined)?.id;
      return fallback ? { default: fallback } : {};
    },
  },
  parallelGateway: { bpmnType: 'bpmn:ParallelGateway', toBpmn: () => ({}), fromBpmn: () => ({}) },
  childRequests: {
    bpmnType: 'bpmn:CallActivity',
    toBpmn: (step) => ({
      extensions: [...step.children.map(encodeChild), ...(step.onChildRejection !== undefined ? [create('docket:ChildRejection', { body: encodeJson(step.onChildRejection) })] : [])],
    }),
    fromBpmn: (_element, reader) => {
      const children = reader.take('docket:ChildRequest').map((element) => decodeChild(element, reader));
      if (children.length === 0) reader.refuse('a call activity needs at least one <docket:childRequest> (Docket calls child requests, not processes)');
      const rejection = reader.takeOne('docket:ChildRejection');
      return { children, ...(rejection ? { onChildRejection: reader.json(rejection.body, 'the child rejection rule') } : {}) };
    },
  },
  end: {
    bpmnType: 'bpmn:EndEvent',
    refusal: (element) => {
      const unsupported = definitionTypes(element).filter((type) => type !== 'bpmn:TerminateEventDefinition');
      return unsupported.length > 0 ? `end event definitions (${unsupported.join(', ')}) are not supported` : undefined;
    },
    toBpmn: (step) => ({ properties: { resolution: step.resolution, reopenStep: step.reopenStepId } }),
    fromBpmn: (element) => ({
      resolution: (element.resolution as ResolutionKind | undefined) ?? 'resolved',
      ...(typeof element.reopenStep === 'string' && element.reopenStep !== '' ? { reopenStepId: element.reopenStep } : {}),
    }),
  },
};

const KIND_BY_BPMN_TYPE = new Map<string, StepKind>(
  (Object.entries(STEP_MAPPINGS) as [StepKind, StepMapping<StepKind>][]).flatMap(([kind, mapping]) => [mapping.bpmnType, ...(mapping.alsoReads ?? [])].map((type) => [type, kind] as const)),
);

export const stepKindOf = (bpmnType: string): StepKind | undefined => KIND_BY_BPMN_TYPE.get(bpmnType);

export const mappingOf = <K extends StepKind>(kind: K): StepMapping<K> => STEP_MAPPINGS[kind] as StepMapping<K>;
