/**
 * The route model: the JSON form of a route version that Docket stores, validates, converts to and from
 * BPMN and interprets. Conditions are JSONLogic rules as parsed JSON (the rule engine's `Rule`).
 */
export type RuleJson = unknown;

export const RESOLUTION_KINDS = ['resolved', 'unresolvable', 'erroneous', 'rejected'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

export const HANDLER_EVENTS = ['onEnter', 'onLeave', 'onHandOff', 'onRejection', 'onSlaWarning', 'onSlaBreach'] as const;
export type HandlerEvent = (typeof HANDLER_EVENTS)[number];
/** Where each event may have handlers; the route level takes them all. */
export const STEP_HANDLER_EVENTS = ['onEnter', 'onLeave'] as const;
/** A regulation's warning and breach: they escalate work someone is doing, so only user tasks (and the route) take them. */
export const SLA_HANDLER_EVENTS = ['onSlaWarning', 'onSlaBreach'] as const;
export const USER_TASK_HANDLER_EVENTS = [...STEP_HANDLER_EVENTS, ...SLA_HANDLER_EVENTS] as const;
export const TRANSITION_HANDLER_EVENTS = ['onHandOff', 'onRejection'] as const;
export type SlaHandlerEvent = (typeof SLA_HANDLER_EVENTS)[number];
export type SlaEventKind = 'warning' | 'breach';
export const SLA_EVENT_OF: Record<SlaEventKind, SlaHandlerEvent> = { warning: 'onSlaWarning', breach: 'onSlaBreach' };

export const ACTION_KINDS = ['setAttribute', 'assignQueue', 'notify', 'webhook', 'createChild', 'setPriority'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

interface ActionBase {
  /** The action runs only when this rule holds (absent: always). */
  when?: RuleJson;
}
export interface SetAttributeAction extends ActionBase {
  kind: 'setAttribute';
  attribute: string;
  /** A rule whose value is written; a literal is a rule too. */
  value: RuleJson;
}
export interface AssignQueueAction extends ActionBase {
  kind: 'assignQueue';
  queue: string;
}
export interface NotifyAction extends ActionBase {
  kind: 'notify';
  template: string;
  /** Roles ('assignee', 'queue', 'client', 'contact', 'manager') or `user:<login>` / `group:<code>`. */
  recipients: string[];
}
export interface WebhookAction extends ActionBase {
  kind: 'webhook';
  url: string;
  method: 'POST' | 'PUT';
  /** A rule evaluated over the context; its value is the JSON body (absent: the whole context). */
  body?: RuleJson;
}
export interface ChildRequestSpec {
  topic: string;
  title: string;
  /** Attribute code → rule giving the child's initial value. */
  attributes?: Record<string, RuleJson>;
}
export interface CreateChildAction extends ActionBase, ChildRequestSpec {
  kind: 'createChild';
}
export interface SetPriorityAction extends ActionBase {
  kind: 'setPriority';
  priority: RuleJson;
}
export type RouteAction = SetAttributeAction | AssignQueueAction | NotifyAction | WebhookAction | CreateChildAction | SetPriorityAction;

export type EventHandlers = Partial<Record<HandlerEvent, RouteAction[]>>;

/** A flag is fixed (`true`/`false`) or driven by a rule evaluated over the request context. */
export type FlagValue = boolean | RuleJson;
export interface AttributeFlagOverride {
  hidden?: FlagValue;
  readOnly?: FlagValue;
  required?: FlagValue;
}

export interface QueueRule {
  queue: string;
  when: RuleJson;
  label?: string;
}
/** Ordered rules, the first that holds wins; the default otherwise. */
export interface QueueSelection {
  rules: QueueRule[];
  default: string;
}

export const STEP_KINDS = ['start', 'userTask', 'automatic', 'timer', 'exclusiveGateway', 'parallelGateway', 'childRequests', 'end'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

interface StepBase {
  id: string;
  name: string;
  handlers?: Pick<EventHandlers, (typeof STEP_HANDLER_EVENTS)[number]>;
  /** Code of the regulation (time limits) that applies while the request is in this step. */
  regulation?: string;
}
export interface StartStep extends StepBase {
  kind: 'start';
}
export interface UserTaskStep extends StepBase {
  kind: 'userTask';
  handlers?: Pick<EventHandlers, (typeof USER_TASK_HANDLER_EVENTS)[number]>;
  queues?: QueueSelection;
  attributeFlags?: Record<string, AttributeFlagOverride>;
}
export interface AutomaticStep extends StepBase {
  kind: 'automatic';
  actions: RouteAction[];
}
export interface TimerStep extends StepBase {
  kind: 'timer';
  /** ISO 8601 duration, e.g. `PT4H`, `P2D`. */
  duration: string;
}
export interface ExclusiveGatewayStep extends StepBase {
  kind: 'exclusiveGateway';
  /** The outgoing transition taken when no condition holds. */
  default?: string;
}
export interface ParallelGatewayStep extends StepBase {
  kind: 'parallelGateway';
}
/** What a rejected child does to its parent, decided by `onChildRejection` (value of the rule). */
export const CHILD_REJECTION_OUTCOMES = ['continue', 'respawn', 'cancel'] as const;
export type ChildRejectionOutcome = (typeof CHILD_REJECTION_OUTCOMES)[number];
export interface ChildRequestsStep extends StepBase {
  kind: 'childRequests';
  children: ChildRequestSpec[];
  /** Evaluated over the context plus `child` (the rejected one); absent: `cancel`. */
  onChildRejection?: RuleJson;
}
export interface EndStep extends StepBase {
  kind: 'end';
  resolution: ResolutionKind;
  /** The user task a request goes back to when its customer rejects the solution or it is reopened (absent: the last user task it was at). */
  reopenStepId?: string;
}
export type RouteStep = StartStep | UserTaskStep | AutomaticStep | TimerStep | ExclusiveGatewayStep | ParallelGatewayStep | ChildRequestsStep | EndStep;

export interface Transition {
  id: string;
  name: string;
  from: string;
  to: string;
  condition?: RuleJson;
  /** Attributes the user must be prompted for (and fill) when taking the transition. */
  mustPrompt?: string[];
  /** Attributes whose value must change when taking the transition. */
  mustChange?: string[];
  handlers?: Pick<EventHandlers, (typeof TRANSITION_HANDLER_EVENTS)[number]>;
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Point {
  x: number;
  y: number;
}
/** Where each element is drawn, so a route survives a trip through the modeller unchanged. */
export interface RouteDiagram {
  shapes: Record<string, Bounds>;
  edges: Record<string, Point[]>;
}

export interface RouteDefinition {
  code: string;
  name: string;
  version: number;
  topics?: string[];
  regulation?: string;
  handlers?: EventHandlers;
  steps: RouteStep[];
  transitions: Transition[];
  diagram?: RouteDiagram;
}

export type StepOfKind<K extends StepKind> = Extract<RouteStep, { kind: K }>;

/** The events a step of this kind may have handlers for. */
export const stepHandlerEvents = (kind: StepKind): readonly HandlerEvent[] => (kind === 'userTask' ? USER_TASK_HANDLER_EVENTS : STEP_HANDLER_EVENTS);
