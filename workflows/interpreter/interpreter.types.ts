import type { ChildRequestSpec, FlagValue, ResolutionKind, SlaEventKind } from '../model/route.types';

/** The standard evaluation context (`request`, `client`, `contact`, `user`, ...), as the rule engine reads it. */
export type ContextData = Record<string, unknown>;

export interface AttributeFlags {
  hidden: boolean;
  readOnly: boolean;
  required: boolean;
}
export type AttributeFlagRules = Partial<Record<keyof AttributeFlags, FlagValue>>;

export interface RouteContext {
  data: ContextData;
  /** The topic's flags per attribute code (a step's overrides apply on top). */
  attributeFlags?: Record<string, AttributeFlagRules>;
}

export type ChildStatus = 'open' | ResolutionKind | 'cancelled';
export interface ChildTracking {
  key: string;
  spec: number;
  status: ChildStatus;
}

/** One place where the request is: a step, and what it waits for there. */
export interface Token {
  id: string;
  stepId: string;
  enteredAt: string;
  /** The transition that brought it here (absent after a hand-back: a hand-back cannot be handed back). */
  via?: string;
  queue?: string;
  timer?: { id: string; firesAt: string };
  children?: ChildTracking[];
}

export interface RouteState {
  route: string;
  version: number;
  status: 'running' | 'ended';
  tokens: Token[];
  /** Parallel join gateway → the incoming transitions that have arrived. */
  joins: Record<string, string[]>;
  /** Child-request step → how it finished: `completed` or `cancelled`; rules read it as `route.outcomes`. */
  outcomes: Record<string, 'completed' | 'cancelled'>;
  resolution?: ResolutionKind;
  endStep?: string;
  endedAt?: string;
  /** The user task a token last left: where a reopened request goes back to when its end step names none. */
  lastUserTask?: string;
  /** Feeds deterministic ids for tokens, timers and children. */
  sequence: number;
}

export type RouteEvent =
  | { type: 'start' }
  | { type: 'transition'; transitionId: string; tokenId?: string; changes?: Record<string, unknown> }
  | { type: 'handBack'; tokenId?: string; reason?: string }
  | { type: 'timerFired'; timerId: string }
  | { type: 'childClosed'; childKey: string; resolution: ResolutionKind }
  | { type: 'cancel'; resolution: ResolutionKind; reason?: string }
  /** A regulation clock's warning or breach: the route's and the waiting user tasks' escalation handlers run; no token moves. */
  | { type: 'slaEvent'; kind: SlaEventKind; clock: string };

/** Why a rule decided as it did: its value and the inputs it read (`explainDecision` rebuilds the trace). */
export interface RuleExplanation {
  rule: unknown;
  value: unknown;
  /** Each context path the rule reads → its value at the time. */
  inputs: Record<string, unknown>;
  error?: string;
}

export type AuditAction =
  | 'started'
  | 'entered'
  | 'left'
  | 'transition'
  | 'handedBack'
  | 'gateway'
  | 'queueSelected'
  | 'joined'
  | 'childClosed'
  | 'timerFired'
  | 'staleTimer'
  | 'ended'
  | 'cancelled'
  | 'actionSkipped'
  | 'slaEscalation'
  | 'migrated'
  | 'reopened';

export type RouteEffect =
  | { type: 'assignQueue'; tokenId: string; stepId: string; queue: string; explanation?: RuleExplanation }
  | { type: 'notify'; template: string; recipients: string[]; event: string; stepId?: string; transitionId?: string }
  | { type: 'spawnChildren'; stepId: string; tokenId?: string; children: Array<ChildRequestSpec & { key: string; values: Record<string, unknown> }> }
  | { type: 'cancelChildren'; stepId: string; keys: string[] }
  | { type: 'startTimer'; timerId: string; stepId: string; firesAt: string }
  | { type: 'stopTimer'; timerId: string; stepId: string }
  | { type: 'setAttribute'; attribute: string; value: unknown; source: 'prompt' | 'action' }
  | { type: 'setPriority'; priority: unknown }
  | { type: 'webhook'; url: string; method: 'POST' | 'PUT'; body: unknown; event: string }
  | { type: 'close'; resolution: ResolutionKind; stepId?: string }
  | { type: 'audit'; action: AuditAction; stepId?: string; transitionId?: string; detail?: string; explanation?: RuleExplanation };

export interface InterpretResult {
  state: RouteState;
  effects: RouteEffect[];
}

export interface OfferedTransition {
  transitionId: string;
  name: string;
  tokenId: string;
  from: string;
  to: string;
  mustPrompt: string[];
  mustChange: string[];
}

export interface TransitionCheck extends OfferedTransition {
  offered: boolean;
  /** Why it is not offered (empty when offered). */
  reasons: string[];
}

