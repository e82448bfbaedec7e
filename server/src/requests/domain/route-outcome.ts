import type { AuditAction, ResolutionKind, RouteDefinition, RouteEffect, RouteState, RuleExplanation } from '../../../../workflows/index';

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
  /** Effects this server does not carry out yet (child requests, webhooks): journalled as skipped, never dropped silently. */
  skipped: RouteAuditLine[];
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
    plan.skipped.push({ action: 'actionSkipped', stepId: effect.stepId, detail: `child requests (${effect.children.map((child) => child.key).join(', ')}) are not created by this server yet` });
  },
  cancelChildren: (plan, effect) => {
    plan.skipped.push({ action: 'actionSkipped', stepId: effect.stepId, detail: `cancelling child requests ${effect.keys.join(', ')} is not supported yet` });
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
    plan.skipped.push({ action: 'actionSkipped', detail: `webhook ${effect.method} ${effect.url} on ${effect.event} is not sent by this server yet` });
  },
  close: (plan, effect) => {
    plan.close = effect.resolution;
  },
  audit: (plan, effect) => {
    plan.audit.push({ action: effect.action, stepId: effect.stepId, transitionId: effect.transitionId, detail: effect.detail, explanation: effect.explanation });
  },
};

export function planEffects(effects: readonly RouteEffect[]): EffectPlan {
  const plan: EffectPlan = { attributeChanges: {}, timersToStart: [], notifications: [], audit: [], skipped: [] };
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

export function positionOf(route: RouteDefinition, state: RouteState, previousQueueCode: string | undefined): RoutePosition {
  if (state.status === 'ended') return { status: STATUS_CLOSED, isOpen: false, currentSteps: null, awaitingAcceptance: false };
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
