import { ACTION_KINDS, HANDLER_EVENTS, RESOLUTION_KINDS, STEP_HANDLER_EVENTS, STEP_KINDS, TRANSITION_HANDLER_EVENTS, USER_TASK_HANDLER_EVENTS } from './route.types';

/** JSON Schema (draft-07, for ajv 8) of a route version; the shapes mirror `route.types.ts`. */
const id = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_.-]{0,127}$' };
const code = { type: 'string', minLength: 1, maxLength: 128 };
const name = { type: 'string', maxLength: 500 };
/** Codes kept in lists are written comma-separated in BPMN attributes, so they hold no commas or spaces. */
const codeList = { type: 'array', items: { type: 'string', pattern: '^[^,\\s]{1,128}$' }, uniqueItems: true };
const rule = {};

const actionFields: Record<(typeof ACTION_KINDS)[number], { required: string[]; properties: Record<string, unknown> }> = {
  setAttribute: { required: ['attribute', 'value'], properties: { attribute: code, value: rule } },
  assignQueue: { required: ['queue'], properties: { queue: code } },
  notify: { required: ['template', 'recipients'], properties: { template: code, recipients: { type: 'array', minItems: 1, items: code } } },
  webhook: {
    required: ['url', 'method'],
    properties: { url: { type: 'string', pattern: '^https?://', maxLength: 2000 }, method: { enum: ['POST', 'PUT'] }, body: rule },
  },
  createChild: {
    required: ['topic', 'title'],
    properties: { topic: code, title: name, attributes: { type: 'object', propertyNames: code } },
  },
  setPriority: { required: ['priority'], properties: { priority: rule } },
};

const action = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { enum: [...ACTION_KINDS] } },
  allOf: ACTION_KINDS.map((kind) => ({
    if: { properties: { kind: { const: kind } } },
    then: {
      required: actionFields[kind].required,
      properties: { kind: true, when: rule, ...actionFields[kind].properties },
      additionalProperties: false,
    },
  })),
};
const actions = { type: 'array', items: action };
const handlersFor = (events: readonly string[]) => ({
  type: 'object',
  properties: Object.fromEntries(events.map((event) => [event, actions])),
  additionalProperties: false,
});

const childSpec = {
  type: 'object',
  required: ['topic', 'title'],
  properties: { topic: code, title: name, attributes: { type: 'object', propertyNames: code } },
  additionalProperties: false,
};
const flag = {};
const stepCommon = { id, name, kind: true, handlers: handlersFor(STEP_HANDLER_EVENTS), regulation: code };
const stepFields: Record<(typeof STEP_KINDS)[number], { required?: string[]; properties?: Record<string, unknown> }> = {
  start: {},
  userTask: {
    properties: {
      handlers: handlersFor(USER_TASK_HANDLER_EVENTS),
      queues: {
        type: 'object',
        required: ['rules', 'default'],
        properties: {
          rules: {
            type: 'array',
            items: { type: 'object', required: ['queue', 'when'], properties: { queue: code, when: rule, label: name }, additionalProperties: false },
          },
          default: code,
        },
        additionalProperties: false,
      },
      attributeFlags: {
        type: 'object',
        propertyNames: code,
        additionalProperties: { type: 'object', properties: { hidden: flag, readOnly: flag, required: flag }, additionalProperties: false },
      },
    },
  },
  automatic: { required: ['actions'], properties: { actions } },
  timer: {
    required: ['duration'],
    properties: { duration: { type: 'string', pattern: '^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$' } },
  },
  exclusiveGateway: { properties: { default: id } },
  parallelGateway: {},
  childRequests: {
    required: ['children'],
    properties: { children: { type: 'array', minItems: 1, items: childSpec }, onChildRejection: rule },
  },
  end: { required: ['resolution'], properties: { resolution: { enum: [...RESOLUTION_KINDS] }, reopenStepId: id } },
};
const step = {
  type: 'object',
  required: ['id', 'name', 'kind'],
  properties: { kind: { enum: [...STEP_KINDS] } },
  allOf: STEP_KINDS.map((kind) => ({
    if: { properties: { kind: { const: kind } } },
    then: {
      required: stepFields[kind].required ?? [],
      properties: { ...stepCommon, ...stepFields[kind].properties },
      additionalProperties: false,
    },
  })),
};

const transition = {
  type: 'object',
  required: ['id', 'name', 'from', 'to'],
  properties: {
    id,
    name,
    from: id,
    to: id,
    condition: rule,
    mustPrompt: codeList,
    mustChange: codeList,
    handlers: handlersFor(TRANSITION_HANDLER_EVENTS),
  },
  additionalProperties: false,
};

const number = { type: 'number' };
const diagram = {
  type: 'object',
  required: ['shapes', 'edges'],
  properties: {
    shapes: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['x', 'y', 'width', 'height'],
        properties: { x: number, y: number, width: number, height: number },
        additionalProperties: false,
      },
    },
    edges: {
      type: 'object',
      additionalProperties: {
        type: 'array',
        items: { type: 'object', required: ['x', 'y'], properties: { x: number, y: number }, additionalProperties: false },
      },
    },
  },
  additionalProperties: false,
};

export const ROUTE_SCHEMA = {
  $id: 'https://docket.dev/schema/route.json',
  type: 'object',
  required: ['code', 'name', 'version', 'steps', 'transitions'],
  properties: {
    code,
    name: { type: 'string', minLength: 1, maxLength: 500 },
    version: { type: 'integer', minimum: 1 },
    topics: codeList,
    regulation: code,
    handlers: handlersFor(HANDLER_EVENTS),
    steps: { type: 'array', minItems: 1, maxItems: 1000, items: step },
    transitions: { type: 'array', maxItems: 3000, items: transition },
    diagram,
  },
  additionalProperties: false,
} as const;
