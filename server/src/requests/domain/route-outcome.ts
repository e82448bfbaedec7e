import type { AuditAction, ChildRequestSpec, ResolutionKind, RouteDefinition, RouteEffect, RouteState, RuleExplanation } from '../../../../workflows/index';

export interface RouteAuditLine {
  action: AuditAction;
  stepId?: string;
  transitionId?: string;
  detail?: string;
  explanation?: RuleExplanation;
}

export interface RouteNotification {
  template: string;
  recipients: string[];
  event: string;
  stepId?: string;
  transitionId?: string;
}

/** A child request a route step (or a createChild action) asks for; `tokenId` is set when the step waits for it. */
export interface ChildToSpawn extends ChildRequestSpec {
  key: string;
  values: Record<string, unknown>;
  stepId: string;
  tokenId?: string;
}

/** A webhook the route calls; delivered later, from a durable job. */
export interface RouteWebhook {
  url: string;
  method: 'POST' | 'PUT';
  body: unknown;
  event: string;
}

/** What the server must do after one interpretation, gathered from the interpreter's effects in their order. */
export interface EffectPlan {
  /** The queue code of the last assignment; undefined when no effect assigned one. */
  queueCode?: string;
  attributeChanges: Record<string, unknown>;
  priority?: unknown;
  timersToStart: { timerId: string; stepId: string; firesAt: string }[];
  notifications: RouteNotification[];
  close?: ResolutionKind;
  audit: RouteAuditLine[];
  childrenToSpawn: ChildToSpawn[];
  /** Keys of child requests to close as cancelled. */
  childrenToCancel: { stepId: string; keys: string[] }[];
  webhooks: RouteWebhook[];
}

/** One entry per effect type: how it lands in the plan. */
const PLANNERS: { [T in RouteEffect['type']]: (plan: EffectPlan, effect: Extract<RouteEffect, { type: T }>) => void } = {
  assignQueue: (plan, effect) => {
    plan.queueCode = effect.queue;
    plan.audit.push({ action: 'queueSelected', stepId: effect.stepId, detail: effect.queue, explanation: effect.explanation });
  },
  notify: (plan, effect) => {
    plan.notifications.push({ template: effect.template, recipients: effect.recipients, event: effect.event, stepId: effect.stepId, transitionId: effect.transitionId });
  },
  spawnChildren: (plan, effect) => {
    for (const child of effect.children) plan.childrenToSpawn.push({ ...child, stepId: effect.stepId, ...(effect.tokenId === undefined ? {} : { tokenId: effect.tokenId }) });
  },
  cancelChildren: (plan, effect) => {
    plan.childrenToCancel.push({ stepId: effect.stepId, keys: effect.keys });
  },
  startTimer: (plan, effect) => {
    plan.timersToStart.push({ timerId: effect.timerId, stepId: effect.stepId, firesAt: effect.firesAt });
  },
  // A stopped timer stays scheduled: when it fires the interpreter finds no token waiting for it and ignores it.
  stopTimer: (plan, effect) => {
    plan.timersToStart = plan.timersToStart.filter((timer) => timer.timerId !== effect.timerId);
  },
  setAttribute: (plan, effect) => {
    plan.attributeChanges[effect.attribute] = effect.value;
  },
  setPriority: (plan, effect) => {
    plan.priority = effect.priority;
  },
  webhook: (plan, effect) => {
    plan.webhooks.push({ url: effect.url, method: effect.method, body: effect.body, event: effect.event });
  },
  close: (plan, effect) => {
    plan.close = effect.resolution;
  },
  audit: (plan, effect) => {
    plan.audit.push({ action: effect.action, stepId: effect.stepId, transitionId: effect.transitionId, detail: effect.detail, explanation: effect.explanation });
  },
};

export function planEffects(effects: readonly RouteEffect[]): EffectPlan {
  const plan: EffectPlan = { attributeChanges: {}, timersToStart: [], notifications: [], audit: [], childrenToSpawn: [], childrenToCancel: [], webhooks: [] };
  for (const effect of effects) (PLANNERS[effect.type] as (plan: EffectPlan, effect: RouteEffect) => void)(plan, effect);
  return plan;
}

/** Where the request stands on its route, as the request row shows it. */
export interface RoutePosition {
  status: string;
  isOpen: boolean;
  currentSteps: string | null;
  /** The queue of the first branch that has one. */
  queueCode?: string;
  /** Handed from one user task to another in a different queue: the receiver must accept or hand back. */
  awaitingAcceptance: boolean;
}

export const STATUS_NEW = 'new';
export const STATUS_IN_PROGRESS = 'in_progress';
export const STATUS_CLOSED = 'closed';
/** Solved, waiting for the customer to confirm or reject: still open (its clocks are the SLA policy's to stop). */
export const STATUS_RESOLVED = 'resolved';

export function positionOf(route: RouteDefinition, state: RouteState, previousQueueCode: string | undefined): RoutePosition {
  if (state.status === 'ended') {
    const resolved = state.resolution === 'resolved';
    return { status: resolved ? STATUS_RESOLVED : STATUS_CLOSED, isOpen: resolved, currentSteps: null, awaitingAcceptance: false };
  }
  const steps = new Map(route.steps.map((step) => [step.id, step]));
  const transitions = new Map(route.transitions.map((transition) => [transition.id, transition]));
  const queueCode = state.tokens.find((token) => token.queue)?.queue;
  const handedOff = state.tokens.some((token) => {
    const via = token.via ? transitions.get(token.via) : undefined;
    return via !== undefined && steps.get(token.stepId)?.kind === 'userTask' && steps.get(via.from)?.kind === 'userTask';
  });
  return {
    status: STATUS_IN_PROGRESS,
    isOpen: true,
    currentSteps: [...new Set(state.tokens.map((token) => token.stepId))].join(',').slice(0, 500) || null,
    queueCode,
    awaitingAcceptance: handedOff && queueCode !== previousQueueCode,
  };
}
