import { RouteGraph } from '../model/route-graph';
import type { ChildRejectionOutcome, RouteAction, RouteDefinition, RouteStep, SlaEventKind, UserTaskStep } from '../model/route.types';
import { CHILD_REJECTION_OUTCOMES, SLA_EVENT_OF } from '../model/route.types';
import { RouteError } from '../route-error';
import { runActions } from './actions';
import { flagsAt } from './flags';
import type { AttributeFlags, InterpretResult, OfferedTransition, RouteContext, RouteEvent, RouteState, Token, TransitionCheck } from './interpreter.types';
import { cloneState, Run } from './run';
import { transitionObstacles } from './transitions';

const graphs = new WeakMap<RouteDefinition, RouteGraph>();
/** Indexes are built once per route version object (the interpreter runs it many times). */
export function graphOf(route: RouteDefinition): RouteGraph {
  let graph = graphs.get(route);
  if (!graph) {
    graph = new RouteGraph(route);
    graphs.set(route, graph);
  }
  return graph;
}

export function initialState(route: RouteDefinition): RouteState {
  return { route: route.code, version: route.version, status: 'running', tokens: [], joins: {}, outcomes: {}, sequence: 0 };
}

const refuse = (code: string, message: string, path: string) => new RouteError(code, message, [{ path, message }]);

/** The token an event addresses: the one named, or the only one waiting at `stepId`. */
function tokenAt(run: Run, stepId: string, tokenId: string | undefined): Token {
  if (tokenId) return run.token(tokenId);
  const candidates = run.state.tokens.filter((token) => token.stepId === stepId);
  if (candidates.length === 1) return candidates[0];
  if (candidates.length === 0) throw refuse('not_at_step', `The request is not at step '${stepId}'`, 'transitionId');
  throw refuse('ambiguous_branch', `Several branches are at step '${stepId}'; name one with tokenId`, 'tokenId');
}

function childRejection(run: Run, step: Extract<RouteDefinition['steps'][number], { kind: 'childRequests' }>, child: object): ChildRejectionOutcome {
  if (step.onChildRejection === undefined) return 'cancel';
  const { value, error } = run.rules.attempt(step.onChildRejection, { ...run.data(), child });
  if (error === undefined && CHILD_REJECTION_OUTCOMES.includes(value as ChildRejectionOutcome)) return value as ChildRejectionOutcome;
  run.audit({ action: 'childClosed', stepId: step.id, detail: `the child rejection rule gave ${error ?? JSON.stringify(value)}; the children are cancelled` });
  return 'cancel';
}

/** The escalation handlers of a user task a token waits at, for an SLA event. */
function waitingHandlers(run: Run, event: Extract<RouteEvent, { type: 'slaEvent' }>): Array<{ token: Token; step: UserTaskStep; actions: RouteAction[] }> {
  return run.state.tokens.flatMap((token) => {
    const step = run.graph.step(token.stepId);
    const actions = step.kind === 'userTask' ? step.handlers?.[SLA_EVENT_OF[event.kind]] : undefined;
    return actions?.length ? [{ token, step: step as UserTaskStep, actions }] : [];
  });
}

type EventHandler<T extends RouteEvent['type']> = (run: Run, event: Extract<RouteEvent, { type: T }>, context: RouteContext) => void;

/** One entry per event: how it moves the request. */
const EVENT_HANDLERS: { [T in RouteEvent['type']]: EventHandler<T> } = {
  start: (run) => {
    if (run.state.sequence !== 0) throw refuse('already_started', 'The request is already on its route', 'type');
    run.audit({ action: 'started', detail: `${run.graph.route.code} v${run.graph.route.version}` });
    run.enter(run.graph.start.id);
  },
  transition: (run, event, context) => {
    const transition = run.graph.transitions.get(event.transitionId);
    if (!transition) throw refuse('unknown_transition', `The route has no transition '${event.transitionId}'`, 'transitionId');
    const token = tokenAt(run, transition.from, event.tokenId);
    const obstacles = transitionObstacles(run, token, transition, context, event.changes ?? {});
    if (obstacles.length > 0) throw new RouteError('transition_refused', `'${transition.name || transition.id}' cannot be taken now`, obstacles);
    run.audit({ action: 'transition', stepId: transition.from, transitionId: transition.id, explanation: transition.condition !== undefined ? run.rules.explain(transition.condition, run.data()) : undefined });
    for (const [code, value] of Object.entries(event.changes ?? {})) run.setAttribute(code, value, 'prompt');
    run.leave(token, transition);
  },
  handBack: (run, event) => {
    const token = event.tokenId ? run.token(event.tokenId) : run.state.tokens.find((candidate) => run.graph.step(candidate.stepId).kind === 'userTask');
    const transition = token?.via ? run.graph.transitions.get(token.via) : undefined;
    if (!token || !transition || run.graph.step(transition.from).kind !== 'userTask') {
      throw refuse('nothing_to_hand_back', 'The request did not arrive here by a hand-off from another user task, so it cannot be handed back', 'tokenId');
    }
    const step = run.graph.step(token.stepId);
    run.at(step, token.id, () => {
      run.audit({ action: 'handedBack', stepId: step.id, transitionId: transition.id, detail: event.reason });
      runActions(run, transition.handlers?.onRejection, { event: 'onRejection', stepId: step.id, transitionId: transition.id });
      runActions(run, run.graph.route.handlers?.onRejection, { event: 'onRejection', stepId: step.id, transitionId: transition.id });
      runActions(run, step.handlers?.onLeave, { event: 'onLeave', stepId: step.id });
    });
    run.removeToken(token);
    run.enter(transition.from);
  },
  timerFired: (run, event) => {
    const token = run.state.tokens.find((candidate) => candidate.timer?.id === event.timerId);
    if (!token) {
      run.audit({ action: 'staleTimer', detail: `timer ${event.timerId} is no longer running; ignored` });
      return;
    }
    const step = run.graph.step(token.stepId);
    delete token.timer;
    run.audit({ action: 'timerFired', stepId: step.id });
    run.at(step, token.id, () => run.moveOn(token, step));
  },
  childClosed: (run, event) => {
    const token = run.state.tokens.find((candidate) => candidate.children?.some((child) => child.key === event.childKey));
    const child = token?.children?.find((candidate) => candidate.key === event.childKey);
    if (!token || !child) throw refuse('unknown_child', `No step waits for child request '${event.childKey}'`, 'childKey');
    if (child.status !== 'open') return;
    const step = run.graph.step(token.stepId);
    if (step.kind !== 'childRequests') throw refuse('unknown_child', `Step '${step.id}' does not wait for children`, 'childKey');
    child.status = event.resolution;
    run.audit({ action: 'childClosed', stepId: step.id, detail: `${child.key}: ${event.resolution}` });
    const outcome = event.resolution === 'resolved' ? 'continue' : childRejection(run, step, { ...step.children[child.spec], key: child.key, resolution: event.resolution });
    if (outcome === 'respawn') {
      const spawned = run.at(step, token.id, () => run.childOf(step.children[child.spec], run.nextId(`${token.id}.child`)));
      token.children?.push({ key: spawned.key, spec: child.spec, status: 'open' });
      run.emit({ type: 'spawnChildren', stepId: step.id, tokenId: token.id, children: [spawned] });
      return;
    }
    if (outcome === 'cancel') {
      const open = (token.children ?? []).filter((candidate) => candidate.status === 'open');
      for (const other of open) other.status = 'cancelled';
      if (open.length > 0) run.emit({ type: 'cancelChildren', stepId: step.id, keys: open.map((other) => other.key) });
      run.state.outcomes[step.id] = 'cancelled';
    } else if ((token.children ?? []).some((candidate) => candidate.status === 'open')) {
      return;
    } else {
      run.state.outcomes[step.id] ??= 'completed';
    }
    run.at(step, token.id, () => run.moveOn(token, step));
  },
  slaEvent: (run, event) => {
    const handlerEvent = SLA_EVENT_OF[event.kind];
    const routeActions = run.graph.route.handlers?.[handlerEvent] ?? [];
    const waiting = waitingHandlers(run, event);
    if (routeActions.length === 0 && waiting.length === 0) return;
    // Each escalation is an event of its own: effects keyed by the sequence (notifications) must not pass for duplicates of an earlier escalation's.
    run.state.sequence += 1;
    run.addFacts({ sla: { kind: event.kind, clock: event.clock } });
    const traced = { action: 'slaEscalation' as const, cause: `${event.kind} of ${event.clock}` };
    if (routeActions.length > 0) {
      // The route's own handlers act for the branch whose queue is the request's, so an assignQueue there stays the request's queue.
      const holder = run.state.tokens.find((token) => token.queue);
      const step = holder ? run.graph.step(holder.stepId) : undefined;
      const runRoute = () => runActions(run, routeActions, { event: handlerEvent, stepId: step?.id, traced });
      if (holder && step) run.at(step, holder.id, runRoute);
      else runRoute();
    }
    for (const { token, step, actions } of waiting) run.at(step, token.id, () => runActions(run, actions, { event: handlerEvent, stepId: step.id, traced }));
  },
  cancel: (run, event) => {
    for (const token of [...run.state.tokens]) run.release(token);
    run.audit({ action: 'cancelled', detail: event.reason });
    run.end(event.resolution);
  },
};

/**
 * The route interpreter: applies one event to a request's route state and returns the new state and the
 * effects the server must carry out (assign, notify, spawn, timers, audit...). Pure: the inputs are not
 * changed, nothing is read from the clock or the outside. `route` must have passed `parseRoute`.
 */
export function interpret(route: RouteDefinition, state: RouteState, event: RouteEvent, context: RouteContext, now: Date): InterpretResult {
  if (state.route !== route.code || state.version !== route.version) {
    throw refuse('wrong_version', `The request is pinned to ${state.route} v${state.version}, not ${route.code} v${route.version}`, 'version');
  }
  // SLA clocks may run past the route's end (until the request is closed): there is nothing left to escalate.
  if (state.status === 'ended' && event.type === 'slaEvent') return { state: cloneState(state), effects: [] };
  if (state.status === 'ended') throw refuse('route_ended', 'The request has reached the end of its route', 'type');
  const run = new Run(graphOf(route), state, context, now);
  (EVENT_HANDLERS[event.type] as EventHandler<RouteEvent['type']>)(run, event, context);
  return { state: run.state, effects: run.effects };
}

const escalationHandler = (step: RouteStep | undefined, kind: SlaEventKind) => step?.kind === 'userTask' && (step.handlers?.[SLA_EVENT_OF[kind]]?.length ?? 0) > 0;
const escalatingRoutes = new WeakMap<RouteDefinition, Set<SlaEventKind>>();

/**
 * Whether an SLA event of `kind` would run any handler for a request in `state`: the route's own, or those of a
 * user task one of its tokens waits at. Without a state: whether the route has such handlers anywhere, a test
 * cheap enough to skip requests without reading them (answered once per route object).
 */
export function escalates(route: RouteDefinition, kind: SlaEventKind, state?: RouteState): boolean {
  if (!state) {
    let kinds = escalatingRoutes.get(route);
    if (!kinds) {
      kinds = new Set((['warning', 'breach'] as const).filter((candidate) => (route.handlers?.[SLA_EVENT_OF[candidate]]?.length ?? 0) > 0 || route.steps.some((step) => escalationHandler(step, candidate))));
      escalatingRoutes.set(route, kinds);
    }
    return kinds.has(kind);
  }
  if (state.status === 'ended' || state.route !== route.code || state.version !== route.version) return false;
  if ((route.handlers?.[SLA_EVENT_OF[kind]]?.length ?? 0) > 0) return true;
  const graph = graphOf(route);
  return state.tokens.some((token) => escalationHandler(graph.steps.get(token.stepId), kind));
}

/** Every transition out of the request's user tasks, with why it is or is not offered. */
export function checkTransitions(route: RouteDefinition, state: RouteState, context: RouteContext, now: Date): TransitionCheck[] {
  const run = new Run(graphOf(route), state, context, now);
  return run.state.tokens.flatMap((token) => {
    const step = run.graph.step(token.stepId);
    if (step.kind !== 'userTask') return [];
    return run.at(step, token.id, () =>
      run.graph.outgoing(step.id).map((transition) => {
        const reasons = transitionObstacles(run, token, transition, context).map((issue) => issue.message);
        return {
          transitionId: transition.id,
          name: transition.name,
          tokenId: token.id,
          from: transition.from,
          to: transition.to,
          mustPrompt: transition.mustPrompt ?? [],
          mustChange: transition.mustChange ?? [],
          offered: reasons.length === 0,
          reasons,
        };
      }),
    );
  });
}

/** The transitions a user may take now: conditions hold and the step's required attributes are filled. */
export function offeredTransitions(route: RouteDefinition, state: RouteState, context: RouteContext, now: Date): OfferedTransition[] {
  return checkTransitions(route, state, context, now)
    .filter((check) => check.offered)
    .map(({ offered: _offered, reasons: _reasons, ...transition }) => transition);
}

/** The attribute flags in force at a step: the topic's, with the step's overrides, evaluated now. */
export function effectiveFlags(route: RouteDefinition, stepId: string, context: RouteContext, now: Date): Record<string, AttributeFlags> {
  const graph = graphOf(route);
  const step = graph.step(stepId);
  const run = new Run(graph, initialState(route), context, now);
  return run.at(step, undefined, () => flagsAt(run.rules, step.kind === 'userTask' ? (step as UserTaskStep) : undefined, context, run.data()));
}
