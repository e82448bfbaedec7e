import { contextAfter } from '../interpreter/context-updates';
import { checkTransitions, effectiveFlags, graphOf, initialState, interpret } from '../interpreter/interpret';
import type { AttributeFlags, RouteContext, RouteEffect, RouteEvent, RouteState } from '../interpreter/interpreter.types';
import { isFilled } from '../interpreter/flags';
import type { ResolutionKind, RouteDefinition, StepKind } from '../model/route.types';
import { RouteError } from '../route-error';

export interface SimulationChoice {
  transitionId: string;
  changes?: Record<string, unknown>;
}

export interface SimulationOptions {
  context: RouteContext;
  /** When the simulated request starts. */
  now: Date;
  /** Transitions to take at user tasks, in order; when they run out, the first offered one is taken. */
  choices?: SimulationChoice[];
  /** How every spawned child request closes (default `resolved`). */
  childResolution?: ResolutionKind;
  /** Events before the simulation stops, taking the route for an endless loop (default 500). */
  maxEvents?: number;
}

export interface SimulatedStep {
  stepId: string;
  name: string;
  kind: StepKind;
  at: string;
  queue?: string;
  /** The attribute flags in force at a user task. */
  flags?: Record<string, AttributeFlags>;
  /** Transitions offered there, and the one taken. */
  offered?: string[];
  taken?: string;
  /** For gateways and queue choices: the audit's reason. */
  decision?: string;
}

export interface SimulationReport {
  path: SimulatedStep[];
  resolution?: ResolutionKind;
  /** Why the run stopped before an end, if it did. */
  stopped?: string;
  effects: RouteEffect[];
}

const PLACEHOLDER = '«simulated»';

/** Values for what a transition prompts for: the choice's, else a placeholder for whatever is empty or must change. */
function promptValues(transition: { mustPrompt: string[]; mustChange: string[] }, context: RouteContext, given?: Record<string, unknown>): Record<string, unknown> {
  const attributes = ((context.data.request as { attributes?: Record<string, unknown> } | undefined)?.attributes ?? {}) as Record<string, unknown>;
  const changes: Record<string, unknown> = { ...given };
  for (const code of transition.mustPrompt) if (!(code in changes) && !isFilled(attributes[code])) changes[code] = PLACEHOLDER;
  for (const code of transition.mustChange) if (!(code in changes)) changes[code] = `${PLACEHOLDER} ${String(attributes[code] ?? '')}`.trim();
  return changes;
}

/**
 * Runs a route version over one request context — the administrator's test before publishing: the path
 * taken, the queue chosen and the flags in force at each step. Timers fire at once (simulated time moves
 * on), children close as `childResolution`, user tasks take the scripted or first offered transition.
 */
export function simulate(route: RouteDefinition, options: SimulationOptions): SimulationReport {
  const graph = graphOf(route);
  const report: SimulationReport = { path: [], effects: [] };
  const choices = [...(options.choices ?? [])];
  let state: RouteState = initialState(route);
  let context = options.context;
  let now = options.now;

  const apply = (event: RouteEvent): void => {
    const result = interpret(route, state, event, context, now);
    for (const effect of result.effects) {
      if (effect.type === 'audit' && effect.action === 'entered' && effect.stepId) {
        const step = graph.step(effect.stepId);
        report.path.push({ stepId: step.id, name: step.name, kind: step.kind, at: now.toISOString() });
      }
      const last = report.path[report.path.length - 1];
      if (effect.type === 'assignQueue' && last) last.queue = effect.queue;
      if (effect.type === 'audit' && (effect.action === 'gateway' || effect.action === 'queueSelected') && last) last.decision = effect.detail;
    }
    report.effects.push(...result.effects);
    state = result.state;
    context = contextAfter(context, result.effects);
  };

  /** The next event for a waiting request, or why there is none. */
  const nextEvent = (): RouteEvent | string => {
    const token = state.tokens[0];
    const step = graph.step(token.stepId);
    if (token.timer) {
      now = new Date(token.timer.firesAt);
      return { type: 'timerFired', timerId: token.timer.id };
    }
    const open = token.children?.find((child) => child.status === 'open');
    if (open) return { type: 'childClosed', childKey: open.key, resolution: options.childResolution ?? 'resolved' };
    const entry = [...report.path].reverse().find((visited) => visited.stepId === step.id) as SimulatedStep;
    const checks = checkTransitions(route, state, context, now).filter((check) => check.tokenId === token.id);
    entry.flags = effectiveFlags(route, step.id, context, now);
    entry.offered = checks.filter((check) => check.offered).map((check) => check.transitionId);
    const scripted = choices[0] && checks.find((check) => check.transitionId === choices[0].transitionId);
    const chosen = scripted ?? checks.find((check) => check.offered);
    if (!chosen) return `no transition is offered at '${step.id}': ${checks.map((check) => `${check.transitionId} (${check.reasons.join('; ')})`).join(', ') || 'it has none'}`;
    const given = scripted ? choices.shift()?.changes : undefined;
    entry.taken = chosen.transitionId;
    return { type: 'transition', transitionId: chosen.transitionId, tokenId: token.id, changes: promptValues(chosen, context, given) };
  };

  try {
    apply({ type: 'start' });
    for (let events = 1; state.status === 'running'; events++) {
      if (events > (options.maxEvents ?? 500)) return { ...report, stopped: `stopped after ${options.maxEvents ?? 500} events: the route may loop` };
      const event = nextEvent();
      if (typeof event === 'string') return { ...report, stopped: event };
      apply(event);
    }
  } catch (error) {
    if (!(error instanceof RouteError)) throw error;
    return { ...report, stopped: `${error.message}${error.details.length > 0 ? `: ${error.details.map((detail) => detail.message).join('; ')}` : ''}` };
  }
  return { ...report, resolution: state.resolution };
}
