import type { RouteGraph } from '../model/route-graph';
import type { ChildRequestSpec, ResolutionKind, RouteStep, Transition } from '../model/route.types';
import { RouteError } from '../route-error';
import { runActions } from './actions';
import type { ContextData, RouteContext, RouteEffect, RouteState, Token } from './interpreter.types';
import { RuleRunner } from './rule-runner';
import { STEP_BEHAVIOURS } from './step-behaviours';

/** States are JSON by contract; a JSON copy also keeps every object in the caller's realm (plain objects for the rule engine). */
export const cloneState = (state: RouteState): RouteState => JSON.parse(JSON.stringify(state)) as RouteState;

/** Steps entered in one interpretation before it is taken for an endless automatic loop. */
const MAX_ENTRIES_PER_EVENT = 10_000;

const describe = (step: RouteStep) => (step.name ? `${step.id} ('${step.name}')` : step.id);
/** Gateways route; they are not places where work happens, so route-wide enter/leave handlers skip them. */
const isWorkStep = (step: RouteStep) => step.kind !== 'exclusiveGateway' && step.kind !== 'parallelGateway';

/**
 * One interpretation: a private copy of the state, the effects emitted so far, and the context as the
 * actions have changed it. The public functions create a Run, apply one event and return its result.
 */
export class Run {
  readonly effects: RouteEffect[] = [];
  readonly state: RouteState;
  readonly rules: RuleRunner;
  currentTokenId?: string;
  private currentStep?: RouteStep;
  private readonly working: ContextData & { request: Record<string, unknown> & { attributes: Record<string, unknown> } };
  private cachedData?: ContextData;
  private entries = 0;
  private readonly arrivals: Array<{ stepId: string; via?: Transition }> = [];
  private draining = false;
  private readonly nowIso: string;

  constructor(
    readonly graph: RouteGraph,
    state: RouteState,
    context: RouteContext,
    readonly now: Date,
  ) {
    this.state = cloneState(state);
    this.rules = new RuleRunner(now);
    this.nowIso = now.toISOString();
    const request = (context.data.request ?? {}) as Record<string, unknown>;
    this.working = { ...context.data, request: { ...request, attributes: { ...((request.attributes as Record<string, unknown> | undefined) ?? {}) } } };
  }

  /** The data rules read: the context plus the current step and the route's own facts. */
  data(): ContextData {
    this.cachedData ??= {
      ...this.working,
      step: this.currentStep ? { id: this.currentStep.id, name: this.currentStep.name } : undefined,
      route: { outcomes: this.state.outcomes },
      now: this.nowIso,
    };
    return this.cachedData;
  }

  /** Facts of the event at hand that rules read beside the context, e.g. `sla` while an escalation runs. */
  addFacts(facts: ContextData): void {
    Object.assign(this.working, facts);
    this.cachedData = undefined;
  }

  attributes(): Record<string, unknown> {
    return this.working.request.attributes;
  }

  nextId(prefix: string): string {
    this.state.sequence += 1;
    return `${prefix}${this.state.sequence}`;
  }

  emit(effect: RouteEffect): void {
    this.effects.push(effect);
  }

  audit(entry: Omit<Extract<RouteEffect, { type: 'audit' }>, 'type'>): void {
    this.effects.push({ type: 'audit', ...entry });
  }

  setAttribute(attribute: string, value: unknown, source: 'prompt' | 'action'): void {
    this.working.request.attributes[attribute] = value;
    this.cachedData = undefined;
    this.emit({ type: 'setAttribute', attribute, value, source });
  }

  /** An `assignQueue` action: the queue of the token it runs for, if any, changes too. */
  assignQueue(queue: string, stepId: string): void {
    const token = this.state.tokens.find((candidate) => candidate.id === this.currentTokenId);
    if (token) token.queue = queue;
    this.emit({ type: 'assignQueue', tokenId: this.currentTokenId ?? '', stepId, queue });
  }

  setPriority(priority: unknown): void {
    this.working.request.priority = priority;
    this.cachedData = undefined;
    this.emit({ type: 'setPriority', priority });
  }

  childOf(spec: ChildRequestSpec, key: string): ChildRequestSpec & { key: string; values: Record<string, unknown> } {
    const values = Object.fromEntries(Object.entries(spec.attributes ?? {}).map(([code, rule]) => [code, this.rules.value(rule, this.data())]));
    return { ...spec, key, values };
  }

  /** Runs `work` with `step` and `tokenId` as the place rules and actions refer to. */
  at<T>(step: RouteStep, tokenId: string | undefined, work: () => T): T {
    const previous = { step: this.currentStep, token: this.currentTokenId };
    this.currentStep = step;
    this.currentTokenId = tokenId;
    this.cachedData = undefined;
    try {
      return work();
    } finally {
      this.currentStep = previous.step;
      this.currentTokenId = previous.token;
      this.cachedData = undefined;
    }
  }

  token(tokenId: string): Token {
    const token = this.state.tokens.find((candidate) => candidate.id === tokenId);
    if (!token) throw new RouteError('unknown_token', `The request has no active branch '${tokenId}'`, [{ path: 'tokenId', message: 'not active' }]);
    return token;
  }

  /**
   * Puts a token on `stepId`. Arrivals are queued and handled in a loop rather than by recursion, so a
   * long chain of automatic steps cannot exhaust the stack; the loop guard catches endless ones.
   */
  enter(stepId: string, via?: Transition): void {
    this.arrivals.push({ stepId, via });
    if (this.draining) return;
    this.draining = true;
    try {
      for (let arrival = this.arrivals.shift(); arrival; arrival = this.arrivals.shift()) this.arrive(arrival.stepId, arrival.via);
    } finally {
      this.draining = false;
    }
  }

  private arrive(stepId: string, via: Transition | undefined): void {
    this.entries += 1;
    if (this.entries > MAX_ENTRIES_PER_EVENT) {
      throw new RouteError('route_loop', `The route kept moving through automatic steps without waiting (last: ${stepId}); check its conditions`, [{ path: stepId, message: 'endless automatic loop' }]);
    }
    const step = this.graph.step(stepId);
    const token: Token = { id: this.nextId('t'), stepId, enteredAt: this.nowIso, ...(via ? { via: via.id } : {}) };
    this.state.tokens.push(token);
    const behaviour = STEP_BEHAVIOURS[step.kind] as { settle?: (...args: unknown[]) => void; proceed: (...args: unknown[]) => void };
    this.at(step, token.id, () => {
      this.audit({ action: 'entered', stepId, transitionId: via?.id });
      behaviour.settle?.(this, token, step, via);
      if (isWorkStep(step)) runActions(this, this.graph.route.handlers?.onEnter, { event: 'onEnter', stepId });
      runActions(this, step.handlers?.onEnter, { event: 'onEnter', stepId });
      behaviour.proceed(this, token, step, via);
    });
  }

  /** Takes `transition` out of the token's step: leave handlers, then the transition. */
  leave(token: Token, transition: Transition): void {
    const step = this.graph.step(token.stepId);
    this.removeToken(token);
    this.at(step, token.id, () => {
      runActions(this, step.handlers?.onLeave, { event: 'onLeave', stepId: step.id });
      if (isWorkStep(step)) runActions(this, this.graph.route.handlers?.onLeave, { event: 'onLeave', stepId: step.id });
      this.audit({ action: 'left', stepId: step.id, transitionId: transition.id });
    });
    this.follow(step, token, transition);
  }

  /** Hand-off handlers of the transition (and the route's, when it reaches a queue), then the next step. */
  follow(from: RouteStep, token: Token, transition: Transition): void {
    this.at(from, token.id, () => {
      runActions(this, transition.handlers?.onHandOff, { event: 'onHandOff', stepId: from.id, transitionId: transition.id });
      if (this.graph.step(transition.to).kind === 'userTask') {
        runActions(this, this.graph.route.handlers?.onHandOff, { event: 'onHandOff', stepId: from.id, transitionId: transition.id });
      }
    });
    this.enter(transition.to, transition);
  }

  /** Leaves a step that decides for itself: the first outgoing transition whose condition holds, else the default. */
  moveOn(token: Token, step: RouteStep, fallback?: string): void {
    const outgoing = this.graph.outgoing(step.id);
    const chosen = outgoing.find((transition) => transition.id !== fallback && (transition.condition === undefined || this.rules.holds(transition.condition, this.data())));
    const taken = chosen ?? outgoing.find((transition) => transition.id === fallback);
    if (!taken) throw new RouteError('no_way_out', `Step ${describe(step)} has no outgoing transition whose condition holds`, [{ path: step.id, message: 'no way out' }]);
    if (step.kind === 'exclusiveGateway') {
      const explanation = taken.condition !== undefined ? this.rules.explain(taken.condition, this.data()) : undefined;
      this.audit({ action: 'gateway', stepId: step.id, transitionId: taken.id, detail: chosen ? `'${taken.name || taken.id}' chosen` : 'no condition held; default taken', explanation });
    }
    this.leave(token, taken);
  }

  removeToken(token: Token): void {
    if (this.graph.steps.get(token.stepId)?.kind === 'userTask') this.state.lastUserTask = token.stepId;
    this.state.tokens = this.state.tokens.filter((candidate) => candidate.id !== token.id);
  }

  /** Stops what a token waits for (its timer, its open children) before it is dropped. */
  release(token: Token): void {
    if (token.timer) this.emit({ type: 'stopTimer', timerId: token.timer.id, stepId: token.stepId });
    const open = (token.children ?? []).filter((child) => child.status === 'open');
    if (open.length > 0) this.emit({ type: 'cancelChildren', stepId: token.stepId, keys: open.map((child) => child.key) });
    this.removeToken(token);
  }

  end(resolution: ResolutionKind, stepId?: string): void {
    this.state.status = 'ended';
    this.state.resolution = resolution;
    this.state.endedAt = this.nowIso;
    if (stepId) this.state.endStep = stepId;
    this.emit({ type: 'close', resolution, stepId });
    this.audit({ action: 'ended', stepId, detail: resolution });
  }
}
